// The analysis pages in Russian and in Azerbaijani, in Debian's Chromium: a coordinator whose browser
// speaks the language opens the dashboard (with a list behind a number open), the possible
// duplicates (a pair explained), the estimate (computed) and the export page; none of them shows an
// English phrase of their catalogs, and axe-core finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';
import { createRecord } from './support/records.ts';
import { createChannel } from './support/channels.ts';
import { seedDashboard } from './support/dashboard.ts';
import { seedHistories } from './support/estimate.ts';
import { englishOnPage } from './support/words-check.ts';
import { dashboardWords } from '../src/web/app/dashboard/words.ts';
import { linkageWords } from '../src/web/app/linkage/words.ts';
import { estimateWords } from '../src/web/app/estimate/words.ts';
import { exportWords } from '../src/web/app/exports/words.ts';
import { exportFieldWords } from '../src/web/app/exports/field-words.ts';
import type { Language } from '../src/core/i18n/languages.ts';

const STEP = { timeout: 30_000 };
const PASSPHRASE = 'member passphrase long';
const MEMBERS: Record<Exclude<Language, 'en'>, { email: string; locale: string }> = {
  ru: { email: 'coord-ru@example.org', locale: 'ru-RU' },
  az: { email: 'coord-az@example.org', locale: 'az-AZ' },
};
const CATALOGS = [dashboardWords, linkageWords, estimateWords, exportWords, exportFieldWords];

// The pages' words do not depend on the database (the storage behind them is tested on both elsewhere): SQLite only.
for (const backend of ['sqlite'] as const) {
  describe(`the analysis pages in Russian and Azerbaijani, in Chromium on ${backend}`, () => {
    let server: TestServer;
    let channels: string[];

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      const admin = await logIn(server);
      const coordinator = await addMember(server, admin, 'coordinator', MEMBERS.ru.email, PASSPHRASE);
      await addMember(server, admin, 'coordinator', MEMBERS.az.email, PASSPHRASE);
      const seeded = await seedDashboard(coordinator, admin);
      // One person recorded twice, in two scripts: the duplicates page explains the pair.
      const person = (name: string) =>
        createRecord(coordinator, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' }, { name, birthYear: 1996 });
      for (const name of ['Həsənov Elvin', 'Гасанов Эльвин']) {
        const who = await person(name);
        await createRecord(coordinator, 'act', { incidentId: seeded.incidents.i1.id, personId: who.id, typeCode: '030101000000', start: { date: '2026-11-02', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: seeded.places.place1 }, { statedReason: '' });
      }
      channels = [];
      for (const [kind, name] of [['lawyers', 'Vəkillər şəbəkəsi'], ['media', 'Mətbuat icmalı'], ['hotline', 'Gecə xətti']] as const) channels.push((await createChannel(coordinator, kind, name)).id);
      await seedHistories(coordinator, seeded.incidents.i2, '2026-11-10', channels, [0, 3, 2, 2, 2, 1, 1, 1], 1);
    });
    after(async () => {
      await server?.close();
    });

    for (const language of ['ru', 'az'] as const) {
      it(`${language}: the dashboard, possible duplicates, the estimate and the export page, with no English and nothing for axe`, async () => {
        let browser: Browser | undefined;
        try {
          const opened = await openWorkspaceAs(server.url, MEMBERS[language].email, PASSPHRASE, { locale: MEMBERS[language].locale });
          browser = opened.browser;
          const page: Page = opened.page;
          const open = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
          const check = async (what: string) => {
            assert.deepEqual(await englishOnPage(page, CATALOGS, language), [], `${what}: English left`);
            assert.deepEqual(await axeViolations(page), [], `${what}: axe`);
          };
          assert.equal(await page.evaluate(() => document.documentElement.lang), language, 'the first login takes the browser\'s language');

          await open('#dashboard');
          await page.locator('.tiles').waitFor(STEP);
          await page.locator('[data-drill="held:"]').click();
          await page.locator('[data-drill-list="held:"]').waitFor(STEP);
          await page.locator('figure.timeline details').evaluate((details) => ((details as HTMLDetailsElement).open = true));
          await check('the dashboard');

          await open('#duplicates');
          await page.locator('[data-duplicates-page] .pair').first().waitFor(STEP);
          await page.locator('[data-merges], [data-duplicates-page] h2#merges-made').first().waitFor(STEP);
          await check('possible duplicates');

          await open('#estimate');
          for (const id of channels) await page.locator(`#estimate-channel-${id}`).check(STEP);
          await page.fill('#estimate-from', '2026-11-01');
          await page.fill('#estimate-to', '2026-11-30');
          await page.locator('form.estimate-form button[type=submit]').click();
          await page.locator('[data-estimate]').waitFor(STEP);
          assert.equal(await page.locator('#estimate-language').inputValue(), language, 'the figures start in the member\'s language');
          await check('the estimate');

          await open('#export');
          await page.locator('[data-group=arrest]').waitFor(STEP);
          await check('the export page');
          assert.deepEqual(opened.pageErrors, []);
        } finally {
          await browser?.close();
        }
      });
    }
  });
}
