// The opened-report cache (core/report/cache.ts): the first member to open reports stores quick
// copies; later logins open those; every quick copy is then checked against its envelope, and one
// a member forged is replaced by the sealed report and flagged. API part on SQLite and PostgreSQL,
// browser part in Chromium.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { BACKENDS } from './support/backends.ts';
import { launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { toBase64Url } from '../src/core/crypto/bytes.ts';
import { openReportCache, reportCacheKey, sealReportCache } from '../src/core/report/cache.ts';

const STEP = { timeout: 30_000 };

describe('opened-report cache entries', () => {
  it('open only for the same report, under a key derived from the intake key', async () => {
    const intake = crypto.getRandomValues(new Uint8Array(32));
    const key = await reportCacheKey(intake, '0011223344556677');
    const id = randomUUID();
    const blob = await sealReportCache(key, id, '{"v":1}');
    assert.equal(await openReportCache(key, id, blob), '{"v":1}');
    await assert.rejects(openReportCache(key, randomUUID(), blob), 'not as another report');
    await assert.rejects(openReportCache(await reportCacheKey(intake, 'ffffffffffffffff'), id, blob), 'not under another key');
  });
});

for (const backend of BACKENDS) {
  describe(`the report cache API on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let viewer: LoggedIn;
    let documenter: LoggedIn;
    let reportId: string;
    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      documenter = await addMember(server, admin, 'documenter', 'documenter@example.org');
      await postForm(server, '/report?lang=en', [['story', 'cached report'], ['stillHeld', 'no']]);
      reportId = (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
    });
    after(async () => {
      await server?.close();
    });

    const send = (member: LoggedIn, cache: string, id = reportId) => member.post('/api/inbox/cache', { entries: [{ id, cache }] });
    async function sealAs(member: LoggedIn, answers: string) {
      const keyId = (await query<{ key_id: string }>(server, 'select key_id from reports'))[0]!.key_id;
      const key = await reportCacheKey(member.keyring.get(keyId)!, keyId);
      return { key, cache: toBase64Url(await sealReportCache(key, reportId, answers)) };
    }
    const storedCache = async () => (await query<{ cache: Uint8Array | null }>(server, `select cache from reports where id = '${reportId}'`))[0]!.cache;

    it('a viewer (who holds the intake key) may not write the first copy of a report nobody opened: 403, nothing stored', async () => {
      const { cache } = await sealAs(viewer, '{"viewer":true}');
      const refused = await send(viewer, cache);
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'forbidden');
      assert.equal(await storedCache(), null);
    });

    it('keeps the first copy written and never replaces it', async () => {
      const { key, cache: first } = await sealAs(documenter, '{"first":true}');
      const { cache: second } = await sealAs(admin, '{"second":true}');
      assert.deepEqual(await (await send(documenter, first)).json(), { stored: 1 });
      assert.deepEqual(await (await send(admin, second)).json(), { stored: 0 }, 'the first copy stays');
      assert.equal(await openReportCache(key, reportId, new Uint8Array((await storedCache())!)), '{"first":true}');
      assert.equal((await send(documenter, 'AAAA')).status, 400, 'not a cache entry');
      assert.equal((await documenter.post('/api/inbox/cache', { entries: [] })).status, 400);
      assert.deepEqual(await (await send(documenter, first, randomUUID())).json(), { stored: 0 }, 'an unknown report stores nothing');
      assert.equal((await fetch(`${server.url}/api/inbox/cache`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 401);
    });
  });
}

describe('the report cache in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: LoggedIn;

  async function openInbox(email = ADMIN.email, passphrase = ADMIN.passphrase): Promise<import('playwright-core').Page> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/app`);
    await page.fill('#email', email);
    await page.fill('#passphrase', passphrase);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => performance.getEntriesByName('vigil:inbox:checked').length > 0, null, STEP);
    return page;
  }

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'viewer', 'viewer@example.org');
    for (const story of ['The first one was taken at night.', 'The second was fined.', 'The third is still held.']) {
      assert.equal((await postForm(server, '/report?lang=en', [['story', story], ['stillHeld', 'no']])).status, 200);
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const cached = async () => Number((await query<{ n: number }>(server, 'select count(*) as n from reports where cache is not null'))[0]!.n);

  it('a viewer’s workspace opens every report and offers no quick copy (the server would refuse it)', async () => {
    // Quick copies are sent before the envelopes are checked, and openInbox waits for the check.
    const viewer = await openInbox('viewer@example.org', 'member passphrase long');
    await viewer.locator('li.row', { hasText: 'The third is still held.' }).waitFor(STEP);
    const sent = await viewer.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/inbox/cache')).length);
    await viewer.close();
    assert.equal(sent, 0);
    assert.equal(await cached(), 0);
  });

  it('the first login stores quick copies; the next opens them and checks each against its envelope', async () => {
    const first = await openInbox();
    await first.close();
    for (let i = 0; i < 50 && (await cached()) < 3; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await cached(), 3);

    // Someone with the team's keys writes a false quick copy straight into the database.
    const { id: target, key_id: keyId } = (await query<{ id: string; key_id: string }>(server, 'select id, key_id from reports order by seq limit 1'))[0]!;
    const privateKey = admin.keyring.get(keyId)!;
    const forged = await sealReportCache(await reportCacheKey(privateKey, keyId), target, JSON.stringify({ v: 1, lang: 'en', what: [], story: 'Nothing happened, all is well.', stillHeld: 'no', consentPublic: 'no', consentLegal: 'no' }));
    await query(server, `update reports set cache = x'${Buffer.from(forged).toString('hex')}' where id = '${target}'`);

    const second = await openInbox();
    await second.locator('[data-cache-mismatches="1"]').waitFor(STEP);
    await second.locator('li.row', { hasText: '⚠ The first one was taken at night.' }).waitFor(STEP);
    assert.equal(await second.locator('li.row', { hasText: 'all is well' }).count(), 0, 'the forged copy is not what is shown');
    await second.close();
  });
});
