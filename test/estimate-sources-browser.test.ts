// What the workspace records reaches the Estimate page (issue 12), in Debian's Chromium on SQLite
// and PostgreSQL: a coordinator makes two channels, an incident with two people and its sources
// only through the workspace. A source added on the incident's page about one of its people puts
// that person on the channel's list; a source about the whole incident puts no one on a list, and
// the Estimate page says it was not counted. The main workflow, "New incident from a report", makes
// the report's source about the whole incident: its "About…" points it at one of the people the report
// names (and copies it to another), and both are then on the report form's list. axe-core finds
// nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, postForm, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coord@example.org', passphrase: 'member passphrase long' };
const LAWYERS = 'Baku bar lawyers';
const PRESS = 'Press review';
const REPORT = 'Police took my friends Nigar and Elvin from the Sahil metro exit.';

for (const backend of BACKENDS) describe(`sources that reach the Estimate page, in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    await addMember(server, await logIn(server), 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
    const report = await postForm(server, '/report?lang=en', [['story', REPORT], ['city', 'Baku'], ['whenExact', '2026-11-10'], ['stillHeld', 'yes']]);
    assert.equal(report.status, 200);
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, COORDINATOR.email, COORDINATOR.passphrase));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function addChannel(kind: string, name: string) {
    await page.selectOption('#channel-kind', kind);
    await page.fill('#channel-name', name);
    await page.getByRole('button', { name: 'Add the channel' }).click();
    await page.getByRole('heading', { name }).waitFor(STEP);
  }
  async function addPerson(name: string, date = '2026-11-03') {
    await page.getByText('Add a person and what happened to them').click();
    await page.fill('#person-name', name);
    await page.selectOption('#act-type', { label: 'Detention' });
    await page.fill('#act-date', date);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('[data-act]', { hasText: name }).waitFor(STEP);
  }
  /** The value of the option of `select` whose text matches. */
  const optionMatching = (select: string, text: RegExp) =>
    page.locator(`${select} option`).evaluateAll((options, source) => (options as HTMLOptionElement[]).find((o) => new RegExp(source).test(o.textContent!))?.value, text.source);
  /** Adds a source on the incident's page, about what the option `about` names, in `channel`. */
  async function addSource(about: RegExp, channel: string) {
    const before = await page.locator('li[data-source]').count();
    await page.getByText('Add a source', { exact: true }).click();
    await page.selectOption('#source-about', (await optionMatching('#source-about', about))!);
    await page.selectOption('#source-channel', (await optionMatching('#source-channel', new RegExp(`^${channel} \\(`)))!);
    await page.getByRole('button', { name: 'Add the source' }).click();
    await page.locator('li[data-source]').nth(before).waitFor(STEP);
  }

  it('adds sources about one of the incident’s people, or about the whole incident, on its page', async () => {
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor(STEP);
    await addChannel('lawyers', LAWYERS);
    await addChannel('media', PRESS);

    await page.getByRole('link', { name: 'Records' }).click();
    await page.fill('#incident-title', 'Round-up at the Nizami street bar');
    await page.fill('#incident-date', '2026-11-03');
    await page.getByRole('button', { name: 'Save the incident' }).click();
    await page.getByRole('heading', { name: /I-0001 Round-up at the Nizami street bar/ }).waitFor(STEP);
    await addPerson('Leyla Məmmədova');
    await addPerson('Rauf Əliyev');

    await addSource(/Leyla Məmmədova/, LAWYERS);
    await addSource(/Leyla Məmmədova/, PRESS);
    await addSource(/Rauf Əliyev/, LAWYERS);
    await addSource(/^The incident as a whole$/, PRESS);
    const abouts = await page.locator('li[data-source] [data-source-about]').allTextContents();
    assert.equal(abouts.length, 4);
    assert.match(abouts[0]!, /^P-\d+ — Leyla Məmmədova \(Detention, A-\d+\)$/, 'a person’s source names them, opened here');
    assert.equal(abouts[3], 'the whole incident');
    const rows = await query<{ target_type: string }>(server, 'select target_type from sources order by seq');
    assert.deepEqual(rows.map((r) => r.target_type), ['act', 'act', 'act', 'incident'], 'a person’s source is about what was done to them in this incident');
    assert.deepEqual(await axe(page), []);
  });

  it('counts the people the sources are about, and says the incident’s source is not counted', async () => {
    await page.getByRole('link', { name: 'Estimate', exact: true }).click();
    await page.getByRole('heading', { name: 'Estimate', level: 1 }).waitFor(STEP);
    for (const name of [LAWYERS, PRESS]) await page.getByLabel(name).check(STEP);
    await page.fill('#estimate-from', '2026-11-01');
    await page.fill('#estimate-to', '2026-11-30');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await page.locator('[data-histories]').waitFor(STEP);

    assert.equal(await page.locator('[data-documented]').textContent(), '2');
    assert.equal(await page.locator('[data-on-no-list]').textContent(), '0');
    const histories = await page.locator('[data-histories] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pattern'), r.querySelector('[data-count]')!.textContent]));
    // List 1 the lawyers, list 2 the press review: Rauf on the lawyers' list only, Leyla on both.
    assert.deepEqual(histories, [['1', '1'], ['3', '1']]);
    const note = page.locator('[data-incident-sources]');
    assert.equal(await note.getAttribute('data-incident-sources'), '1');
    assert.match((await note.textContent())!, /^One source in these channels is about whole incidents and is not counted: an incident’s source does not say which of its people it saw\. Say which people each names with its “About…” on the incident’s page\./);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(pageErrors, []);
  });

  it('points the source of "New incident from a report" at the people it names, who are then on the form’s list', async () => {
    await page.goto(`${server.url}/app#inbox`);
    await page.locator('li.row', { hasText: 'Sahil metro' }).locator('button.open').click();
    await page.getByRole('button', { name: 'Make a record from this report' }).click();
    await page.getByRole('heading', { name: /New incident from report #1/ }).waitFor(STEP);
    await page.fill('#incident-title', 'Sahil metro arrests');
    await page.getByRole('button', { name: 'Save the incident' }).click();
    await page.getByRole('heading', { name: /I-0002 Sahil metro arrests/ }).waitFor(STEP);
    await addPerson('Nigar Quliyeva', '2026-11-10');
    await addPerson('Elvin Rzayev', '2026-11-10');

    const source = page.locator('li[data-source]');
    assert.equal(await source.count(), 1);
    assert.equal(await source.locator('[data-source-about]').textContent(), 'the whole incident', 'the report’s source is about the incident');
    await source.getByText('About…').click();
    const about = source.getByLabel('About', { exact: true });
    await about.selectOption((await about.locator('option', { hasText: 'Nigar Quliyeva' }).getAttribute('value'))!);
    await source.getByLabel(/Elvin Rzayev/).check();
    assert.deepEqual(await axe(page), []);
    await source.getByRole('button', { name: 'Save what it is about' }).click();
    await page.locator('li[data-source]').nth(1).waitFor(STEP);
    const abouts = await page.locator('li[data-source] [data-source-about]').allTextContents();
    assert.deepEqual(abouts.map((a) => a.replace(/^P-\d+ — (.+) \(Detention, A-\d+\)$/, '$1')).sort(), ['Elvin Rzayev', 'Nigar Quliyeva']);
    const rows = await query<{ target_type: string; channel_id: string; report_id: string; version: number | string }>(server, 'select target_type, channel_id, report_id, version from sources where report_id is not null order by seq');
    assert.deepEqual(rows.map((r) => [r.target_type, Number(r.version)]), [['act', 2], ['act', 1]], 'the report’s source changed (a new version), and a copy made for the other person');
    assert.equal(new Set(rows.map((r) => `${r.report_id}/${r.channel_id}`)).size, 1, 'the same report, both in the form’s channel');
    await page.locator('[data-corroboration="1"]').waitFor(STEP);

    await page.getByRole('link', { name: 'Estimate', exact: true }).click();
    await page.getByRole('heading', { name: 'Estimate', level: 1 }).waitFor(STEP);
    await page.getByLabel('Our report form').check(STEP);
    await page.getByLabel(LAWYERS).check(STEP);
    await page.getByLabel(PRESS).setChecked(false, STEP);
    await page.fill('#estimate-from', '2026-11-01');
    await page.fill('#estimate-to', '2026-11-30');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await page.locator('[data-histories]').waitFor(STEP);
    const histories = await page.locator('[data-histories] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pattern'), r.querySelector('[data-count]')!.textContent]));
    // List 1 the report form (Nigar and Elvin), list 2 the lawyers (Leyla and Rauf).
    assert.deepEqual(histories, [['1', '2'], ['2', '2']]);
    assert.equal(await page.locator('[data-incident-sources]').count(), 0, 'no source of these channels is about a whole incident now');
    assert.deepEqual(pageErrors, []);
  });
});
