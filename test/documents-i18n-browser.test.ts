// The situation report, the UN communication, partners, channels, the rights and safety pages'
// editor and alerts, read by an administrator whose browser speaks Russian, then Azerbaijani: no
// English phrase of those pages' catalogs on screen at any step, and axe-core finds nothing. The
// documents themselves follow the member's language at first (their own picker changes them).
// Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, type Made } from './support/records.ts';
import { createChannel } from './support/channels.ts';
import { translator, type Words } from '../src/core/i18n/message.ts';
import { documentsWords } from '../src/web/app/documents/words.ts';
import { bundlesWords } from '../src/web/app/bundles/words.ts';
import { channelsWords } from '../src/web/app/channels/words.ts';
import { guidesWords } from '../src/web/app/guides/words.ts';
import { alertsWords } from '../src/web/app/alerts/words.ts';

const STEP = { timeout: 30_000 };
const PASSPHRASE = 'member passphrase long';
const day = (date: string) => ({ date, precision: 'day' });
const unknown = { date: null, precision: 'unknown' };

describe('documents, partners, channels, guides and alerts in Russian and Azerbaijani', () => {
  let server: TestServer;
  let admin: LoggedIn;
  const people: Made[] = [];

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    const incident = await createRecord(admin, 'incident', { start: day('2026-11-01'), end: unknown, placeIds: [], monitoringStatus: 'open' }, { title: 'Рейд', description: 'Задержаны двое.' });
    for (const [name, consentSharing] of [
      ['Orxan Məmmədov', 'public'],
      ['Leyla Hüseynova', 'none'],
    ] as const) {
      const person = await createRecord(admin, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '18-25', consentSharing, namePreference: 'initials', reprisalRisk: 'high' }, { name });
      const act = await createRecord(admin, 'act', { incidentId: incident.id, personId: person.id, typeCode: '030102000000', start: day('2026-11-01'), end: unknown, placeId: null }, {});
      const held = { status: 'held', heldAt: null, custodyStart: null, lawyerAccess: 'none', familyAccess: 'unknown', legalProvisionId: null, courtId: null, hearingDate: null, decision: 'pending', decisionDate: null, fineAmount: null, detentionDays: null, sentenceStart: null, releasedOn: null };
      assert.equal((await admin.post(`/api/acts/${act.id}/detention`, { version: 0, detention: held })).status, 200);
      people.push(person);
    }
    await createChannel(admin, 'hotline', 'Ночная линия');
    const alert = await admin.post('/api/alerts', { texts: { ru: { title: 'Осторожно', body: 'Не встречайтесь с незнакомцами.' } }, recipients: [] });
    assert.equal(alert.status, 201, await alert.clone().text());
  });
  after(async () => {
    await server?.close();
  });

  for (const [language, locale] of [
    ['ru', 'ru-RU'],
    ['az', 'az-AZ'],
  ] as const) {
    describe(`in ${locale}`, () => {
      let browser: Browser;
      let page: Page;
      let pageErrors: string[];
      /**
       * No English of these catalogs in the page's content, nothing axe objects to. The top bar is the
       * shell's, with page names that these catalogs share ("Partners"): it is tested with the shell's
       * catalogs, and set aside while these are looked for.
       */
      const check = async (catalogs: Words[], where: string) => {
        await page.evaluate(() => document.querySelectorAll<HTMLElement>('header.bar').forEach((bar) => (bar.style.display = 'none')));
        const english = await englishOnPage(page, catalogs, language);
        await page.evaluate(() => document.querySelectorAll<HTMLElement>('header.bar').forEach((bar) => (bar.style.display = '')));
        assert.deepEqual(english, [], `${where}: English left`);
        assert.deepEqual(await axeViolations(page), [], `${where}: axe`);
      };
      /** Opens a workspace page by its #hash (a reload would forget the keys) and waits for its heading, in the member's language. */
      const open = async (hash: string, heading: string) => {
        await page.evaluate((h) => (location.hash = h), hash);
        await page.locator('main h1', { hasText: heading }).waitFor(STEP);
      };

      before(async () => {
        // An administrator of their own: a member's first login takes the browser's language and keeps it.
        const email = `admin-${language}@example.org`;
        await addMember(server, admin, 'admin', email, PASSPHRASE);
        ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, email, PASSPHRASE, { locale }));
      });
      after(async () => {
        await browser?.close();
      });

      it('the situation report: the form, the numbers and an account', async () => {
        await open('#situation', translator(documentsWords, language)('situationTitle'));
        await check([documentsWords], 'situation form');
        await page.locator('form.document-form button[type=submit]').click();
        await page.locator('article.document').waitFor(STEP);
        assert.equal(await page.locator('article.document').getAttribute('lang'), language, 'the report starts in the member’s language');
        await page.locator('input[id^="account-"][type=checkbox]').first().check();
        await page.locator('textarea[id^="account-text-"]').waitFor(STEP);
        const status = (await page.locator('main p.status').first().innerText()).trim();
        assert.doesNotMatch(status, /UTC|violations|people/, status);
        await check([documentsWords], 'situation report');
      });

      it('the UN communication: prepared, then marked as sent once', async () => {
        await open('#appeal', translator(documentsWords, language)('appealTitle'));
        for (const person of people) await page.locator(`li[data-person="${person.code}"] input`).check();
        await check([documentsWords], 'appeal form');
        await page.locator('form.document-form button[type=submit]').click();
        await page.locator('#appeal-details').waitFor(STEP);
        await page.locator('article.document').waitFor(STEP);
        await check([documentsWords], 'appeal details');
        const button = page.locator('button[data-mark-sent]');
        await button.click();
        await page.waitForFunction(() => document.querySelector('button[data-mark-sent]')?.hasAttribute('disabled') && !/…/.test(document.querySelector('button[data-mark-sent]')?.textContent ?? ''), null, STEP);
        await check([documentsWords], 'appeal marked as sent');
      });

      it('partners: our key, a partner key pasted and its fingerprint', async () => {
        await open('#partners', translator(bundlesWords, language)('title'));
        const own = page.locator('#own-partner-key');
        await own.waitFor(STEP);
        await page.fill('#partner-key', await own.inputValue());
        await page.locator('[data-partner-fingerprint]').waitFor(STEP);
        await check([bundlesWords], 'partners');
        await page.fill('#partner-key', 'vigil-partner-key/1.broken');
        await page.locator('#partner-key ~ p.error').waitFor(STEP);
        await check([bundlesWords], 'partners, a bad key');
      });

      it('channels, the rights and safety pages, and alerts with a delivery log', async () => {
        await open('#channels', translator(channelsWords, language)('title'));
        await page.locator('li[data-channel]').nth(1).waitFor(STEP);
        await check([channelsWords], 'channels');
        await open('#guides', translator(guidesWords, language)('title'));
        await page.locator('#guide-lang').waitFor(STEP);
        await check([guidesWords], 'guides');
        await open('#alerts', translator(alertsWords, language)('title'));
        await page.locator('li.card').first().waitFor(STEP);
        await page.locator('li.card button[aria-expanded]').first().click();
        await page.locator('li.card table').waitFor(STEP);
        await page.locator('form button[type=submit]').first().click();
        await page.locator('p.error').first().waitFor(STEP);
        await check([alertsWords], 'alerts');
        assert.deepEqual(pageErrors, []);
      });
    });
  }
});
