// An incident's page in the member's language, in Debian's Chromium (issue 14): in Russian and in
// Azerbaijani no English word of its catalogs is left and axe-core finds nothing; a 30-day arrest
// reads as a phrase with its days filled in; every form starts closed (the page, 3,600 px tall with
// them all open, stays short); dates are picked, not typed; and a report is linked by searching
// 1,000 incidents, not by scrolling a dropdown of them. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord } from './support/records.ts';
import { englishOnPage } from './support/words-check.ts';
import { incidentWords } from '../src/web/app/records/incident-words.ts';
import { detentionWords } from '../src/web/app/records/detention-words.ts';
import { sourcesWords } from '../src/web/app/records/sources-words.ts';
import { linkWords } from '../src/web/app/inbox/link-words.ts';
import { MOST_MATCHES } from '../src/web/app/inbox/find-records.ts';
import type { Language } from '../src/core/i18n/languages.ts';

const STEP = { timeout: 30_000 };
const CATALOGS = [incidentWords, detentionWords, sourcesWords, linkWords];
const PASSPHRASE = 'member passphrase long';
const MEMBERS = { en: 'doc-en@example.org', ru: 'doc-ru@example.org', az: 'doc-az@example.org' } as const;
/** How many incidents the search is tried on: too many for a dropdown (each is made through the API, so not more). */
const INCIDENTS = 300;
const day = (date: string | null) => ({ date, precision: date ? 'day' : 'unknown' });

/** An incident with one person detained (a 30-day arrest, at a place, under an article) and a source, made through the API. */
async function recordedIncident(admin: LoggedIn): Promise<{ id: string; code: string }> {
  const { entries } = (await (await admin.get('/api/registry')).json()) as { entries: { id: string; code: string }[] };
  const idOf = (code: string) => entries.find((e) => e.code === code)!.id;
  const incident = await createRecord(admin, 'incident', { start: day('2026-11-01'), end: day(null), placeIds: [idOf('binagadi-police')], monitoringStatus: 'open' }, { title: 'Hotel arrests, Binagadi', description: 'Two men taken from a hotel.' });
  const person = await createRecord(admin, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing: 'un', namePreference: 'initials', reprisalRisk: 'high' }, { name: 'Kamran Həsənov' });
  const act = await createRecord(admin, 'act', { incidentId: incident.id, personId: person.id, typeCode: '030102000000', start: day('2026-11-01'), end: day(null), placeId: idOf('binagadi-police') }, { statedReason: 'minor hooliganism' });
  const detention = {
    ...{ status: 'held', heldAt: idOf('detention-centre'), custodyStart: '2026-11-01', lawyerAccess: 'ngo', familyAccess: 'informed', legalProvisionId: idOf('CAO-510'), courtId: null },
    ...{ hearingDate: '2026-11-02', decision: 'detention', decisionDate: '2026-11-02', fineAmount: null, detentionDays: 30, sentenceStart: null, releasedOn: null },
  };
  const saved = await admin.post(`/api/acts/${act.id}/detention`, { version: 0, detention });
  assert.ok(saved.ok, await saved.text());
  await createRecord(admin, 'source', { targetType: 'act', targetId: act.id, reportId: null, connection: 'lawyer', reliability: 'B', credibility: '2', sourceDate: '2026-11-03', channelId: null }, { description: 'The lawyer, after the hearing' });
  await createRecord(admin, 'intervention', { incidentId: incident.id, personId: null, actId: null, type: 'appeal', onDay: null, status: 'planned', priority: 'urgent', dueOn: '2026-11-12' }, { notes: 'Appeal within ten days' });
  return incident;
}

/** Every form of the incident's page opened, as the page used to show them all. */
async function openEveryForm(page: Page, language: Language = 'en'): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const detention = detentionWords[language];
  for (const name of [detention.recordTransfer, detention.updateDetention, incidentWords[language].addWhoDidIt]) {
    const button = page.getByRole('button', { name, exact: true });
    if (await button.count()) await button.first().click();
  }
}

