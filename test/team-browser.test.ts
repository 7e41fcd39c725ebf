// The team's own pages in the team's language, in Debian's Chromium: an administrator whose browser
// speaks Russian (then another whose browser speaks Azerbaijani) sees the Members page (an invitation
// made, an invitee waiting for the safety-code check, the backups and their banner), the Recovery
// page and a recovery sheet, the Account page and /recover with no English left from those pages'
// catalogs and no axe violation. A member who picks Russian on the Account page finds the workspace
// in Russian after a reload and a new login. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, logInThroughWorkspace, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, acceptInvitation, addMember, invite, logIn, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';
import type { Language } from '../src/core/i18n/languages.ts';
import { keyWords, membersWords, roleWords } from '../src/web/app/members/words.ts';
import { recoveryWords } from '../src/web/app/recovery/words.ts';
import { backupWords } from '../src/web/app/backups/words.ts';
import { accountWords } from '../src/web/app/account/words.ts';

const CATALOGS = [membersWords, roleWords, keyWords, recoveryWords, backupWords, accountWords];
const STEP = { timeout: 30_000 };
const SECOND_ADMIN = { email: 'second-admin@example.org', passphrase: 'second admin passphrase' };
const MEMBER = { email: 'doc@example.org', passphrase: 'documenter passphrase' };

/** Goes to a workspace page by its #hash and waits for its heading. */
async function openPage(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor(STEP);
}

/** Nothing English from these pages' catalogs, and nothing axe-core objects to. */
async function assertSpeaks(page: Page, language: Exclude<Language, 'en'>, where: string): Promise<void> {
  // The bar's page names ("Members", "Recovery", "My account") are the workspace shell's words, checked by its own test.
  await page.evaluate(() => document.querySelector<HTMLElement>('header.bar nav')?.style.setProperty('display', 'none'));
  assert.deepEqual(await englishOnPage(page, CATALOGS, language), [], `English on ${where} (${language})`);
  assert.deepEqual(await axeViolations(page), [], `axe on ${where} (${language})`);
}

describe('the team pages in Russian and Azerbaijani, in Chromium', () => {
  let server: TestServer;
  const browsers: Browser[] = [];

  before(async () => {
    server = await startTestServer('sqlite', { VIGIL_BACKUP_DIR: '/nonexistent/vigil-backups', VIGIL_BACKUP_EVERY: '6h', VIGIL_BACKUP_KEEP: '5' });
    await setUpOrganization(server);
    const admin = await logIn(server);
    await addMember(server, admin, 'admin', SECOND_ADMIN.email, SECOND_ADMIN.passphrase);
    await addMember(server, admin, 'documenter', MEMBER.email, MEMBER.passphrase);
    const { token } = await invite(admin, 'viewer');
    await acceptInvitation(server, token, 'waiting@example.org', 'waiting passphrase long');
    // Two days ago a backup of 12,345,678 bytes; since then the drive is gone: the banner shows on every page.
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await query(server, `insert into backup_runs (id, started_at, finished_at, outcome, size, file) values ('ok', '${day(2)}', '${day(2)}', 'ok', 12345678, 'vigil-x.backup')`);
    await query(server, `insert into backup_runs (id, started_at, finished_at, outcome, error, file) values ('failed', '${day(1)}', '${day(1)}', 'failed', 'folder-missing', 'vigil-y.backup')`);
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  for (const [language, locale, who] of [
    ['ru', 'ru-RU', ADMIN],
    ['az', 'az-AZ', SECOND_ADMIN],
  ] as const) {
    it(`${language}: Members (with the backup banner), Recovery and a sheet, Account, /recover`, async () => {
      const { browser, page, pageErrors } = await openWorkspaceAs(server.url, who.email, who.passphrase, { locale });
      browsers.push(browser);
      const members = membersWords[language];

      await openPage(page, '#members', members.title);
      await page.getByRole('region', { name: backupWords[language].title }).waitFor(STEP);
      await page.locator('li.card[data-member="waiting@example.org"]').waitFor(STEP);
      await page.locator(`tr[data-member="${MEMBER.email}"]`).waitFor(STEP);
      await page.getByRole('button', { name: members.createLink }).click();
      await page.locator('#invite-link').waitFor(STEP);
      await page.getByRole('complementary').getByText(backupWords[language].lossSince).waitFor(STEP);
      // Chromium's own locale data decides the decimal mark (it has little for Azerbaijani).
      assert.match(await page.getByRole('region', { name: backupWords[language].title }).innerText(), language === 'ru' ? /12,3 МБ/ : /12[.,]3 MB/);
      await assertSpeaks(page, language, 'the Members page');

      const recovery = recoveryWords[language];
      await openPage(page, '#recovery', recovery.title);
      await page.getByText(recovery.noKitYet).waitFor(STEP);
      await assertSpeaks(page, language, 'the Recovery page');
      await page.selectOption('#trustees', '2');
      await page.getByRole('button', { name: recovery.makeKit }).click();
      await page.locator('.share-sheet').waitFor(STEP);
      await assertSpeaks(page, language, 'a recovery sheet');

      await openPage(page, '#account', accountWords[language].title);
      await page.getByRole('table').waitFor(STEP);
      await assertSpeaks(page, language, 'the Account page');

      await page.goto(`${server.url}/recover`);
      await page.getByRole('heading', { level: 1, name: recovery.recoverTitle }).waitFor(STEP);
      await page.getByText(recovery.noKit).waitFor(STEP);
      await assertSpeaks(page, language, '/recover');
      assert.deepEqual(pageErrors, []);
    });
  }

  it('Russian chosen on the Account page is remembered: after a reload and a new login the workspace is in Russian', async () => {
    const browser = await launchChromium();
    browsers.push(browser);
    const page = await browser.newPage();
    await logInThroughWorkspace(page, server.url, MEMBER.email, MEMBER.passphrase);
    await openPage(page, '#account', accountWords.en.title);
    const section = page.locator('section[aria-labelledby="language-title"]');
    await section.locator('select').selectOption('ru');
    await page.getByRole('heading', { level: 1, name: accountWords.ru.title }).waitFor(STEP);
    await section.getByRole('status').getByText('Сохранено.').waitFor(STEP);
    // A reload forgets the keys: the login page is in the browser's language, the workspace in the member's.
    await page.reload();
    await logInThroughWorkspace(page, server.url, MEMBER.email, MEMBER.passphrase);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
    await openPage(page, '#account', accountWords.ru.title);
    assert.match(await page.locator('.who').innerText(), new RegExp(roleWords.ru.documenter));
    assert.equal(await section.locator('select').inputValue(), 'ru');
  });
});
