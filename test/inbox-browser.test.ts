// The inbox in Russian and in Azerbaijani (issue 14), in Debian's Chromium: reports (one with a
// reporter's answer) listed with their new answers, the tab title counting what is new, the
// "with new answers" filter, a report opened (its answers marked seen), "Check for new reports"
// counting new reports and answers with Russian plurals; no English left from the inbox's
// catalogs and no axe violation. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, codenameIn, logIn, postForm, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';
import { inboxWords } from '../src/web/app/inbox/words.ts';
import { reportWords } from '../src/web/app/inbox/detail-words.ts';
import { decryptWords } from '../src/web/app/decrypt/words.ts';

const STEP = { timeout: 30_000 };
const CATALOGS = [inboxWords, reportWords, decryptWords];
const DOC = { email: 'doc@example.org', passphrase: 'documenter passphrase one' };
const HELD = 'Брата задержали у станции метро ночью.';
const SEARCHED = 'Обыск в квартире, забрали телефоны.';
const ANSWER = 'Да, он всё ещё в отделении.';

describe('the inbox in Russian and Azerbaijani', () => {
  let server: TestServer;
  let codename = '';
  const browsers: Browser[] = [];

  const report = (fields: [string, string][]) => postForm(server, '/report?lang=ru', fields);
  const answer = async (text: string) => assert.equal((await postForm(server, '/status/answer?lang=ru', [['codename', codename], ['answer', text]])).status, 200);
  const row = (page: Page, text: string) => page.locator('li.row', { hasText: text });
  const status = (page: Page, text: string) => page.locator('[role=status]', { hasText: text }).first().waitFor(STEP);
  async function clean(page: Page, language: 'ru' | 'az'): Promise<void> {
    // The workspace's bar (its menu) is the shell's, with words of its own checked by its own test.
    await page.evaluate(() => document.querySelector<HTMLElement>('header.bar')?.style.setProperty('display', 'none'));
    const english = await englishOnPage(page, CATALOGS, language);
    await page.evaluate(() => document.querySelector<HTMLElement>('header.bar')?.style.removeProperty('display'));
    assert.deepEqual(english, [], 'English left on the page');
    assert.deepEqual(await axeViolations(page), []);
  }

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    await addMember(server, await logIn(server), 'documenter', DOC.email, DOC.passphrase);
    await report([['story', HELD], ['city', 'Баку'], ['stillHeld', 'yes']]);
    // No story: the list words what was ticked, in the reader's language.
    await report([['what', 'raid'], ['what', 'entrapment'], ['stillHeld', 'no']]);
    codename = codenameIn(await (await report([['story', SEARCHED], ['stillHeld', 'no']])).text());
    await answer(ANSWER);
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  it('ru: lists the reports with the new answer, counts in the tab title, filters, opens a report and marks its answer seen', async () => {
    const { browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase, { locale: 'ru-RU' });
    browsers.push(browser);
    await page.getByRole('heading', { name: /Входящие/, level: 1 }).waitFor(STEP);
    await page.getByText('В этом браузере открыто 3 сообщения.').waitFor(STEP);
    await row(page, 'Облава или обыск в квартире или гостинице; Ловушка через приложение знакомств').waitFor(STEP);
    const answered = row(page, SEARCHED);
    assert.equal(await answered.locator('.badge.new-answers').innerText(), '1 новый ответ');
    await answered.getByText('1 реплика в переписке').waitFor(STEP);
    await page.waitForFunction(() => document.title === '(4 новых) Входящие · Vigil', undefined, STEP);
    await clean(page, 'ru');

    await page.check('#filter-answers');
    await page.getByText('Подходит 1 из 3 сообщений.').waitFor(STEP);
    assert.equal(await page.locator('li.row').count(), 1);
    await page.uncheck('#filter-answers');
    await page.check('#filter-urgent');
    await row(page, HELD).waitFor(STEP);
    assert.equal(await page.locator('li.row').count(), 1);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await page.getByText('3 сообщения, сначала новые.').waitFor(STEP);

    await answered.locator('button.open').click();
    const pane = page.locator('section.detail');
    await pane.getByRole('heading', { name: /Сообщение №\d+/ }).waitFor(STEP);
    await pane.locator('.messages li.reporter.new', { hasText: ANSWER }).waitFor(STEP);
    await pane.getByText('Автор сообщения').first().waitFor(STEP);
    // Seen: the card's badge goes, the title counts the three unread reports only.
    await answered.locator('.badge.new-answers').waitFor({ state: 'detached', ...STEP });
    await page.waitForFunction(() => document.title === '(3 новых) Входящие · Vigil', undefined, STEP);
    const [seen] = await query<{ n: number }>(server, 'select count(*) as n from report_reads where seen_seq > 0');
    assert.equal(Number(seen!.n), 1);
    await clean(page, 'ru');

    await page.getByRole('button', { name: 'Сочетания клавиш' }).click();
    await page.getByRole('dialog', { name: 'Сочетания клавиш' }).waitFor(STEP);
    await clean(page, 'ru');
    await page.getByRole('dialog').getByRole('button', { name: 'Закрыть' }).click();
    assert.deepEqual(pageErrors, []);
  });

  it('ru: "Check for new reports" says how many reports and answers arrived, in Russian plurals', async () => {
    const page = (await browsers[0]!.contexts()[0]!.pages())[0]!;
    const check = page.getByRole('button', { name: 'Проверить новые сообщения', exact: true });
    await check.click();
    await status(page, 'Новых сообщений и ответов нет.');
    await report([['story', 'Угрозы в мессенджере после марша.'], ['stillHeld', 'no']]);
    await report([['story', 'Вызвали в полицию повесткой.'], ['stillHeld', 'unknown']]);
    await answer('Ещё одно уточнение.');
    await check.click();
    await status(page, '2 новых сообщения и 1 новый ответ от авторов сообщений.');
    await row(page, 'Вызвали в полицию повесткой.').waitFor(STEP);
    assert.equal(await row(page, SEARCHED).locator('.badge.new-answers').innerText(), '1 новый ответ');
    await answer('И ещё два слова.');
    await answer('Спасибо.');
    await check.click();
    await status(page, '2 новых ответа от авторов сообщений.');
    await row(page, SEARCHED).locator('.badge.new-answers', { hasText: '3 новых ответа' }).waitFor(STEP);
    await clean(page, 'ru');
  });

  it('az: the inbox and an opened report, for a member whose browser is in Azerbaijani', async () => {
    const { browser, page, pageErrors } = await openWorkspaceAs(server.url, DOC.email, DOC.passphrase, { locale: 'az-AZ' });
    browsers.push(browser);
    await page.getByRole('heading', { name: /Gələnlər/, level: 1 }).waitFor(STEP);
    await page.getByText('Bu brauzerdə 5 məlumat açılıb.').waitFor(STEP);
    await row(page, 'Evə və ya otelə basqın; Tanışlıq tətbiqi').waitFor(STEP);
    await row(page, SEARCHED).locator('.badge.new-answers', { hasText: '4 yeni cavab' }).waitFor(STEP);
    await page.waitForFunction(() => /^\(\d+ yeni\) Gələnlər · Vigil$/.test(document.title), undefined, STEP);
    await clean(page, 'az');
    await row(page, HELD).locator('button.open').click();
    await page.locator('section.detail').getByRole('heading', { name: /Məlumat №\d+/ }).waitFor(STEP);
    await page.locator('section.detail').getByText('Hələ saxlanılır').first().waitFor(STEP);
    await clean(page, 'az');
    assert.deepEqual(pageErrors, []);
  });
});
