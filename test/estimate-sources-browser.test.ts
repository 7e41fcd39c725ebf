// What the workspace records reaches the Estimate page (issue 12), in Debian's Chromium on SQLite
// and PostgreSQL: a coordinator makes two channels, an incident with two people and its sources
// only through the workspace. A source added on the incident's page about one of its people puts
// that person on the channel's list; a source about the whole incident puts no one on a list, and
// the Estimate page says it was not counted. axe-core finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coord@example.org', passphrase: 'member passphrase long' };
const LAWYERS = 'Baku bar lawyers';
const PRESS = 'Press review';

for (const backend of BACKENDS) describe(`sources that reach the Estimate page, in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    await addMember(server, await logIn(server), 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logInThroughWorkspace(page, server.url, COORDINATOR.email, COORDINATOR.passphrase);
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
  async function addPerson(name: string) {
    await page.fill('#person-name', name);
    await page.selectOption('#act-type', { label: 'Detention' });
    await page.fill('#act-date', '2026-11-03');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('[data-act]', { hasText: name }).waitFor(STEP);
  }
  /** The value of the option of `select` whose text matches. */
  const optionMatching = (select: string, text: RegExp) =>
    page.locator(`${select} option`).evaluateAll((options, source) => (options as HTMLOptionElement[]).find((o) => new RegExp(source).test(o.textContent!))?.value, text.source);
  /** Adds a source on the incident's page, about what the option `about` names, in `channel`. */
  async function addSource(about: RegExp, channel: string) {
    const before = await page.locator('li[data-source]').count();
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
});
