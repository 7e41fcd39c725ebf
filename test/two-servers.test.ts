// Two Vigil servers on one PostgreSQL behind a loopback proxy that routes each client by a hash of
// its address (test/support/cluster.ts, proxy.ts), as issue 15 asks: both start at once and migrate
// once; a member removed on A opens nothing on B, which serves the new intake key within 1 s; an alert
// published on A is delivered once; login lockouts and the per-client intake limit hold across both;
// "require a second factor" set on A holds on B; killing A mid-load loses no acknowledged report.
//
// PostgreSQL only: the point is several servers on one PostgreSQL. On SQLite there is one server per
// data folder, and a second one is refused by the data-folder lock ("refuses a second server on the
// same data folder, with a clear message" in test/cli.test.ts).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { startTwoServers, type ClusterServer, type TwoServers } from './support/cluster.ts';
import { addMember, codenameIn, logIn, passphraseLogin, postForm, rotationsWithout, setUpOrganization, type LoggedIn } from './support/org.ts';
import { publicKeyOfPage } from './support/intake.ts';
import { countReports, query } from './support/db.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';
import { LOGIN_POLICY } from '../src/server/auth/login-guard.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';
import { type OrgKeyView } from '../src/core/api/keys.ts';
import type { DeliveryView } from '../src/core/api/alerts.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import { statusWords } from '../src/server/pages/status-words.ts';
import { soon } from './support/until.ts';

const INTAKE_PER_MINUTE = 5;
/** The deadline for B to serve what A changed: a correctness bound, not a speed measurement. */
const HEARD_WITHIN_MS = 1000;
const MIGRATIONS = readdirSync(join(import.meta.dirname, '..', 'src', 'server', 'storage', 'migrations')).filter((f) => /^\d{3}-.*\.ts$/.test(f));

/** A member's session (its cookie) used on another server: sessions live in the shared database. */
function sessionOn(server: ClusterServer, member: LoggedIn) {
  const headers = { cookie: member.cookie };
  return {
    get: (path: string) => fetch(`${server.url}${path}`, { headers }),
    post: (path: string, body: unknown = {}) => fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: JSON.stringify(body) }),
  };
}

