// Partner bundles in Debian's Chromium: org A's coordinator pastes org B's partner key, sees the
// same fingerprint B's page shows, exports an incident to a .vigil file; org B's administrator
// imports that file, checks the summary (the person without consent has no name in it), and finds
// the incident with its provenance. axe-core finds nothing; no request leaves the two servers.
// Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { ADMIN, addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { seedOrganization, type Seeded } from './support/partners.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coordinator@a.example', passphrase: 'coordinator passphrase long' };

for (const backend of BACKENDS) describe(`partner bundles in Chromium on ${backend}`, () => {
  let a: TestServer;
  let b: TestServer;
  let adminA: LoggedIn;
  let adminB: LoggedIn;
  let seeded: Seeded;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;
  let saved: string;
  const folder = mkdtempSync(join(tmpdir(), 'vigil-bundle-'));
  const requested: string[] = [];
  const pageErrors: string[] = [];

  async function logInAt(target: Page, server: TestServer, email: string, passphrase: string): Promise<void> {
    await logInThroughWorkspace(target, server.url, email, passphrase);
  }

  before(async () => {
    [a, b] = await Promise.all([startTestServer(backend), startTestServer(backend)]);
    await Promise.all([setUpOrganization(a), setUpOrganization(b)]);
    [adminA, adminB] = await Promise.all([logIn(a), logIn(b)]);
    await addMember(a, adminA, 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
    seeded = await seedOrganization(adminA);
    browser = await launchChromium();
    for (const which of ['a', 'b'] as const) {
      const context = await browser.newContext({ acceptDownloads: true });
      context.on('request', (r) => requested.push(r.url()));
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      if (which === 'a') pageA = page;
      else pageB = page;
    }
  });
  after(async () => {
    await browser?.close();
    await Promise.all([a?.close(), b?.close()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it("A's coordinator exports an incident to B's partner key, the fingerprints compared", async () => {
    await logInAt(pageB, b, ADMIN.email, ADMIN.passphrase);
    await pageB.click('a[href="#partners"]');
    await pageB.getByRole('heading', { name: 'Partners' }).waitFor(STEP);
    await pageB.locator('[data-own-fingerprint]').waitFor(STEP);
    const keyOfB = await pageB.inputValue('#own-partner-key');
    const fingerprintOfB = await pageB.locator('[data-own-fingerprint]').innerText();
    assert.match(keyOfB, /^vigil-partner-key\/1\./);

    await logInAt(pageA, a, COORDINATOR.email, COORDINATOR.passphrase);
    await pageA.click('a[href="#partners"]');
    await pageA.getByRole('heading', { name: 'Partners' }).waitFor(STEP);
    await pageA.fill('#partner-key', 'vigil-partner-key/1.nonsense');
    await pageA.getByText('This is not a Vigil partner key').waitFor(STEP);
    await pageA.fill('#partner-key', keyOfB);
    await pageA.fill('#partner-label', 'Partner in Ganja');
    assert.equal(await pageA.locator('[data-partner-fingerprint]').innerText(), fingerprintOfB, 'both pages show the same fingerprint');
    await pageA.check('#fingerprint-compared');
    await pageA.getByLabel(new RegExp(`${seeded.incident.code} Hotel entrapment`)).check();
    await pageA.getByRole('button', { name: 'Make the sealed bundle' }).click();
    await pageA.getByText(/Bundle ready for Partner in Ganja: 1 incident, 2 people, 2 acts, 2 sources/).waitFor(STEP);
    assert.deepEqual(await axe(pageA), []);
    const [download] = await Promise.all([pageA.waitForEvent('download', STEP), pageA.click('[data-bundle-download]')]);
    assert.match(download.suggestedFilename(), /^vigil-bundle-\d{4}-\d{2}-\d{2}\.vigil$/);
    saved = join(folder, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    assert.equal(bytes.subarray(0, 8).toString('latin1'), 'VIGILBDL');
    assert.ok(!bytes.toString('latin1').includes('Orxan'));
    const audit = (await (await adminA.get('/api/audit')).json()) as { entries: { action: string; actorEmail: string | null; detail: Record<string, unknown> }[] };
    const made = audit.entries.find((e) => e.action === 'export.made')!;
    assert.equal(made.detail.format, 'vigil-bundle/1');
    assert.equal(made.detail.persons, 2);
  });

  it("B's administrator imports the file, sees the summary, and finds the incident with its provenance", async () => {
    await pageB.setInputFiles('#bundle-file', saved);
    const summary = pageB.locator('[data-bundle-summary]');
    await summary.waitFor(STEP);
    const text = await summary.innerText();
    assert.match(text, /From Test defenders, made on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    assert.match(text, /1 incident, 2 people, 2 acts \(1 with a detention\)/);
    assert.match(text, /Orxan Məmmədov/);
    assert.match(text, /identity withheld \(no consent to share\)/);
    assert.ok(!text.includes('Руслан'), 'the person without consent has no name in the bundle');
    assert.deepEqual(await axe(pageB), []);
    assert.equal(await pageB.locator('#bundle-channel option:checked').innerText(), 'A new partner channel: Test defenders');
    await pageB.getByRole('button', { name: 'Import these records' }).click();
    await pageB.getByText('Imported 8 records.').waitFor(STEP);
    assert.equal(Number((await query<{ n: number }>(b, 'select count(*) as n from incidents'))[0]!.n), 1);
    // The partner became a channel (its name sealed), and every source it brought is in it.
    const partners = async () => (await query<{ id: string }>(b, "select id from channels where kind = 'partner'")).map((c) => c.id);
    const [partner] = await partners();
    assert.deepEqual([...new Set((await query<{ channel_id: string }>(b, 'select channel_id from sources')).map((s) => s.channel_id))], [partner]);

    await pageB.getByRole('link', { name: `Open the imported incident (their ${seeded.incident.code})` }).click();
    await pageB.locator('[data-incident-page]').waitFor(STEP);
    const provenance = pageB.locator('[data-provenance]');
    await provenance.waitFor(STEP);
    assert.match(await provenance.innerText(), new RegExp(`Imported from Test defenders's bundle of [A-Z][a-z]{2} \\d{1,2}, \\d{4}, their code ${seeded.incident.code}`));
    await pageB.getByText('Hotel entrapment, Binagadi').first().waitFor(STEP);
    assert.deepEqual(await axe(pageB), []);
    await pageB.getByRole('link', { name: /Orxan Məmmədov/ }).first().click();
    await pageB.locator('[data-person-page]').waitFor(STEP);
    await pageB.locator('[data-provenance]').waitFor(STEP);
    assert.match(await pageB.locator('[data-provenance]').innerText(), new RegExp(`their code ${seeded.consenting.code}`));
    assert.deepEqual(await axe(pageB), []);

    // The same file again: the summary says so, and nothing is added.
    await pageB.click('a[href="#partners"]');
    await pageB.setInputFiles('#bundle-file', saved);
    await pageB.getByText(/8 of these records were imported before/).waitFor(STEP);
    assert.equal(await pageB.inputValue('#bundle-channel'), partner, "the partner's channel, found by its name");
    await pageB.getByRole('button', { name: 'Import these records' }).click();
    await pageB.getByText('Imported 0 records. 8 were already here and were skipped.').waitFor(STEP);
    assert.equal(Number((await query<{ n: number }>(b, 'select count(*) as n from persons'))[0]!.n), 2);
    assert.deepEqual(await partners(), [partner]);

    // A file that is not a bundle for B: a clear message, nothing stored.
    await pageB.setInputFiles('#bundle-file', { name: 'other.vigil', mimeType: 'application/octet-stream', buffer: Buffer.from(readFileSync(saved).subarray(0, 400)) });
    await pageB.getByText(/damaged or was changed/).waitFor(STEP);

    const audit = (await (await adminB.get('/api/audit')).json()) as { entries: { action: string }[] };
    assert.equal(audit.entries.filter((e) => e.action === 'bundle.imported').length, 2);
    assert.deepEqual(pageErrors, []);
    const outside = requested.filter((url) => !url.startsWith(a.url) && !url.startsWith(b.url) && !url.startsWith('blob:'));
    assert.deepEqual(outside, [], 'no request leaves the two servers');
  });
});
