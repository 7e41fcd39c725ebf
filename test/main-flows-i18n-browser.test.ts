// Issue 14's measure: a team member whose browser speaks Russian, or Azerbaijani, walks the main
// flows — login, the inbox, a report opened, a record made from it, who is held now, the situation
// report — and meets no English phrase from any catalog (the en catalogue) and no axe violation.
// Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { allCatalogs, englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, postForm, setUpOrganization } from './support/org.ts';
import type { Words } from '../src/core/i18n/message.ts';
import { reportWords } from '../src/web/app/inbox/detail-words.ts';

const STEP = { timeout: 30_000 };
const STORIES = { ru: 'Двоих друзей задержали в гостинице после переписки в приложении знакомств.', az: 'İki dostu tanışlıq tətbiqində yazışmadan sonra oteldə saxladılar.' } as const;

for (const language of ['ru', 'az'] as const) {
  describe(`the main flows in ${language === 'ru' ? 'Russian' : 'Azerbaijani'}`, () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    let pageErrors: string[];
    let catalogs: Words[];

    before(async () => {
      catalogs = (await allCatalogs('src/web/app')).map((c) => c.words);
      server = await startTestServer('sqlite');
      await setUpOrganization(server);
      const sent = await postForm(server, `/report?lang=${language}`, [['lang', language], ['story', STORIES[language]], ['whenExact', '2026-11-01'], ['stillHeld', 'yes'], ['people', '2']]);
      assert.equal(sent.status, 200);
      ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase, { locale: language === 'ru' ? 'ru-RU' : 'az-AZ' }));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function speaks(where: string): Promise<void> {
      assert.equal(await page.getAttribute('html', 'lang'), language, where);
      assert.deepEqual(await englishOnPage(page, catalogs, language), [], `English on ${where}`);
      assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
    }

    it('login, the inbox, a report, a record made from it, held now and the situation report: all in the language, none with English', async () => {
      await page.locator('li.row button.open').first().waitFor(STEP);
      await speaks('the inbox');
      await page.locator('li.row button.open').first().click();
      await page.getByRole('button', { name: reportWords[language].makeRecord }).waitFor(STEP);
      await speaks('an open report');

      await page.getByRole('button', { name: reportWords[language].makeRecord }).click();
      await page.locator('#incident-title').waitFor(STEP);
      await speaks('a new incident from the report');
      await page.fill('#incident-title', language === 'ru' ? 'Задержания в гостинице' : 'Oteldə saxlanılma');
      await page.locator('form[aria-labelledby=new-incident] button[type=submit]').click();
      await page.waitForURL(/#records\/[0-9a-f-]{36}$/, STEP);
      await page.getByRole('heading', { level: 1 }).waitFor(STEP);
      await speaks('the incident');

      for (const [hash, ready] of [
        ['#held', 'main h1'],
        ['#due', 'main h1'],
        ['#records', '#incident-filter'],
        ['#situation', '#situation-as-of'],
      ] as const) {
        await page.evaluate((h) => (location.hash = h), hash);
        await page.locator(ready).first().waitFor(STEP);
        await page.waitForLoadState('networkidle');
        await speaks(hash);
      }
      assert.deepEqual(pageErrors, []);
    });
  });
}
