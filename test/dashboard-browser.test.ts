// The dashboard in Debian's Chromium: a viewer opens it, sees the seeded numbers, clicks one and
// gets exactly the records behind it, follows a row to the person's page, filters by incident and
// by week; the charts are inline SVG with tables, nothing is fetched from elsewhere, and axe-core
// finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';
import { seedDashboard, type Seeded } from './support/dashboard.ts';

const STEP = { timeout: 30_000 };
const VIEWER = { email: 'viewer@example.org', passphrase: 'member passphrase long' };

for (const backend of BACKENDS) describe(`dashboard in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let seeded: Seeded;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  const tile = (label: string) => page.locator('.tiles li', { hasText: label }).locator('button, span').last();
  const drillRows = () => page.locator('[data-drill-list] tbody tr');

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    const admin = await logIn(server);
    const documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
    await addMember(server, admin, 'viewer', VIEWER.email, VIEWER.passphrase);
    seeded = await seedDashboard(documenter, admin);
    browser = await launchChromium();
    const context = await browser.newContext();
    context.on('request', (r) => requested.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the numbers to a viewer, and a number lists exactly its records', async () => {
    await logInThroughWorkspace(page, server.url, VIEWER.email, VIEWER.passphrase);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor(STEP);
    await page.locator('.tiles').waitFor(STEP);
    assert.equal(await tile('Acts').textContent(), '6');
    assert.equal(await tile('People documented').textContent(), '4');
    assert.equal(await tile('Held now').textContent(), '2');
    assert.match((await page.locator('[data-sentences]').textContent()) ?? '', /2 decisions of detention: shortest 15 days, median 22.5 days, longest 30 days/);
    // Labels come from the vocabulary and the registries.
    assert.equal(await page.locator('[data-chart=place] tbody tr', { hasText: 'Nasimi police' }).locator('button').textContent(), '3');
    assert.equal(await page.locator('[data-chart=unit] tbody tr', { hasText: 'Vice squad' }).locator('button').textContent(), '2');
    assert.equal(await page.locator('[data-chart=type] tbody tr', { hasText: 'Arrest' }).locator('button').textContent(), '1');
    assert.ok((await page.locator('svg.column-chart rect').count()) >= 9, 'a column per day, drawn inline');

    await tile('Held now').click();
    await page.locator('[data-drill-list="held:"]').waitFor(STEP);
    assert.equal(await drillRows().count(), 2);
    const persons = await drillRows().locator('th a').allTextContents();
    assert.deepEqual(persons.sort(), [seeded.persons[0]!.code, seeded.persons[2]!.code].sort());
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'drill-heading'), 'the list\'s heading takes the focus');

    await page.locator('[data-chart=place] tbody tr', { hasText: 'Nasimi police' }).locator('button').click();
    await page.locator('[data-drill-list^="place:"]').waitFor(STEP);
    assert.deepEqual((await drillRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-act')))).sort(), [seeded.acts[0]!.code, seeded.acts[1]!.code, seeded.acts[5]!.code].sort());
    assert.deepEqual(await axe(page), [], 'axe-core finds nothing on the dashboard with a list open');

    // A row leads to the person's page (and its incident link to the incident).
    const row = drillRows().filter({ hasText: seeded.acts[5]!.code });
    assert.equal(await row.getByRole('link', { name: seeded.incidents.i2.code }).getAttribute('href'), `#records/${seeded.incidents.i2.id}`);
    await row.getByRole('link', { name: seeded.persons[3]!.code }).click();
    await page.waitForFunction((id) => location.hash === `#person/${id}`, seeded.persons[3]!.id, STEP);
    await page.getByRole('heading', { name: new RegExp(seeded.persons[3]!.code) }).waitFor(STEP);
  });

  it('filters by incident and groups by week', async () => {
    await page.evaluate(() => (location.hash = '#dashboard'));
    await page.locator('.tiles').waitFor(STEP);
    await page.selectOption('#dash-incident', seeded.incidents.i1.id);
    await page.selectOption('#dash-bucket', 'week');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: `Incident ${seeded.incidents.i1.code}` }).waitFor(STEP);
    assert.equal(await tile('Acts').textContent(), '3');
    assert.equal(await tile('People documented').textContent(), '2');
    await page.locator('details summary', { hasText: 'Acts per week as a table' }).click();
    await page.locator('[data-chart=period] button', { hasText: '3' }).click();
    await page.locator('[data-drill-list="period:2026-W45"]').waitFor(STEP);
    assert.equal(await drillRows().count(), 3);

    await page.fill('#dash-from', '2026-11-03');
    await page.fill('#dash-to', '2026-11-30');
    await page.selectOption('#dash-incident', '');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('[data-left-out]').waitFor(STEP);
    assert.equal(await tile('Acts').textContent(), '2');
    assert.deepEqual(await axe(page), []);
  });

  it('fetched nothing from anywhere else and threw no script error', () => {
    assert.deepEqual(requested.filter((url) => !url.startsWith(server.url)), []);
    assert.deepEqual(pageErrors, []);
  });
});
