// The settings page as an administrator in Baku uses it (issue 14): in Russian, no English left, no
// axe violation; a new public title and time zone saved from the page show on the public pages.
// Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, setUpOrganization } from './support/org.ts';
import { settingsWords } from '../src/web/app/settings/words.ts';

describe('the organization settings page, in Russian', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase, { locale: 'ru-RU' }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every word in Russian, passes axe, and saves a new public title, first language and time zone', async () => {
    await page.goto(`${server.url}/app#settings`);
    await page.getByRole('heading', { name: settingsWords.ru.title }).waitFor();
    await page.locator('#settings-name').waitFor();
    assert.deepEqual(await englishOnPage(page, [settingsWords], 'ru'), []);
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('#settings-title', 'Заметки сада');
    await page.selectOption('#settings-first', 'az');
    await page.selectOption('#settings-zone', 'Asia/Baku');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText(settingsWords.ru.saved).waitFor();
    const publicPage = await (await fetch(`${server.url}/`)).text();
    assert.match(publicPage, /<html lang="az">/);
    assert.match(publicPage, /Заметки сада/);
    assert.deepEqual(pageErrors, []);
  });
});