describe('an incident’s page in the member’s language', () => {
  let server: TestServer;
  let admin: LoggedIn;
  let incident: { id: string; code: string };
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  /** The incident's page, as a member whose browser speaks `locale` (their first login takes its language). */
  async function incidentPageAs(email: string, locale: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const opened = await openWorkspaceAs(server.url, email, PASSPHRASE, { locale });
    browsers.push(opened.browser);
    opened.page.on('pageerror', (e) => pageErrors.push(e.message));
    await opened.page.setViewportSize(viewport);
    await opened.page.goto(`${server.url}/app#records/${incident.id}`);
    await opened.page.locator('[data-act] [data-decision]').waitFor(STEP);
    await opened.page.locator('[data-source]').waitFor(STEP);
    return opened.page;
  }

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    for (const email of Object.values(MEMBERS)) await addMember(server, admin, 'documenter', email, PASSPHRASE);
    const add = async (entry: Record<string, unknown>) => assert.equal((await admin.post('/api/registry', { placeKind: null, appealDays: null, ...entry })).status, 201);
    await add({ kind: 'place', code: 'binagadi-police', labels: { en: 'Binagadi district police department', az: 'Binəqədi rayon polis idarəsi', ru: 'Бинагадинское РУП' }, placeKind: 'police' });
    await add({ kind: 'place', code: 'detention-centre', labels: { en: 'Baku detention centre', az: 'Bakı saxlama yeri', ru: 'Бакинский изолятор' }, placeKind: 'detention-centre' });
    await add({ kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510, Code of Administrative Offences', az: 'İXM-in 510-cu maddəsi', ru: 'Статья 510 КоАП' }, appealDays: 10 });
    incident = await recordedIncident(admin);
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  it('in Russian: no English word of the page’s catalogs, even with every form open; «Арест на 30 суток»; axe finds nothing', async () => {
    const page = await incidentPageAs(MEMBERS.ru, 'ru-RU');
    await page.getByRole('heading', { name: 'Люди и что с ними произошло' }).waitFor(STEP);
    assert.equal(await page.locator('[data-decision]').textContent(), 'Арест на 30 суток (Статья 510 КоАП)');
    assert.match((await page.locator('[data-act] .facts').textContent())!, /1 нояб\. 2026 г\. · Бинагадинское РУП/, 'the day in Russian, the place under its Russian name');
    assert.deepEqual(await englishOnPage(page, CATALOGS, 'ru'), []);
    assert.deepEqual(await axe(page), []);
    await openEveryForm(page, 'ru');
    await page.getByLabel('Место перевода').waitFor(STEP);
    assert.equal(await page.locator('#act-person option').first().textContent(), 'Новый человек');
    assert.deepEqual(await englishOnPage(page, CATALOGS, 'ru'), []);
    assert.deepEqual(await axe(page), []);
  });

  it('in Azerbaijani: the same page, «30 günlük həbs», nothing in English, axe finds nothing', async () => {
    const page = await incidentPageAs(MEMBERS.az, 'az-AZ');
    await page.getByRole('heading', { name: 'Şəxslər və onların başına gələnlər' }).waitFor(STEP);
    assert.equal(await page.locator('[data-decision]').textContent(), '30 günlük həbs (İXM-in 510-cu maddəsi)');
    assert.deepEqual(await englishOnPage(page, CATALOGS, 'az'), []);
    assert.deepEqual(await axe(page), []);
    await openEveryForm(page, 'az');
    await page.getByLabel('Hara köçürülüb').waitFor(STEP);
    assert.deepEqual(await englishOnPage(page, CATALOGS, 'az'), []);
    assert.deepEqual(await axe(page), []);
  });

  it('in English: "Detention of 30 days"; the page stays short with its forms closed, and each closes once saved', async () => {
    const page = await incidentPageAs(MEMBERS.en, 'en-GB');
    assert.equal(await page.locator('[data-decision]').textContent(), 'Detention of 30 days (Article 510, Code of Administrative Offences)');
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    const closed = await height();
    await openEveryForm(page);
    const everyFormOpen = await height();
    console.log(`incident page at 1280×800, a person, an act, a detention, a source, a follow-up: ${closed} px with its forms closed, ${everyFormOpen} px with every form open`);
    assert.ok(closed < 1_600, `${closed} px`);
    assert.ok(everyFormOpen > closed * 1.5, 'the forms are what made it tall');

    // Away and back (a reload would lock the vault): the page as it opens.
    await page.evaluate(() => (location.hash = '#records'));
    await page.locator('[data-incident]').first().waitFor(STEP);
    await page.evaluate((id) => (location.hash = `#records/${id}`), incident.id);
    await page.locator('[data-source]').waitFor(STEP);
    assert.equal(await page.locator('#person-name').isVisible(), false, 'adding a person waits to be asked for');
    await page.getByText('Add a person and what happened to them').click();
    await page.fill('#person-name', 'Тимур Исмайлов');
    await page.selectOption('#person-risk', 'high');
    await page.selectOption('#act-type', { label: 'Detention' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('[data-act]', { hasText: 'Тимур' }).waitFor(STEP);
    await page.getByRole('status').filter({ hasText: /A-\d+ saved\./ }).waitFor(STEP);
    assert.equal(await page.locator('[data-add-person]').getAttribute('open'), null, 'closed once saved');
    await page.getByText('Add a person and what happened to them').click();
    assert.equal(await page.inputValue('#person-name'), '');
    assert.equal(await page.inputValue('#person-risk'), 'unknown', 'the next person starts afresh, not with the last one’s risk');

    await page.getByText('Add a follow-up').click();
    await page.selectOption('#intervention-type', 'legal-aid');
    await page.getByRole('button', { name: 'Add the follow-up' }).click();
    await page.locator('[data-intervention]').nth(1).waitFor(STEP);
    assert.equal(await page.locator('[data-add-follow-up]').getAttribute('open'), null);
  });

  it('dates are picked in one control: a day picker, or only the month or the year when that is all that is known', async () => {
    const page = await incidentPageAs(MEMBERS.en, 'en-GB');
    await openEveryForm(page);
    const typeOf = (selector: string) => page.locator(selector).first().getAttribute('type');
    for (const selector of ['#act-date', '#edit-incident-date', 'input[id^=edit-act-date-]', '#source-date', '#intervention-due', '[id^=transfer-day-]', '[id^=decision-date-]', '[id^=hearing-]']) assert.equal(await typeOf(selector), 'date', selector);
    await page.getByLabel('How precisely it is known').first().waitFor(STEP);

    // Only the month is known: the same field becomes a month picker, and the act says "November 2026".
    await page.fill('#person-name', 'Rauf Əliyev');
    await page.fill('#act-date', '2026-11-14');
    await page.selectOption('#act-date-precision', 'month');
    assert.equal(await typeOf('#act-date'), 'month');
    assert.equal(await page.inputValue('#act-date'), '2026-11', 'the month kept from the day');
    await page.locator('[data-add-person]').getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('[data-act]', { hasText: 'Rauf' }).locator('.facts', { hasText: 'November 2026' }).waitFor(STEP);
    // Only the year: a number, 1900–2100.
    const act = page.locator('[data-act]', { hasText: 'Rauf' });
    await act.getByText('Correct this act').click();
    await act.getByLabel('How precisely it is known').selectOption('year');
    assert.equal(await act.getByLabel('When').getAttribute('type'), 'number');
    assert.equal(await act.getByLabel('When').inputValue(), '2026');
    await act.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('[data-act]', { hasText: 'Rauf' }).locator('.facts', { hasText: /A-\d+ · 2026\s*$/ }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);
  });

  it(`links a report by searching ${INCIDENTS.toLocaleString('en')} incidents: at most ${MOST_MATCHES} matches, as a list of choices`, async () => {
    const { entries } = (await (await admin.get('/api/registry')).json()) as { entries: { id: string; code: string }[] };
    const place = entries.find((e) => e.code === 'binagadi-police')!.id;
    const made: { id: string; code: string }[] = [];
    // Several at a time over loopback: a bounded count, each awaited.
    for (let start = 1; start < INCIDENTS; start += 4) {
      const batch = Array.from({ length: Math.min(4, INCIDENTS - start) }, (_, i) => start + i);
      made.push(...(await Promise.all(batch.map((n) => createRecord(admin, 'incident', { start: day(null), end: day(null), placeIds: [place], monitoringStatus: 'open' }, { title: n === 277 ? 'Raid at the Kürdəxanı dacha' : `Street check ${n}`, description: '' })))));
    }
    assert.equal(made.length + 1, INCIDENTS);
    assert.equal((await postForm(server, '/report?lang=en', [['story', 'The police came to the dacha at night.']])).status, 200);

    const page = await incidentPageAs(MEMBERS.en, 'en-GB');
    await page.goto(`${server.url}/app#inbox`);
    await page.locator('li.row', { hasText: 'dacha' }).locator('button.open').click();
    await page.getByRole('button', { name: 'Link to an incident or person already recorded…' }).click();
    const search = page.getByRole('searchbox', { name: 'Or link this report to an incident or a person already recorded' });
    const { records: people } = (await (await admin.get('/api/records/person?limit=100')).json()) as { records: unknown[] };
    const everything = INCIDENTS + people.length;
    await page.locator(`[data-matches="${everything}"]`).waitFor(STEP); // every incident and every person, before anything is typed
    assert.equal(await page.locator('[data-find-record] input[type=radio]').count(), MOST_MATCHES, 'a short list, not hundreds of options');
    assert.match((await page.locator('[data-matches]').textContent())!, new RegExp(`The first ${MOST_MATCHES} of ${everything.toLocaleString('en')} matches`));
    await search.fill('street check');
    await page.locator(`[data-matches="${INCIDENTS - 2}"]`).waitFor(STEP);
    await search.fill('kurdəxanı');
    await page.locator('[data-matches="1"]').waitFor(STEP);
    const found = made[276]!;
    await page.getByRole('radio', { name: `${found.code} Raid at the Kürdəxanı dacha` }).check();
    assert.deepEqual(await axe(page), []);
    await page.getByRole('button', { name: 'Link as a source', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `is now a source of ${found.code}` }).waitFor(STEP);
    const { records } = (await (await admin.get(`/api/records/source?targetId=${found.id}&limit=10`)).json()) as { records: unknown[] };
    assert.equal(records.length, 1);
    // A code finds its record too.
    await search.fill(incident.code);
    await page.locator('[data-matches="1"]').waitFor(STEP);
  });

  it('raised no script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
