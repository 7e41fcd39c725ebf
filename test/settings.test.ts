// The organization's settings after setup (issue 14), on SQLite and PostgreSQL: administrators only;
// name, public title, public languages, time zone and quick-exit address change what the public
// pages show at once; a stale version is a 409; bad input a 400 with nothing changed; audited by
// field name.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { formatsFor } from '../src/core/i18n/format.ts';
import type { SettingsView } from '../src/core/api/settings.ts';

for (const backend of BACKENDS) {
  describe(`organization settings on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let coordinator: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      coordinator = await addMember(server, admin, 'coordinator', 'coord@example.org');
    });
    after(async () => {
      await server?.close();
    });

    const read = async () => (await (await admin.get('/api/organization')).json()) as SettingsView;
    const change = (settings: SettingsView, patch: Partial<SettingsView>) => {
      const { defaultExitUrl: _default, ...rest } = { ...settings, ...patch };
      return rest;
    };
    const auditActions = async () => ((await (await admin.get('/api/audit')).json()) as { entries: { action: string; detail: Record<string, unknown> | null }[] }).entries;

    it('administrators only', async () => {
      assert.equal((await coordinator.get('/api/organization')).status, 403);
      assert.equal((await coordinator.post('/api/organization', change(await read(), { name: 'Taken over' }))).status, 403);
      assert.equal((await fetch(`${server.url}/api/organization`)).status, 401);
    });

    it('a change shows on the public pages at once, in the new time zone and with the new exit, and is audited by field name', async () => {
      const before = await read();
      assert.equal(before.timeZone, 'UTC');
      assert.equal(before.exitUrl, null);
      const response = await admin.post('/api/organization', change(before, { publicTitle: 'Garden club', languages: ['ru', 'az'], timeZone: 'Asia/Baku', exitUrl: 'https://weather.example.org/' }));
      assert.equal(response.status, 200);
      const after = (await response.json()) as SettingsView;
      assert.equal(after.version, before.version + 1);
      assert.deepEqual([after.publicTitle, after.languages, after.timeZone, after.exitUrl], ['Garden club', ['ru', 'az'], 'Asia/Baku', 'https://weather.example.org/']);
      const page = await (await fetch(`${server.url}/`)).text();
      assert.match(page, /<title>[^<]*Garden club<\/title>/);
      assert.match(page, /<html lang="ru">/, 'the first public language is the default');
      assert.match(page, /href="https:\/\/weather\.example\.org\/"/);
      assert.doesNotMatch(page, /hreflang="en"/, 'English is no longer offered');
      const entry = (await auditActions()).find((e) => e.action === 'organization.settings-changed');
      assert.deepEqual(entry?.detail, { fields: 'publicTitle,languages,timeZone,exitUrl', version: after.version });
      assert.doesNotMatch(JSON.stringify(entry), /Garden club|weather/, 'the audit names fields, not values');
    });

    it('times on public pages are in the organization\'s zone (Baku: UTC+4), in the reader\'s language', async () => {
      const sent = await postForm(server, '/report?lang=ru', [['lang', 'ru'], ['story', 'A test of the time zone.']]);
      assert.equal(sent.status, 200);
      const codename = codenameIn(await sent.text());
      const hour = (await query<{ received_hour: string }>(server, 'select received_hour from reports'))[0]!.received_hour;
      const status = await (await postForm(server, '/status?lang=ru', [['lang', 'ru'], ['codename', codename]])).text();
      assert.ok(status.includes(formatsFor('ru', 'Asia/Baku').dateTime(hour)), 'received time in Baku time');
      assert.doesNotMatch(status, /UTC/);
    });

    it('our own exit page again: the link carries the reader\'s language', async () => {
      const saved = (await (await admin.post('/api/organization', change(await read(), { exitUrl: null }))).json()) as SettingsView;
      assert.equal(saved.exitUrl, null);
      assert.match(await (await fetch(`${server.url}/?lang=az`)).text(), /id="quick-exit" href="\/exit\?lang=az"/);
    });

    it('a change made on a stale version is a 409 and changes nothing; saving the same settings changes no version', async () => {
      const current = await read();
      const stale = change(current, { version: current.version - 1, name: 'Stale name' });
      const response = await admin.post('/api/organization', stale);
      assert.equal(response.status, 409);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'edit-conflict');
      assert.equal((await read()).name, current.name);
      const same = (await (await admin.post('/api/organization', change(current, {}))).json()) as SettingsView;
      assert.equal(same.version, current.version);
    });

    it('bad settings are a 400 and nothing changes', async () => {
      const current = await read();
      const bad: Partial<Record<keyof SettingsView, unknown>>[] = [
        { timeZone: 'Mars/Olympus' },
        { timeZone: '' },
        { languages: [] },
        { languages: ['ru', 'ru'] },
        { languages: ['fr'] },
        { exitUrl: 'javascript:alert(1)' },
        { exitUrl: '//evil.example' },
        { exitUrl: '/\\evil.example' },
        { exitUrl: 'https://user:pass@example.org/' },
        { name: '' },
        { publicTitle: 'x'.repeat(101) },
        { version: 'one' },
      ];
      for (const patch of bad) {
        const response = await admin.post('/api/organization', { ...change(current, {}), ...patch });
        assert.equal(response.status, 400, JSON.stringify(patch));
      }
      assert.equal((await admin.post('/api/organization', 'not json')).status, 400);
      assert.deepEqual(await read(), current);
    });
  });
}
