// A new team's first minutes with records, in Russian and Azerbaijani (Debian's Chromium): the
// registries say what each is for and how to add the first entry; the first incident gets its
// police station from the place picker itself; entries are corrected and retired (kept on old
// records, no longer offered); Add a person starts afresh after a save; Due soon says whom and
// links; the person page names its incidents by code and title. No English of these pages' catalogs
// on screen, no axe violation. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, type Made } from './support/records.ts';
import { addDays, today } from '../src/core/records/custody.ts';
import { recordsWords } from '../src/web/app/records/words.ts';
import { incidentWords } from '../src/web/app/records/incident-words.ts';

const STEP = { timeout: 30_000 };
const DETENTION = '030102000000';
const SECOND_ADMIN = { email: 'admin2@example.org', passphrase: 'member passphrase long' };

describe('records in Russian and Azerbaijani, from an empty registry', () => {
  let server: TestServer;
  let admin: LoggedIn;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const made: { incident?: Made; person?: Made; place?: string } = {};

  /** No English of the records pages' words, and nothing axe-core objects to, on the page as it is now. */
  async function speaks(target: Page, language: 'ru' | 'az'): Promise<void> {
    assert.deepEqual(await englishOnPage(target, [recordsWords, incidentWords], language), [], `English left on ${target.url()}`);
    assert.deepEqual(await axeViolations(target), []);
  }
  const go = async (target: Page, hash: string) => {
    await target.goto(`${server.url}/app#${hash}`);
    await target.locator('main h1').first().waitFor(STEP);
  };

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'admin', SECOND_ADMIN.email, SECOND_ADMIN.passphrase);
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase, { locale: 'ru-RU' }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an empty registry says what each list is for and how to add its first entry', async () => {
    await go(page, 'registry');
    await page.getByRole('heading', { name: 'Реестры' }).waitFor(STEP);
    for (const kind of ['place', 'unit', 'provision', 'act-type']) await page.locator(`[data-empty="${kind}"]`).waitFor(STEP);
    assert.match(await page.locator('[data-empty=place]').innerText(), /«Место»/);
    await speaks(page, 'ru');
    await go(page, 'records');
    await page.locator('[data-empty=incidents]', { hasText: 'Запишите первый' }).waitFor(STEP);
    await go(page, 'held');
    await page.locator('[data-empty=held]').waitFor(STEP);
    await speaks(page, 'ru');
    await go(page, 'due');
    await page.locator('[data-empty=due]').waitFor(STEP);
    await speaks(page, 'ru');
  });

  it('the first incident gets its police station from the place picker itself', async () => {
    await go(page, 'records');
    await page.fill('#incident-title', 'Задержание в гостинице');
    await page.locator('[data-add-place] summary').click();
    await page.getByLabel('Название места').fill('Бинагадинское РУП');
    // Enter adds the place; it does not save the incident.
    await page.getByLabel('Название места').press('Enter');
    await page.locator('[data-add-place] [role=status]', { hasText: '«Бинагадинское РУП» добавлено и выбрано.' }).waitFor(STEP);
    assert.equal(await page.locator('#incident-place option:checked').innerText(), 'Бинагадинское РУП');
    await speaks(page, 'ru');
    await page.locator('form[aria-labelledby=new-incident] button[type=submit]').click();
    await page.getByRole('heading', { name: /I-0001 Задержание в гостинице/ }).waitFor(STEP);
    made.place = (await page.locator('a[href^="#place/"]').first().getAttribute('href'))!.slice('#place/'.length);
  });

  it('Add a person starts afresh after a save: no age, consent or risk of the person before', async () => {
    const form = page.locator('[data-add-person]');
    await form.locator('summary').click();
    const choices = async () => Promise.all(['#person-age', '#person-consent', '#person-risk'].map((id) => page.inputValue(id)));
    const fresh = await choices();
    await page.fill('#person-name', 'Kamran Həsənov');
    await page.selectOption('#person-age', '26-35');
    await page.selectOption('#person-consent', 'un');
    await page.selectOption('#person-risk', 'high');
    await page.selectOption('#act-type', DETENTION);
    await form.locator('button[type=submit]').click();
    await page.locator('[data-act]', { hasText: 'Kamran' }).waitFor(STEP);
    await form.locator('summary').click();
    assert.deepEqual(await choices(), fresh);
    assert.equal(await page.inputValue('#person-name'), '');
  });

  it('an administrator corrects and retires entries: a retired one stays on its records, and is no longer offered', async () => {
    await go(page, 'registry');
    const entry = page.locator('[data-registry=place] li', { hasText: 'Бинагадинское РУП' });
    await entry.getByRole('button', { name: 'Изменить' }).click();
    await entry.getByLabel('Название на азербайджанском').fill('Binəqədi RPİ');
    await entry.getByLabel('Название на английском').fill('Binagadi district police');
    await entry.getByRole('button', { name: 'Сохранить изменения' }).click();
    await entry.locator('[role=status]', { hasText: 'изменено' }).waitFor(STEP);
    await entry.getByText('Binəqədi RPİ').waitFor(STEP);
    await speaks(page, 'ru');
    await entry.getByRole('button', { name: 'Вывести из использования' }).click();
    await page.locator('[data-registry=place] li[data-retired=true]', { hasText: 'Бинагадинское РУП' }).waitFor(STEP);
    await speaks(page, 'ru');

    // Not offered for a new incident; still named, and its page readable, where it was recorded.
    await go(page, 'records');
    await page.locator('#incident-place').waitFor(STEP);
    assert.equal(await page.locator('#incident-place option', { hasText: 'Бинагадинское РУП' }).count(), 0);
    await go(page, `place/${made.place}`);
    await page.getByRole('heading', { name: 'Бинагадинское РУП' }).waitFor(STEP);
    await page.getByText('Выведено из использования').waitFor(STEP);
    await speaks(page, 'ru');

    // Offered again.
    await go(page, 'registry');
    await page.locator('[data-registry=place] li', { hasText: 'Бинагадинское РУП' }).getByRole('button', { name: 'Снова предлагать' }).click();
    await page.locator('[data-registry=place] li:not([data-retired])', { hasText: 'Бинагадинское РУП' }).waitFor(STEP);
  });

  it('Due soon says whom each item concerns and links to them; the person page names their incident', async () => {
    const provision = (await (await admin.post('/api/registry', { kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510', az: 'Maddə 510', ru: 'Статья 510' }, placeKind: null, appealDays: 10 })).json()) as { id: string };
    made.incident = await createRecord(admin, 'incident', { start: { date: today(), precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [made.place], monitoringStatus: 'open' }, { title: 'Рейд в кафе', description: '' });
    made.person = await createRecord(admin, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'initials', reprisalRisk: 'unknown' }, { name: 'Тимур Исмайлов' });
    const act = await createRecord(admin, 'act', { incidentId: made.incident.id, personId: made.person.id, typeCode: DETENTION, start: { date: today(), precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: made.place }, {});
    const detention = { status: 'held', heldAt: made.place, custodyStart: null, lawyerAccess: 'none', familyAccess: 'informed', legalProvisionId: provision.id, courtId: null, hearingDate: null, decision: 'detention', decisionDate: today(), fineAmount: null, detentionDays: 30, sentenceStart: null, releasedOn: null };
    assert.equal((await admin.post(`/api/acts/${act.id}/detention`, { version: 0, detention })).status, 200);
    await createRecord(admin, 'intervention', { incidentId: made.incident.id, personId: null, actId: null, type: 'un-appeal', onDay: null, status: 'planned', priority: 'urgent', dueOn: addDays(today(), 3) }, { parties: 'WGAD', notes: '' });

    await go(page, 'due');
    const appeal = page.locator('[data-due=appeal]');
    const person = appeal.locator(`a[data-due-person="${made.person.code}"]`);
    await person.filter({ hasText: 'Тимур Исмайлов' }).waitFor(STEP);
    assert.equal(await person.getAttribute('href'), `#person/${made.person.id}`);
    assert.equal(await appeal.locator('a[data-due-incident]').innerText(), `${made.incident.code} Рейд в кафе`);
    await page.locator('[data-due=intervention] a[data-due-incident]', { hasText: `${made.incident.code} Рейд в кафе` }).waitFor(STEP);
    await appeal.getByText('Срок обжалования').waitFor(STEP);
    await speaks(page, 'ru');

    await person.click();
    await page.locator(`[data-person-page="${made.person.code}"]`).waitFor(STEP);
    const incident = page.locator('[data-person-incidents] a');
    await incident.filter({ hasText: `${made.incident.code} Рейд в кафе` }).waitFor(STEP);
    assert.equal(await incident.getAttribute('href'), `#records/${made.incident.id}`);
    await speaks(page, 'ru');
  });

  it('the records list, the held board and the registries read in Russian', async () => {
    await go(page, 'records');
    await page.locator(`[data-incident="${made.incident!.code}"]`).waitFor(STEP);
    await page.fill('#records-search', 'Тимур');
    await page.locator(`[data-found-person="${made.person!.code}"]`).waitFor(STEP);
    assert.equal(await page.locator('.find-records p[role=status]').innerText(), 'Найдено: 1 человек и 0 инцидентов.');
    await speaks(page, 'ru');
    await go(page, 'held');
    await page.locator('[data-board=held] caption', { hasText: '1 человек под стражей.' }).waitFor(STEP);
    await speaks(page, 'ru');
    assert.deepEqual(pageErrors, []);
  });

  it('and in Azerbaijani', async () => {
    const az = await openWorkspaceAs(server.url, SECOND_ADMIN.email, SECOND_ADMIN.passphrase, { locale: 'az-AZ' });
    try {
      for (const [hash, ready] of [
        ['records', `[data-incident="${made.incident!.code}"]`],
        [`person/${made.person!.id}`, '[data-person-incidents] a'],
        ['held', '[data-board=held] caption'],
        ['due', '[data-due=appeal] a[data-due-person]'],
        ['registry', '[data-registry=provision] li'],
        [`place/${made.place}`, '[data-board=held]'],
      ] as const) {
        await go(az.page, hash);
        await az.page.locator(ready).first().waitFor(STEP);
        await speaks(az.page, 'az');
      }
      await go(az.page, 'registry');
      assert.equal(await az.page.locator('main h1').innerText(), 'Reyestrlər');
      assert.match(await az.page.locator('[data-registry=provision] li').first().innerText(), /10 gün ərzində şikayət/);
      assert.deepEqual(az.pageErrors, []);
    } finally {
      await az.browser.close();
    }
  });
});
