// "How Vigil tells you" in Debian's Chromium: an administrator (English) chooses their webhook,
// sees its secret once and sends a signed test; a documenter (Russian browser) chooses email, is not
// offered failed backups, and reads no English of the section; axe finds nothing; a reporter's
// browser seals a "still held" report and adds only the plain urgent bit. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { englishOnPage } from './support/words-check.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, setUpOrganization } from './support/org.ts';
import { startMailbox, type Mailbox } from './support/mailbox.ts';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver.ts';
import { noticesWords } from '../src/web/app/notices/words.ts';

const STEP = { timeout: 30_000 };
const DOCUMENTER = { email: 'doc@example.org', passphrase: 'member passphrase long' };

/** The account page, where the section lives. */
async function openAccount(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#account'));
  await page.locator('section[data-notices] form').waitFor(STEP);
}

describe('How Vigil tells you, in Chromium', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  let receiver: WebhookReceiver;
  const browsers: Browser[] = [];

  before(async () => {
    [mailbox, receiver] = await Promise.all([startMailbox(), startWebhookReceiver()]);
    // A 6-second window: a report's notice leaves 1.2 s after it.
    server = await startTestServer('sqlite', { VIGIL_SMTP_URL: mailbox.url, VIGIL_MAIL_FROM: 'notes@example.org', VIGIL_NOTICE_EVERY_MIN: '0.1' });
    await setUpOrganization(server);
    await addMember(server, await logIn(server), 'documenter', DOCUMENTER.email, DOCUMENTER.passphrase);
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
    await mailbox?.close();
    await receiver?.close();
  });

  it('an administrator saves their webhook, copies its secret and sends a signed test (en)', async () => {
    const { browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase);
    browsers.push(browser);
    await openAccount(page);
    const section = page.getByRole('region', { name: 'How Vigil tells you' });
    await section.getByText('Now: Vigil tells you nothing.').waitFor(STEP);
    assert.equal(await section.getByRole('button', { name: 'Send a test' }).isDisabled(), true, 'nothing saved: nothing to test');
    await section.getByLabel('My own webhook (for a Signal or Telegram bridge)').check();
    await section.getByLabel('Webhook address').fill(`${receiver.url}/mine`);
    await section.getByLabel('A new report saying someone is still held').check();
    await section.getByLabel('A failed backup').check();
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Now: Vigil tells you by your webhook.').waitFor(STEP);
    const secret = (await section.locator('[data-notice-secret]').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
    assert.deepEqual(await axeViolations(page), []);
    await section.getByRole('button', { name: 'I have copied it' }).click();
    assert.equal(await section.locator('[data-notice-secret]').count(), 0);

    await section.getByRole('button', { name: 'Send a test' }).click();
    await section.getByText('A test message was sent. Check that it arrived.').waitFor(STEP);
    const [call] = await receiver.waitFor('/mine');
    assert.ok(verifySignature(secret, call!));
    assert.equal(JSON.parse(call!.body).text, 'Vigil: a test message. This is where your notices will come.');
    assert.deepEqual(pageErrors, []);
  });

  it('a documenter with a Russian browser chooses email, without failed backups on offer, and reads no English (ru)', async () => {
    const { browser, page, pageErrors } = await openWorkspaceAs(server.url, DOCUMENTER.email, DOCUMENTER.passphrase, { locale: 'ru-RU' });
    browsers.push(browser);
    await openAccount(page);
    const section = page.getByRole('region', { name: 'Как Vigil сообщает вам о новом' });
    await section.getByText('Сейчас: Vigil ничего вам не присылает.').waitFor(STEP);
    assert.equal(await section.getByRole('checkbox').count(), 4, 'a failed backup is offered to administrators only');
    await section.getByLabel(`На почту ${DOCUMENTER.email}`).check();
    await section.getByLabel('новом сообщении о том, что кто-то до сих пор задержан').check();
    await section.getByLabel('ответе автора сообщения').check();
    await section.getByRole('button', { name: 'Сохранить' }).click();
    await section.getByText('Сейчас: Vigil сообщает вам по почте.').waitFor(STEP);
    await section.getByRole('button', { name: 'Отправить проверочное уведомление' }).click();
    await section.getByText('Проверочное уведомление отправлено. Убедитесь, что оно пришло.').waitFor(STEP);
    const mail = await mailbox.waitFor(DOCUMENTER.email);
    assert.equal(mail.subject, 'Vigil: проверочное уведомление. Уведомления будут приходить сюда.');

    // The section's own words: none left in English (the rest of the page is other screens' work).
    const sectionText = (await section.innerText()) ?? '';
    assert.deepEqual((await englishOnPage(page, [noticesWords], 'ru')).filter((phrase) => sectionText.includes(phrase)), []);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(pageErrors, []);
  });

  it('a report sealed in a reporter’s browser saying someone is still held reaches the webhook as urgent, and only that bit crosses', async () => {
    const browser = browsers[0]!;
    const page = await (await browser.newContext()).newPage();
    const posted: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posted.push(r.postData() ?? ''));
    await page.goto(`${server.url}/?lang=en`);
    await page.check('#what-detained');
    await page.check('#stillHeld-yes');
    await page.fill('#story', 'held since the raid on Tuesday');
    await page.click('button[type=submit]');
    await page.locator('[data-codename]').waitFor(STEP);
    const body = JSON.parse(posted.at(-1)!) as Record<string, unknown>;
    assert.equal(body.urgent, true);
    assert.deepEqual(Object.keys(body).sort(), ['envelope', 'lang', 'reporterKey', 'statusKey', 'urgent', 'v']);
    const calls = await receiver.waitFor('/mine', 2);
    assert.deepEqual(JSON.parse(calls[1]!.body), { text: 'Vigil: 1 new urgent report', url: `${server.url}/app`, counts: { urgent: 1 } });
  });
});
