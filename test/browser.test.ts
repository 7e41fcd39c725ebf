// The whole core loop in Debian's Chromium: setup in the browser, reports with JavaScript off
// and on in several languages, status checks, login, reading and marking reports in the
// inbox, quick exit, zero third-party requests, and axe-core on the public and login pages.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN } from './support/org.ts';
import { query } from './support/db.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('the core loop in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const requested: string[] = [];
  const codenames: Record<string, string> = {};

  async function context(javaScriptEnabled: boolean, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext({ javaScriptEnabled, ...extra });
    ctx.on('request', (request) => requested.push(request.url()));
    return ctx;
  }

  async function fillReport(page: Page, story: string): Promise<void> {
    await page.check('#what-detained');
    await page.check('#what-entrapment');
    await page.fill('#whenExact', '2026-11-20');
    await page.fill('#city', 'Baku');
    await page.fill('#place', 'Binagadi district police');
    await page.fill('#people', '2');
    await page.check('#stillHeld-yes');
    await page.fill('#story', story);
    await page.check('#consentLegal-yes');
  }

  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run;
      return (await run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    return result;
  }

  before(async () => {
    server = await startTestServer('sqlite');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up the organization in the browser: keys made there, only public parts uploaded', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    let uploaded = '';
    page.on('request', (r) => {
      if (r.url().endsWith('/api/setup')) uploaded = r.postData() ?? '';
    });
    await page.goto(server.setupUrl!);
    await page.fill('#name', 'Baku defenders');
    await page.uncheck('#lang-en');
    await page.fill('#email', ADMIN.email);
    await page.fill('#passphrase', ADMIN.passphrase);
    await page.fill('#confirm', ADMIN.passphrase);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Your organization is ready' }).waitFor({ timeout: 30_000 });
    assert.ok(uploaded.length > 0 && !uploaded.includes(ADMIN.passphrase), 'the passphrase is not uploaded');
    const [org] = await query<{ public_title: string; languages: string }>(server, 'select public_title, languages from organization');
    assert.equal(org!.public_title, 'Community notes');
    assert.deepEqual(JSON.parse(org!.languages), ['az', 'ru']);
    await ctx.close();
  });

  for (const lang of ['az', 'ru'] as const) {
    it(`takes a report with JavaScript off, in ${lang}`, async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${server.url}/?lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await page.getByRole('button', { name: lang === 'az' ? 'Təhlükəsiz göndər' : 'Отправить безопасно' }).waitFor();
      // Nothing said: the server answers with the form and a message in the same language.
      await page.click('button[type=submit]');
      assert.match(await page.textContent('[role=alert]') ?? '', lang === 'az' ? /İşarələnmiş cavabları yoxlayın/ : /Проверьте отмеченные ответы/);
      await fillReport(page, `no-js report in ${lang}`);
      await page.click('button[type=submit]');
      const codename = await page.getAttribute('[data-codename]', 'data-codename');
      assert.match(codename ?? '', /^\d{28}$/);
      codenames[lang] = codename!;
      await ctx.close();
    });
  }

  for (const lang of ['en', 'az'] as const) {
    it(`takes a report with JavaScript on, sealed in the browser, in ${lang}`, async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      const posted: { url: string; body: string }[] = [];
      page.on('request', (r) => r.method() === 'POST' && posted.push({ url: r.url(), body: r.postData() ?? '' }));
      await page.goto(`${server.url}/?lang=${lang}`);
      // Checked in the browser first: nothing is sent while the form is incomplete.
      await page.click('button[type=submit]');
      await page.locator('.js-error').first().waitFor();
      assert.equal(posted.length, 0);
      const story = `sealed-in-browser report in ${lang}`;
      await fillReport(page, story);
      await page.click('button[type=submit]');
      const receipt = page.locator('[data-codename]');
      await receipt.waitFor({ timeout: 20_000 });
      const codename = (await receipt.getAttribute('data-codename'))!;
      assert.match(codename, /^\d{28}$/);
      codenames[`js-${lang}`] = codename;
      assert.deepEqual(posted.map((p) => new URL(p.url).pathname), ['/api/reports']);
      assert.ok(!posted[0]!.body.includes(story) && !posted[0]!.body.includes('Binagadi'), 'only the envelope left the browser');
      assert.ok(!posted[0]!.body.includes(codename), 'not even the codename');
      await ctx.close();
    });
  }

  it('checks status with JavaScript off: received, not read', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/status?lang=az`);
    await page.fill('#codename', codenames.az!.replace(/(\d{4})/g, '$1 '));
    await page.click('button[type=submit]');
    assert.match(await page.textContent('#status-result') ?? '', /Hələ oxunmayıb/);
    await ctx.close();
  });

  it('quick exit leaves for the neutral page and, with JavaScript, out of history', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/?lang=ru`);
    await page.click('#quick-exit');
    // Our own neutral page, in the reader's language.
    await page.waitForURL(`${server.url}/exit?lang=ru`);
    // location.replace(): the back button does not lead to the form again.
    await page.goBack();
    assert.ok(page.url() === 'about:blank' || new URL(page.url()).pathname === '/exit', `back went to ${page.url()}`);
    await ctx.close();
  });

  it('logs in, opens every report in the browser, marks one read; locking forgets the keys', async () => {
    const ctx = await context(true);
    const page = await ctx.newPage();
    await logInThroughWorkspace(page, server.url, ADMIN.email, ADMIN.passphrase);
    const reports = page.locator('article.report');
    await reports.nth(3).waitFor();
    // Rows appear at once; their contents as the decryption workers open them.
    await page.getByText('no-js report in az').first().waitFor();
    await page.getByText('sealed-in-browser report in en').first().waitFor();
    assert.equal(await reports.count(), 4);
    const text = await page.textContent('main');
    for (const story of ['no-js report in az', 'no-js report in ru', 'sealed-in-browser report in en', 'sealed-in-browser report in az']) {
      assert.ok(text!.includes(story), story);
    }
    // Newest first: the last one sent is on top.
    assert.match(await reports.first().textContent() ?? '', /sealed-in-browser report in az/);
    assert.equal(await page.locator('.badge.urgent').count(), 4, 'every report says someone is still held');
    assert.match(text!, /Binagadi district police/);
    assert.match(await page.textContent('h1') ?? '', /4 unread/);

    const azReport = reports.filter({ hasText: 'no-js report in az' });
    await azReport.getByRole('button', { name: 'Mark read' }).click();
    await page.getByText('3 unread').waitFor();

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    assert.equal(await page.locator('article.report').count(), 0);
    await ctx.close();
  });

  it('the reporter now sees "read"', async () => {
    const ctx = await context(false);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/status?lang=ru`);
    await page.fill('#codename', codenames.az!);
    await page.click('button[type=submit]');
    assert.match(await page.textContent('#status-result') ?? '', /Наша команда его прочитала/);
    await ctx.close();
  });

  it('axe-core finds no violations on the intake, receipt, status and login pages', async () => {
    const ctx = await context(true, { bypassCSP: true });
    const page = await ctx.newPage();
    for (const path of ['/?lang=az', '/?lang=ru', '/status?lang=az', '/exit', '/app']) {
      await page.goto(`${server.url}${path}`);
      if (path === '/app') await page.locator('#email').waitFor();
      assert.deepEqual(await axe(page), [], path);
    }
    // The form with errors shown, and a receipt.
    await page.goto(`${server.url}/?lang=ru`);
    await page.click('button[type=submit]');
    await page.locator('.js-error').first().waitFor();
    assert.deepEqual(await axe(page), [], 'form with errors');
    await ctx.close();
  });

  it('made no request to any other host', () => {
    assert.ok(requested.length > 10);
    const foreign = requested.filter((url) => !url.startsWith(server.url));
    assert.deepEqual(foreign, []);
  });
});
