// The Estimate page in Debian's Chromium, on SQLite and PostgreSQL: records with sources from three
// channels (names sealed, opened in the browser) → the page shows the documented count, the capture
// histories and the estimate with its interval exactly as estimatePopulation computes them on the
// same histories; the models, a chart and the warnings in the chosen language; the situation
// report carries the estimate's sentence only once it was added, and only while ticked; axe-core
// finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord } from './support/records.ts';
import { createChannel } from './support/channels.ts';
import { seedHistories } from './support/estimate.ts';
import { estimatePopulation, type MseResult } from '../src/core/estimate/select.ts';
import { estimateSentence, formatNumber, roundedFigures, warningText } from '../src/core/estimate/words.ts';
import type { HistoriesView } from '../src/core/estimate/request.ts';
import { CHANNEL_KINDS } from '../src/core/records/channels.ts';
import type { Language } from '../src/core/i18n/languages.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coord@example.org', passphrase: 'member passphrase long' };
const NAMES = ['Lawyers of the Baku bar', 'Press review', 'Night line'];
/** How a report leaving the organization names those lists by default: by kind, not by the team's names. */
const KINDS = ['lawyers', 'media', 'hotline'] as const;
const kindNames = (language: Language) => KINDS.map((kind) => CHANNEL_KINDS.find((k) => k.key === kind)!.labels[language]);
/** Lawyers only 7, press only 6, both 4, night line only 5, … all three 2: 30 people on a list, and 2 on none. */
const COUNTS = [0, 7, 6, 4, 5, 3, 3, 2];
const UNSEEN = 2;

