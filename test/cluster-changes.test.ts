// Several servers on one PostgreSQL (issue 15): what one server changes, the others stop serving
// from their caches — told through LISTEN/NOTIFY, and reading through to the database while they
// cannot hear. Two servers in this process on one database and one secret file; the child-process
// version with a proxy and a kill is test/two-servers.test.ts. PostgreSQL only: on SQLite a second
// server on the same data folder is refused (test/cli.test.ts).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { openTestStorage, type TestStorage } from './support/storage.ts';
import { postgresChangeFeed, type ChangeFeed, type Heard } from '../src/server/cluster/changes.ts';
import { livingInstances, startInstance } from '../src/server/cluster/instance.ts';
import type { SettingsView } from '../src/core/api/settings.ts';
import { soon } from './support/until.ts';

const publicTitleOn = async (server: TestServer) => (await (await fetch(`${server.url}/?lang=en`)).text()).match(/<title>([^<]*)<\/title>/)?.[1] ?? '';

/** Ends every LISTEN connection on the test database, as a network cut or a PostgreSQL restart would. */
async function cutListeners(server: TestServer): Promise<number> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`);
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe('two servers on one PostgreSQL: caches', () => {
  let a: TestServer;
  let b: TestServer;
  let admin: LoggedIn;
  before(async () => {
    a = await startTestServer('postgres');
    b = await startTestServer('postgres', {}, { beside: a });
    // The link printed last is the one that works (each start issues a fresh one).
    await setUpOrganization(b);
    admin = await logIn(a);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  it('a setting changed on one server is served by the other within a second', async () => {
    const before = await publicTitleOn(b);
    assert.match(before, /Community notes/, 'B has the title cached');
    const settings = (await (await admin.get('/api/organization')).json()) as SettingsView;
    const { defaultExitUrl: _, ...current } = settings;
    const response = await admin.post('/api/organization', { ...current, publicTitle: 'Garden club' });
    assert.equal(response.status, 200);
    assert.ok(await soon(1000, async () => (await publicTitleOn(b)).includes('Garden club')), 'B serves the new title');
  });

  it('a change nobody announced is seen once the listening connection is cut (read through, then forgotten on reconnect)', async () => {
    assert.match(await publicTitleOn(b), /Garden club/);
    // Written straight into the database: no server announces it.
    await query(a, `update organization set public_title = 'Sewing circle'`);
    assert.match(await publicTitleOn(b), /Garden club/, 'still cached while listening');
    assert.ok((await cutListeners(a)) >= 2, "both servers' listening connections ended");
    assert.ok(await soon(2000, async () => (await publicTitleOn(b)).includes('Sewing circle')));
    // Listening again: a change announced by A reaches B once more.
    await query(a, `update organization set public_title = 'Chess club'`);
    const listening = await soon(5000, async () => (await query<{ n: string }>(a, `select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`))[0]!.n === '2');
    assert.ok(listening, 'both servers listen again');
    const settings = (await (await admin.get('/api/organization')).json()) as SettingsView;
    const { defaultExitUrl: _, ...current } = settings;
    assert.equal((await admin.post('/api/organization', { ...current, publicTitle: 'Book club' })).status, 200);
    assert.ok(await soon(1000, async () => (await publicTitleOn(b)).includes('Book club')));
  });
});

describe('the change feed (PostgreSQL)', () => {
  let storage: TestStorage;
  let feeds: ChangeFeed[] = [];
  before(async () => (storage = await openTestStorage('postgres')));
  after(async () => {
    await Promise.all(feeds.map((f) => f.close()));
    await storage.remove();
  });

  it('tells the publisher at once and the other feed after commit; a cut connection says "all" and is re-made', async () => {
    const first = await postgresChangeFeed(storage.db, storage.databaseUrl!, { firstMs: 20, mostMs: 200 });
    const second = await postgresChangeFeed(storage.db, storage.databaseUrl!, { firstMs: 20, mostMs: 200 });
    feeds = [first, second];
    const heardByFirst: Heard[] = [];
    const heardBySecond: Heard[] = [];
    first.subscribe((c) => heardByFirst.push(c));
    second.subscribe((c) => heardBySecond.push(c));
    await first.publish('lockdown');
    assert.deepEqual(heardByFirst.slice(0, 1), ['lockdown'], 'the publisher hears it at once');
    assert.ok(await soon(1000, async () => heardBySecond.includes('lockdown')));

    heardBySecond.length = 0;
    const client = new pg.Client({ connectionString: storage.databaseUrl });
    await client.connect();
    await client.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`);
    await client.end();
    assert.ok(await soon(1000, async () => !second.listening || heardBySecond.includes('all')));
    assert.ok(await soon(3000, async () => second.listening), 'listening again');
    assert.ok(heardBySecond.includes('all'), 'told to forget everything it may have missed');
    await first.publish('caches');
    assert.ok(await soon(1000, async () => heardBySecond.includes('caches')));
  });
});

describe('server instances (PostgreSQL)', () => {
  let storage: TestStorage;
  before(async () => (storage = await openTestStorage('postgres')));
  after(() => storage.remove());

  it('a running server is living; a stopped one is gone; one that stopped beating is no longer living', async () => {
    const one = await startInstance(storage.db, { everyMs: 50, staleMs: 500 });
    const two = await startInstance(storage.db, { everyMs: 50, staleMs: 500 });
    const living = async () => (await livingInstances(storage.db, { everyMs: 50, staleMs: 500 }).execute()).map((r) => r.id).sort();
    assert.deepEqual(await living(), [one.id, two.id].sort());
    await two.stop();
    assert.deepEqual(await living(), [one.id]);
    // A crashed server: its row stays, unrefreshed.
    await storage.db.insertInto('server_instances').values({ id: 'crashed', started_at: new Date(0).toISOString(), seen_at: new Date(Date.now() - 5000).toISOString() }).execute();
    assert.deepEqual(await living(), [one.id]);
    await one.stop();
  });
});
