// Alerts in Debian's Chromium, on both databases: a reader subscribes, confirms and unsubscribes
// with JavaScript off; a coordinator composes, previews and publishes in the workspace; the public
// page (JS off) and the feed show it; the local SMTP server and webhook receiver get it; axe-core
// finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { startMailbox, type Mailbox } from './support/mailbox.ts';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver.ts';
import { alertMailWords } from '../src/server/alerts/mail-words.ts';
import { alertsWords } from '../src/server/pages/alerts-words.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coordinator@example.org', passphrase: 'member passphrase long' };
const READER = 'reader@example.net';
const EN = { title: 'Police pose as clients on dating apps', body: 'Do not meet strangers at hotels.\n\nIf detained, you have the right to a lawyer.' };
const RU = { title: 'Полиция выдаёт себя за клиентов', body: 'Не встречайтесь с незнакомцами в гостиницах.\n\nПри задержании у вас есть право на адвоката.' };

/** axe needs script; the page itself was loaded with it off: check the same HTML in a script-enabled tab. */
async function axeOn(browser: Browser, html: string, url: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(url);
  const found = await axe(page);
  await context.close();
  return found;
}

for (const backend of BACKENDS) {
  describe(`alerts in Chromium on ${backend}`, () => {
    let server: TestServer;
    let browser: Browser;
    let mailbox: Mailbox;
    let hooks: WebhookReceiver;
    let noScript: BrowserContext;
    let reader: Page;
    let secret = '';
    const requested: string[] = [];
    const pageErrors: string[] = [];

    before(async () => {
      [mailbox, hooks] = await Promise.all([startMailbox(), startWebhookReceiver()]);
      server = await startTestServer(backend, { VIGIL_SMTP_URL: mailbox.url, VIGIL_MAIL_FROM: 'notes@example.org', VIGIL_ALERT_RETRY_MS: '300,600', VIGIL_SUBSCRIBE_PER_MINUTE: '0' });
      await setUpOrganization(server);
      const admin = await logIn(server);
      await addMember(server, admin, 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
      const hook = await admin.post('/api/webhooks', { url: `${hooks.url}/bridge` });
      ({ secret } = (await hook.json()) as { secret: string });
      browser = await launchChromium();
      noScript = await browser.newContext({ javaScriptEnabled: false });
      noScript.on('request', (r) => requested.push(r.url()));
      reader = await noScript.newPage();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await Promise.all([mailbox?.close(), hooks?.close()]);
    });

    it('a reader subscribes and confirms with JavaScript off', async () => {
      await reader.goto(`${server.url}/?lang=ru`);
      await reader.getByRole('link', { name: alertsWords.ru.title }).click();
      await reader.getByRole('heading', { level: 1, name: alertsWords.ru.title }).waitFor(STEP);
      assert.deepEqual(await axeOn(browser, await reader.content(), `${server.url}/alerts?lang=ru`), []);
      // A wrong address first: the form comes back with the problem, in Russian.
      await reader.fill('#email', 'not an address@');
      // (The browser's own check would stop it; the server's must hold without it.)
      await reader.locator('form[action="/alerts/subscribe"]').evaluate((f) => f.setAttribute('novalidate', ''));
      await reader.getByRole('button', { name: alertsWords.ru.subscribe }).click();
      await reader.getByRole('alert').waitFor(STEP);
      assert.match((await reader.getByRole('alert').textContent()) ?? '', /адрес/);
      assert.deepEqual(await axeOn(browser, await reader.content(), `${server.url}/alerts/subscribe`), []);
      await reader.fill('#email', READER);
      await reader.getByRole('button', { name: alertsWords.ru.subscribe }).click();
      await reader.getByRole('heading', { name: alertsWords.ru.checkInbox }).waitFor(STEP);
      const mail = await mailbox.waitFor(READER);
      assert.equal(mail.subject, alertMailWords.ru.mailConfirmSubject);
      const confirm = /http\S+\/alerts\/confirm\/\S+/.exec(mail.text)![0];
      await reader.goto(confirm);
      assert.deepEqual(await axeOn(browser, await reader.content(), confirm), []);
      await reader.getByRole('button', { name: alertsWords.ru.confirm }).click();
      await reader.getByRole('heading', { name: alertsWords.ru.confirmedTitle }).waitFor(STEP);
    });

    it('a coordinator composes, previews and publishes in the workspace', async () => {
      const context = await browser.newContext();
      context.on('request', (r) => requested.push(r.url()));
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await logInThroughWorkspace(page, server.url, COORDINATOR.email, COORDINATOR.passphrase);
      await page.getByRole('link', { name: 'Alerts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor(STEP);
      await page.getByText(/Email subscribers: 1 confirmed/).waitFor(STEP);
      await page.getByLabel('Title (English)').fill(EN.title);
      await page.getByLabel('Text (English)').fill(EN.body);
      await page.getByLabel('Title (Russian)').fill(RU.title);
      // A title without its text is caught before anything is sent.
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('alert').filter({ hasText: 'Russian alert needs both' }).waitFor(STEP);
      await page.getByLabel('Text (Russian)').fill(RU.body);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: /Preview/ }).waitFor(STEP);
      assert.equal(await page.locator('article[lang=ru] p').count(), 2, 'two paragraphs');
      assert.deepEqual(await axe(page), []);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByRole('status').filter({ hasText: 'Published. Sending to 1 subscriber and 1 webhook.' }).waitFor(STEP);
      await page.locator('li.card', { hasText: RU.title }).getByRole('button', { name: 'Delivery log' }).click();
      const table = page.locator('li.card', { hasText: RU.title }).locator('table');
      await table.waitFor(STEP);
      await table.getByText('subscriber #1').waitFor(STEP);
      await table.getByText(`${hooks.url}/bridge`).waitFor(STEP);
      for (let i = 0; i < 50 && (await table.getByText('Sent', { exact: true }).count()) < 2; i++) {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(200);
      }
      assert.equal(await table.getByText('Sent', { exact: true }).count(), 2);
      assert.equal(await table.getByText(READER).count(), 0, 'no address until asked');
      await page.getByRole('button', { name: 'Show addresses (opened in this browser)' }).click();
      await table.getByText(`subscriber #1 (${READER})`).waitFor(STEP);
      assert.deepEqual(await axe(page), []);
      await context.close();
    });

    it('the public page (JS off), the feed, the email and the webhook show it', async () => {
      await reader.goto(`${server.url}/alerts?lang=ru`);
      await reader.getByRole('link', { name: RU.title }).click();
      await reader.getByRole('heading', { level: 1, name: RU.title }).waitFor(STEP);
      assert.match(await reader.content(), /<p>Не встречайтесь с незнакомцами в гостиницах\.<\/p><p>При задержании/);
      assert.deepEqual(await axeOn(browser, await reader.content(), reader.url()), []);
      await reader.getByRole('link', { name: 'English' }).first().click();
      await reader.getByRole('heading', { level: 1, name: EN.title }).waitFor(STEP);

      const xml = await (await fetch(`${server.url}/alerts.atom?lang=en`)).text();
      const context = await browser.newContext();
      const tab = await context.newPage();
      const parsed = await tab.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.getElementsByTagName('parsererror').length, titles: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]!.textContent), root: doc.documentElement.namespaceURI };
      }, xml);
      await context.close();
      assert.deepEqual(parsed, { error: 0, titles: [EN.title], root: 'http://www.w3.org/2005/Atom' });

      const mail = await mailbox.waitFor(READER, (m) => m.subject === RU.title);
      assert.match(mail.text, /право на адвоката/);
      const [call] = await hooks.waitFor('/bridge');
      assert.ok(verifySignature(secret, call!));
      assert.deepEqual(JSON.parse(call!.body).languages, { en: EN, ru: RU });
    });

    it('the reader unsubscribes from the email’s link with JavaScript off', async () => {
      const mail = await mailbox.waitFor(READER, (m) => m.subject === RU.title);
      const link = /http\S+\/alerts\/unsubscribe\/\S+/.exec(mail.text)![0];
      await reader.goto(link);
      assert.deepEqual(await axeOn(browser, await reader.content(), link), []);
      await reader.getByRole('button', { name: alertsWords.ru.unsubscribe }).click();
      await reader.getByRole('heading', { name: alertsWords.ru.unsubscribedTitle }).waitFor(STEP);
      assert.deepEqual(await query(server, 'select id from alert_subscribers'), []);
    });

    it('made no third-party request, raised no page error, stored no address', async () => {
      assert.deepEqual(requested.filter((u) => !u.startsWith(server.url)), []);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(await findPlaintext(server, [READER]), []);
    });
  });
}