for (const backend of BACKENDS) describe(`the Estimate page in Chromium on ${backend}`, () => {
  let server: TestServer;
  let coordinator: LoggedIn;
  let browser: Browser;
  let page: Page;
  let channels: string[];
  let expected: MseResult;
  let pageErrors: string[];

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    const admin = await logIn(server);
    coordinator = await addMember(server, admin, 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
    // One after another: the page lists channels in the order they were made.
    channels = [];
    for (const [i, kind] of KINDS.entries()) channels.push((await createChannel(coordinator, kind, NAMES[i]!)).id);
    const incident = await createRecord(coordinator, 'incident', { start: { date: '2026-11-05', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: 'Raids of November' });
    await seedHistories(coordinator, incident, '2026-11-05', channels, COUNTS, UNSEEN);
    // The same histories through the API, and what the core makes of them.
    const view = (await (await coordinator.get(`/api/estimate/histories?channels=${channels.join(',')}&from=2026-11-01&to=2026-11-30`)).json()) as HistoriesView;
    assert.deepEqual(view, { channels, counts: COUNTS, documented: 32, onNoList: UNSEEN, groups: 0, incidentSources: 0 });
    expected = estimatePopulation({ lists: 3, counts: view.counts });
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, COORDINATOR.email, COORDINATOR.passphrase));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const preview = () => page.locator('article.document');
  async function openSituationReport() {
    await page.getByRole('link', { name: 'Situation report' }).click();
    await page.getByRole('heading', { name: 'Situation report', level: 1 }).waitFor(STEP);
    await page.getByRole('button', { name: 'Compute the numbers' }).click();
    await preview().waitFor(STEP);
  }
  /** As the page rounds them: whole people, the interval outwards. */
  const interval = (m: { estimate: number; ci95: [number, number | null] | null }) => {
    const r = roundedFigures(m.estimate, m.ci95!);
    const high = r.ci95[1] === null ? ' – no upper end' : `–${formatNumber('en', r.ci95[1])}`;
    return { estimate: formatNumber('en', r.estimate), interval: `${formatNumber('en', r.ci95[0])}${high}` };
  };

  it('offers no estimate to the situation report before one is added', async () => {
    await openSituationReport();
    const box = page.locator('#situation-estimate');
    assert.equal(await box.isDisabled(), true);
    assert.equal(await box.isChecked(), false);
    assert.doesNotMatch((await preview().textContent())!, /estimated/);
  });

  it('shows the documented count, the histories and the estimate the core computes', async () => {
    await page.getByRole('link', { name: 'Estimate', exact: true }).click();
    await page.getByRole('heading', { name: 'Estimate', level: 1 }).waitFor(STEP);
    for (const name of NAMES) await page.getByLabel(name).check(STEP);
    await page.fill('#estimate-from', '2026-11-01');
    await page.fill('#estimate-to', '2026-11-30');
    await page.getByRole('button', { name: 'Estimate', exact: true }).click();
    await page.locator('[data-estimate]').waitFor(STEP);

    assert.equal(await page.locator('[data-documented]').textContent(), '32');
    assert.equal(await page.locator('[data-on-no-list]').textContent(), '2');
    assert.equal(await page.locator('[data-observed]').textContent(), '30');
    const head = await page.locator('[data-histories] thead th').allTextContents();
    assert.deepEqual(head, [`List 1: ${NAMES[0]}`, `List 2: ${NAMES[1]}`, `List 3: ${NAMES[2]}`, 'People'], 'the lists by their opened names');
    for (let pattern = 1; pattern < 8; pattern++) {
      const row = page.locator(`[data-histories] tr[data-pattern="${pattern}"]`);
      assert.equal(await row.locator('[data-count]').textContent(), String(COUNTS[pattern]));
      const ticks = await row.locator('td').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent!.includes('✓')));
      assert.deepEqual(ticks, [0, 1, 2].map((list) => ((pattern >> list) & 1) === 1), `pattern ${pattern}`);
    }

    const best = interval({ estimate: expected.estimate!, ci95: expected.ci95 });
    assert.equal(await page.locator('[data-estimate] strong').textContent(), best.estimate);
    assert.equal(await page.locator('[data-estimate] [data-interval]').textContent(), best.interval);
    assert.match((await page.locator('[data-estimate]').textContent())!, new RegExp(`log-linear model ${expected.model!.replace(/[[\]]/g, '\\$&')}, chosen by AIC`));
    const averaged = interval(expected.averaged!);
    assert.match((await page.locator('[data-averaged]').textContent())!, new RegExp(`by its AIC weight: ${averaged.estimate} \\(95 % interval ${averaged.interval}\\)`));
    const models = await page.locator('[data-models] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-model'), r.children[2]!.textContent, r.children[3]!.textContent]));
    assert.deepEqual(
      models,
      expected.models.map((m) => [m.model, interval(m).estimate, interval(m).interval]),
      'every model ranked by AIC, with its estimate and interval',
    );
    assert.equal(await page.locator('.estimate-chart svg circle').count(), expected.models.length, 'a point for each model with an interval');
    assert.equal(await page.locator('.estimate-chart svg line.documented').count(), 1);
    const warnings = await page.locator('[data-warnings] li').allTextContents();
    assert.ok(warnings.includes(warningText('en', { code: 'assumption-closed-population' }, NAMES)), 'the assumptions in plain words');
    assert.deepEqual(await axe(page), []);

    await page.selectOption('#estimate-language', 'ru');
    await page.getByRole('columnheader', { name: 'Модель' }).waitFor(STEP);
    assert.ok((await page.locator('[data-warnings] li').allTextContents()).includes(warningText('ru', { code: 'assumption-homogeneity' }, NAMES)));
    assert.deepEqual(await axe(page), []);
    await page.selectOption('#estimate-language', 'en');
  });

  // Runs on the estimate the previous test computed (the tests of this file run in order, on one page).
  it('adds the sentence to the situation report, in the report’s language, only while ticked', async () => {
    await page.getByRole('button', { name: 'Add to the situation report' }).click();
    await page.getByText('Added: the Situation report page').waitFor(STEP);
    await openSituationReport();
    const box = page.locator('#situation-estimate');
    assert.equal(await box.isChecked(), true);
    const figures = { documented: 32, estimate: expected.estimate!, ci95: [expected.ci95![0], expected.ci95![1]!] as const, model: expected.model!, select: 'aic' as const, period: { from: '2026-11-01', to: '2026-11-30' } };
    const en = estimateSentence('en', { ...figures, lists: kindNames('en') });
    assert.match(en, /^Acts 2026-11-01 – 2026-11-30: documented 32; estimated \d+ \(95 % CI \d+–\d+\), log-linear model /);
    await preview().getByText(en).waitFor(STEP);
    assert.doesNotMatch((await preview().textContent())!, /Baku bar|Press review|Night line/, 'no channel of the team named outside it');
    assert.deepEqual(await axe(page), []);
    await page.selectOption('#situation-language', 'az');
    await preview().getByText(estimateSentence('az', { ...figures, lists: kindNames('az') })).waitFor(STEP);
    await box.uncheck();
    await page.waitForFunction(() => !document.querySelector('article.document')!.textContent!.includes('log-xətti model'), null, STEP);
    await box.check();
    await preview().getByText(estimateSentence('az', { ...figures, lists: kindNames('az') })).waitFor(STEP);
    assert.deepEqual(pageErrors, []);
  });
});