/** A no-JavaScript report through the proxy from the client `client` (its X-Forwarded-For). */
const reportFrom = (proxyUrl: string, client: string, story: string, signal?: AbortSignal) =>
  fetch(`${proxyUrl}/report?lang=en`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: new URLSearchParams([['story', story], ['stillHeld', 'no']]).toString(),
    signal,
  });

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('two servers on one PostgreSQL behind a proxy', () => {
  let two: TwoServers;
  let a: ClusterServer;
  let b: ClusterServer;
  let admin: LoggedIn;
  let hooks: WebhookReceiver;

  before(async () => {
    hooks = await startWebhookReceiver();
    two = await startTwoServers({ VIGIL_INTAKE_PER_MINUTE: String(INTAKE_PER_MINUTE), VIGIL_ALERT_RETRY_MS: '300,600', VIGIL_ALERT_TIMEOUT_MS: '5000' });
    ({ a, b } = two);
    await setUpOrganization(two);
    admin = await logIn(a);
  });
  after(async () => {
    await two?.close();
    await hooks?.close();
  });

  it('both started at the same moment on the fresh database: every migration applied (each a row keyed by its name), both joined', async () => {
    const rows = await query<{ name: string; n: number | string }>(two, 'select name, count(*) as n from kysely_migration group by name order by name');
    assert.deepEqual(rows.map((r) => [r.name, Number(r.n)]), MIGRATIONS.map((f) => [f.replace(/\.ts$/, ''), 1]));
    const [instances] = await query<{ n: number | string }>(two, 'select count(*) as n from server_instances');
    assert.equal(Number(instances!.n), 2, 'both joined');
  });

  it('a member removed on A opens nothing on B, and B serves the new intake key within 1 s', async () => {
    const leaving = await addMember(a, admin, 'documenter', 'leaving@example.org');
    const leavingOnB = sessionOn(b, leaving);
    assert.equal((await leavingOnB.get('/api/inbox')).status, 200, 'their session works on B before');
    // B has the old key in its cache now.
    const oldKeyId = (await publicKeyOfPage(b)).keyId;
    assert.equal(oldKeyId, (await publicKeyOfPage(a)).keyId);

    assert.equal((await admin.post(`/api/members/${leaving.login.member.id}/remove`, { rotations: await rotationsWithout(admin, leaving.login.member.id) })).status, 204);
    const { keys } = (await (await admin.get('/api/keys')).json()) as { keys: OrgKeyView[] };
    const newKeyId = keys.find((k) => k.current && k.purpose === 'intake')!.keyId;
    assert.notEqual(newKeyId, oldKeyId);
    assert.ok(await soon(HEARD_WITHIN_MS, async () => (await publicKeyOfPage(b)).keyId === newKeyId), 'B serves the new intake key within 1 s');

    assert.equal((await leavingOnB.get('/api/inbox')).status, 401, 'their session ended on B');
    assert.equal((await leavingOnB.get('/api/keys')).status, 401);
    await assert.rejects(logIn(b, 'leaving@example.org', 'member passphrase long'), /401/);
    const [grants] = await query<{ n: number | string }>(two, `select count(*) as n from key_grants where member_id = '${leaving.login.member.id}'`);
    assert.equal(Number(grants!.n), 0, 'no grants left');
    // What B takes from now on is sealed to a key they never held.
    assert.equal((await postForm(b, '/report?lang=en', [['story', 'after the removal'], ['stillHeld', 'no']])).status, 200);
    const [newest] = await query<{ key_id: string }>(two, "select key_id from reports order by received_hour desc, id limit 1");
    assert.equal(newest!.key_id, newKeyId);
    assert.equal(leaving.keyring.has(newKeyId), false);
  });

  it('an alert published on A is delivered once, though both servers poll the queue', async () => {
    // A slow bridge keeps each delivery in flight across several polls of both servers.
    hooks.delays.set('/once', 600);
    assert.equal((await admin.post('/api/webhooks', { url: `${hooks.url}/once` })).status, 201);
    const adminOnB = sessionOn(b, admin);
    const publish = async (on: { post: LoggedIn['post'] }, title: string) => {
      const response = await on.post('/api/alerts', { texts: { en: { title, body: 'Stay away from the square tonight.' } }, recipients: [] });
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    };
    const sent = (id: string) =>
      soon(15_000, async () => {
        const { deliveries } = (await (await adminOnB.get(`/api/alerts/${id}/deliveries`)).json()) as { deliveries: DeliveryView[] };
        return deliveries.length === 1 && deliveries[0]!.status === 'sent';
      });
    const first = await publish(admin, 'Checkpoints on the ring road');
    assert.ok(await sent(first), 'delivered');
    // A second alert, published on B and delivered, is a fence: every poll that could still have
    // taken the first one has ended by then.
    const fence = await publish(adminOnB, 'Checkpoints lifted');
    assert.ok(await sent(fence), 'delivered');
    const callsFor = (id: string) => hooks.calls.filter((c) => c.path === '/once' && (JSON.parse(c.body) as { id: string }).id === id).length;
    assert.equal(callsFor(first), 1, 'the alert published on A reached the bridge once');
    assert.equal(callsFor(fence), 1, 'the alert published on B reached the bridge once');
  });

  it(`login failures for one account alternating A and B lock it after ${LOGIN_POLICY.max} in total`, async () => {
    const email = 'viewer@example.org';
    const passphrase = 'viewer passphrase long';
    await addMember(a, admin, 'viewer', email, passphrase);
    for (let i = 0; i < LOGIN_POLICY.max; i++) {
      const server = i % 2 === 0 ? a : b;
      const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, loginKey: toBase64Url(randomBytes(32)) }) });
      assert.equal(response.status, 401, `failure ${i + 1} (on ${server.name}) is counted, not refused`);
    }
    for (const server of [a, b]) {
      const { response } = await passphraseLogin(server, email, passphrase);
      assert.equal(response.status, 429, `locked on ${server.name}, even with the right passphrase`);
      assert.equal(await errorCode(response), 'rate-limited');
    }
  });

  it('through the proxy one client meets the intake limit after exactly the limit in total; other clients spread over both', async () => {
    const before = [...two.proxy.sent];
    const statuses: number[] = [];
    for (let i = 0; i < INTAKE_PER_MINUTE + 3; i++) statuses.push((await reportFrom(two.proxy.url, '198.51.100.7', `one client, report ${i}`)).status);
    assert.deepEqual(statuses, [...Array(INTAKE_PER_MINUTE).fill(200), 429, 429, 429]);
    const own = two.proxy.targetOf('198.51.100.7');
    assert.equal(two.proxy.sent[own]! - before[own]!, INTAKE_PER_MINUTE + 3, 'every one of them went to the same server');

    // Other clients, some routed to each server, each under the limit: all taken.
    const others: string[] = [];
    for (let i = 1; i <= 254 && (others.length < 6 || new Set(others.map(two.proxy.targetOf)).size < 2); i++) if (i !== 7) others.push(`198.51.100.${i}`);
    assert.equal(new Set(others.map(two.proxy.targetOf)).size, 2, 'the clients spread over both servers');
    const midway = [...two.proxy.sent];
    for (const client of others) for (let i = 0; i < 2; i++) assert.equal((await reportFrom(two.proxy.url, client, `${client} report ${i}`)).status, 200, client);
    assert.ok(two.proxy.sent.every((n, i) => n > midway[i]!), 'both servers took some');
  });

  it('"require a second factor" set on A holds on B: a member without one is sent to enrol', async () => {
    const member = await addMember(a, admin, 'documenter', 'doc@example.org');
    const memberOnB = sessionOn(b, member);
    // B has the organization's settings in its cache now.
    assert.equal((await memberOnB.get('/api/inbox')).status, 200);
    assert.equal((await admin.post('/api/settings', { requireSecondFactor: true })).status, 204);
    let blocked: Response | undefined;
    assert.ok(await soon(HEARD_WITHIN_MS, async () => (blocked = await memberOnB.get('/api/inbox')).status === 403), 'refused on B once the change is heard (the same 1 s)');
    assert.equal(await errorCode(blocked!), 'second-factor-required');
    assert.equal((await sessionOn(b, admin).get('/api/members')).status, 403, 'the administrator without one too');
    assert.equal((await memberOnB.get('/api/me')).status, 200, 'their account is open, to enrol');
    const start = (await (await memberOnB.post('/api/me/totp/start')).json()) as { id: string; secret: string };
    const code = new TOTP({ secret: Secret.fromBase32(start.secret) }).generate();
    assert.equal((await memberOnB.post('/api/me/totp/confirm', { id: start.id, code })).status, 200);
    assert.equal((await memberOnB.get('/api/inbox')).status, 200, 'enrolled on B, let in on B');
    assert.equal((await sessionOn(a, member).get('/api/inbox')).status, 200, 'and on A');
  });

  it('killing A (SIGKILL) mid-load loses no acknowledged report; the proxy moves the rest to B', async () => {
    const TOTAL = 60;
    const WORKERS = 4;
    const deadline = Date.now() + 60_000;
    const reportsBefore = await countReports(two);
    const acknowledged: { client: string; codename: string }[] = [];
    const afterExit: { client: string; status: number }[] = [];
    let next = 0;
    let exited = false;
    let killing: Promise<void> | undefined;
    const worker = async () => {
      while (next < TOTAL && Date.now() < deadline) {
        const i = next++;
        // A client of its own for each report: the per-client limit is not what this is about.
        const client = `203.0.113.${i + 1}`;
        const startedAfterExit = exited;
        const status = await reportFrom(two.proxy.url, client, `under load ${i}`, AbortSignal.timeout(15_000)).then(
          async (response) => {
            if (response.status === 200) acknowledged.push({ client, codename: codenameIn(await response.text()) });
            else await response.body?.cancel();
            return response.status;
          },
          () => 0,
        );
        if (startedAfterExit) afterExit.push({ client, status });
        if (acknowledged.length >= TOTAL / 3 && !killing) killing = a.kill().then(() => void (exited = true));
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await killing;
    assert.ok(exited, 'A was killed during the load');
    assert.ok(afterExit.length > 0, 'reports were sent after A was gone');

    // Every acknowledged report is stored and its reporter can open its status (on B, the one left).
    assert.ok(acknowledged.every((r) => r.codename.length === 28));
    assert.ok((await countReports(two)) - reportsBefore >= acknowledged.length);
    for (const { codename } of acknowledged) {
      const status = await postForm(b, '/status?lang=en', [['codename', codename]]);
      assert.equal(status.status, 200, codename);
      assert.match(await status.text(), new RegExp(statusWords.en.statusUnread.replace('.', '\\.')));
    }
    // After A was gone, its clients' reports went to B: every one acknowledged.
    assert.deepEqual(afterExit.filter((r) => r.status !== 200), []);
    assert.ok(afterExit.some((r) => two.proxy.targetOf(r.client) === 0), "some of A's clients came after it was gone");
    assert.ok(two.proxy.movedOn > 0, 'the proxy moved them on');
  });
});
