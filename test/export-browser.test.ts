// The Export page in Debian's Chromium: a documenter chooses fields (names included) and saves a
// CSV — through the <a download> fallback and through the File System Access API — with names
// opened in the browser only where consent allows; a viewer is not offered names; a bad filter
// shows the server's message and saves nothing; axe-core finds nothing. Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';
import { createRecord } from './support/records.ts';

const STEP = { timeout: 30_000 };
const DOC = { email: 'doc@example.org', passphrase: 'member passphrase long' };
const VIEWER = { email: 'viewer@example.org', passphrase: 'viewer passphrase long' };

for (const backend of BACKENDS) describe(`export in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  async function openExport(email: string, passphrase: string, options: { picker: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true });
    context.on('request', (r) => requested.push(r.url()));
    if (options.picker) {
      // Stands in for the save dialog: the file's writes are kept on window.__saved.
      // A string, not a function: the test's TypeScript loader would add helpers the page lacks.
      await context.addInitScript(`
        window.__saved = [];
        window.__closed = false;
        window.showSaveFilePicker = async () => ({
          createWritable: async () => ({
            write: async (piece) => { window.__saved.push(piece); },
            close: async () => { window.__closed = true; },
            abort: async () => { window.__saved = []; },
          }),
        });
      `);
    } else {
      await context.addInitScript('delete window.showSaveFilePicker;');
    }
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logInThroughWorkspace(page, server.url, email, passphrase);
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('heading', { name: 'Export' }).waitFor(STEP);
    return { context, page };
  }

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    const admin = await logIn(server);
    const documenter = await addMember(server, admin, 'documenter', DOC.email, DOC.passphrase);
    await addMember(server, admin, 'viewer', VIEWER.email, VIEWER.passphrase);
    const incident = await createRecord(documenter, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: 'Hotel' });
    const person = (consentSharing: string, name: string) => createRecord(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing, namePreference: 'name', reprisalRisk: 'high' }, { name });
    for (const who of [await person('un', 'Leyla Məmmədova'), await person('none', 'Kamran Secretov')]) {
      await createRecord(documenter, 'act', { incidentId: incident.id, personId: who.id, typeCode: '030101000000', start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null }, {});
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a CSV with the names consent allows, opened in the browser (download fallback)', async () => {
    const { context, page } = await openExport(DOC.email, DOC.passphrase, { picker: false });
    assert.deepEqual(await axe(page), []);
    await page.getByLabel(/Name \(or initials/).check();
    const [download] = await Promise.all([page.waitForEvent('download', STEP), page.getByRole('button', { name: 'Export' }).click()]);
    assert.match(download.suggestedFilename(), /^vigil-export-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = text.trimEnd().split('\r\n');
    const name = header!.split(',').indexOf('victim.name');
    assert.ok(name >= 0);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.split(',')[name], 'Leyla Məmmədova');
    assert.equal(rows[1]!.split(',')[name], '', 'no consent, no name');
    assert.ok(!text.includes('Kamran') && !text.includes('_identity'));
    await page.getByRole('status').filter({ hasText: 'Exported 2 rows' }).waitFor(STEP);
    assert.ok(!server.logs().includes('Leyla'));
    await context.close();
  });

  it('streams into the file chosen in the save dialog (File System Access API), as JSON', async () => {
    const { context, page } = await openExport(DOC.email, DOC.passphrase, { picker: true });
    await page.getByLabel('JSON').check();
    const checked = page.locator('input[name=export-field]:checked');
    while ((await checked.count()) > 0) await checked.first().uncheck();
    await page.getByLabel('Act code').check();
    await page.getByLabel(/Name \(or initials/).check();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('status').filter({ hasText: 'Exported 2 rows' }).waitFor(STEP);
    const saved = await page.evaluate(() => ({ text: (window as unknown as { __saved: string[] }).__saved.join(''), closed: (window as unknown as { __closed: boolean }).__closed }));
    assert.ok(saved.closed);
    const doc = JSON.parse(saved.text) as { schema: string; rows: unknown[] };
    assert.equal(doc.schema, 'vigil-export/1');
    assert.deepEqual(doc.rows, [{ 'act.code': 'A-0001', 'victim.name': 'Leyla Məmmədova' }, { 'act.code': 'A-0002', 'victim.name': null }]);
    await context.close();
  });

  it('offers a viewer no names, and shows a refused filter without saving anything', async () => {
    const { context, page } = await openExport(VIEWER.email, VIEWER.passphrase, { picker: true });
    assert.equal(await page.locator('input[value="victim.name"]').count(), 0);
    await page.getByText('Names are not offered').waitFor(STEP);
    await page.fill('#export-incident', 'I-9999');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('alert').filter({ hasText: /does not exist/ }).waitFor(STEP);
    assert.equal(await page.evaluate(() => (window as unknown as { __saved: string[] }).__saved.length), 0);
    await page.fill('#export-incident', '');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('status').filter({ hasText: 'Exported 2 rows' }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });

  it('made no request beyond this server and no script errors', () => {
    assert.deepEqual(requested.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
    assert.deepEqual(pageErrors, []);
  });
});
