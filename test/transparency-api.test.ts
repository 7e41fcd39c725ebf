// The public counts page on SQLite and PostgreSQL: off until an administrator turns it on; counts
// only acts whose person agreed to public use; every table k-suppressed; page without script,
// JSON and Atom.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { disclosureProblems, type PublishedTable } from '../src/core/transparency/suppress.ts';

for (const backend of BACKENDS) {
  describe(`public counts on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      // Straight into the database: 9 people agreed to public use, 4 did not.
      const blob = backend === 'sqlite' ? "x'00'" : "'\\x00'";
      const common = `'k', ${blob}, ${blob}, 1, '2026-11-20T10:00:00.000Z', 'x', '2026-11-20T10:00:00.000Z', 'x'`;
      const incident = randomUUID();
      await query(server, `insert into incidents (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start_precision, date_end_precision, place_ids, monitoring_status) values ('${incident}', ${common}, 'unknown', 'unknown', '[]', 'open')`);
      for (let i = 0; i < 13; i++) {
        const person = randomUUID();
        const act = randomUUID();
        await query(server, `insert into persons (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, counting_unit, age_range, consent_sharing, name_preference, reprisal_risk) values ('${person}', ${common}, 'individual', 'unknown', '${i < 9 ? 'public' : 'none'}', 'anonymous', 'high')`);
        const type = i < 7 ? '030102000000' : '990202000000';
        await query(server, `insert into acts (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end_precision, incident_id, person_id, type_code, place_id) values ('${act}', ${common}, '2026-11-${String(2 + (i % 3)).padStart(2, '0')}', 'day', 'unknown', '${incident}', '${person}', '${type}', null)`);
        if (i < 7) await query(server, `insert into detentions (act_id, status, lawyer_access, family_access, decision, version, updated_at, updated_by) values ('${act}', '${i < 6 ? 'held' : 'released'}', 'none', 'unknown', 'pending', 1, 'now', 'x')`);
      }
    });
    after(async () => {
      await server?.close();
    });

    it('is off until an administrator turns it on, with k at least 3', async () => {
      for (const path of ['/counts', '/counts.json', '/counts.atom']) assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
      assert.equal((await documenter.post('/api/transparency', { enabled: true, k: 5 })).status, 403);
      assert.equal((await admin.post('/api/transparency', { enabled: true, k: 2 })).status, 400);
      assert.equal((await admin.post('/api/transparency', { enabled: true, k: 5 })).status, 204);
      assert.deepEqual(await (await admin.get('/api/transparency')).json(), { enabled: true, k: 5 });
    });

    it('counts only consenting people, and no table reveals a group under k', async () => {
      type LabelledTable = Omit<PublishedTable, 'cells'> & { cells: { key: string; label: string; count: number | null }[] };
      const data = (await (await fetch(`${server.url}/counts.json`)).json()) as { k: number; total: number; tables: Record<string, LabelledTable> };
      assert.equal(data.total, 9, 'the 4 people who did not agree are not counted');
      for (const [name, table] of Object.entries(data.tables)) {
        assert.deepEqual(disclosureProblems(table, 5), [], name);
        assert.equal(table.total, 9, name);
      }
      const types = Object.fromEntries(data.tables.type!.cells.map((c) => [c.label, c.count]));
      assert.deepEqual(types, { Detention: null, 'Forced medical or venereal examination': null }, '2 examinations are withheld, so detention is too: 9 − 7 would give them away');
      const statuses = Object.fromEntries(data.tables.status!.cells.map((c) => [c.label, c.count]));
      assert.deepEqual(statuses, { Held: null, 'not a detention': null, Released: null }, '1 released and 2 not detained make 3 < 5 together, so held goes too: only the total is safe');
    });

    it('serves a page without script, in the chosen language, and an Atom feed', async () => {
      const response = await fetch(`${server.url}/counts?lang=ru`);
      assert.equal(response.status, 200);
      const page = await response.text();
      assert.match(page, /Задокументированные случаи в цифрах/);
      assert.ok(!page.includes('<script'), 'no script on the counts page');
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const feed = await fetch(`${server.url}/counts.atom`);
      assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/);
      const xml = await feed.text();
      assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      assert.match(xml, /<updated>2026-11-20T00:00:00Z<\/updated>/, 'to the day');
    });
  });
}
