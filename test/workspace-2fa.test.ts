// Second factors in Chromium: enrol an authenticator app and a passkey on My account (the
// passkey held by Chromium's virtual authenticator), then log in with each; recovery codes shown
// once; axe on the pages involved. The server runs on "localhost": WebAuthn refuses IP addresses.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Secret, TOTP } from 'otpauth';
import { nextCode } from './support/totp.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn as logInApi, setUpOrganization } from './support/org.ts';

const DOC = { email: 'doc@example.org', passphrase: 'documenter passphrase two' };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('second factors in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let totpSecret = '';

  async function logIn(): Promise<void> {
    await page.goto(`${server.url}/app`);
    await page.fill('#email', ADMIN.email);
    await page.fill('#passphrase', ADMIN.passphrase);
    await page.click('button[type=submit]');
  }

  async function axe(): Promise<string[]> {
    await page.evaluate(AXE);
    return page.evaluate(`axe.run().then((r) => r.violations.map((v) => v.id))`) as Promise<string[]>;
  }

  before(async () => {
    server = await startTestServer('sqlite', { HOST: 'localhost' });
    assert.match(server.url, /^http:\/\/localhost:/);
    await setUpOrganization(server);
    // A documenter made before anyone had a second factor (the API login takes one step then).
    await addMember(server, await logInApi(server), 'documenter', DOC.email, DOC.passphrase);
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('enrols an authenticator app: shows the key, takes a code, shows ten recovery codes once', async () => {
    await logIn();
    await page.getByRole('heading', { name: /Inbox/ }).waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/app#account`);
    await page.getByRole('button', { name: 'Add an authenticator app' }).click();
    const secret = await page.getAttribute('[data-totp-secret]', 'data-totp-secret');
    assert.match(secret ?? '', /^[A-Z2-7]+=*$/);
    totpSecret = secret!;
    await page.fill('#totp-code', new TOTP({ secret: Secret.fromBase32(secret!) }).generate());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.recovery-codes li').nth(9).waitFor();
    assert.equal(await page.locator('.recovery-codes li').count(), 10);
    assert.deepEqual(await axe(), [], 'My account with recovery codes');
  });

  it('enrols a passkey held by the (virtual) authenticator', async () => {
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText(/Passkey \(added/).waitFor({ timeout: 15_000 });
  });

  it('logs in with the passkey as the second step', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await logIn();
    await page.getByRole('heading', { name: 'Second step' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await axe(), [], 'second step');
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await page.getByRole('heading', { name: /Inbox/ }).waitFor({ timeout: 30_000 });
  });

  it('logs in with an authenticator code; a wrong code is refused with a clear message', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await logIn();
    await page.getByRole('heading', { name: 'Second step' }).waitFor({ timeout: 30_000 });
    await page.fill('#code', '000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /not right/);
    // The same step takes the right code.
    await page.fill('#code', nextCode(totpSecret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /Inbox/ }).waitFor({ timeout: 30_000 });
  });

  it('three wrong codes end the second step: back to the passphrase, with a clear message', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await logIn();
    await page.getByRole('heading', { name: 'Second step' }).waitFor({ timeout: 30_000 });
    for (let i = 0; i < 3; i++) {
      await page.fill('#code', '000000');
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/second-factor'));
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal((await answered).status(), 401);
    }
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Too many wrong codes/);
    // Starting again works (with the passkey: the code of this time step was used above).
    await logIn();
    await page.getByRole('heading', { name: 'Second step' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await page.getByRole('heading', { name: /Inbox/ }).waitFor({ timeout: 30_000 });
  });

  it('an administrator requires a second factor for everyone: a member without one reaches only their own account until they add one', async () => {
    await page.goto(`${server.url}/app#members`);
    await page.locator('#require-2fa').check();
    await page.waitForFunction(() => (document.getElementById('require-2fa') as HTMLInputElement | null)?.checked === true);
    const docContext = await browser.newContext();
    const doc = await docContext.newPage();
    try {
      await doc.goto(`${server.url}/app`);
      await doc.fill('#email', DOC.email);
      await doc.fill('#passphrase', DOC.passphrase);
      await doc.click('button[type=submit]');
      await doc.getByRole('heading', { name: 'My account' }).waitFor({ timeout: 30_000 });
      await doc.getByRole('alert').filter({ hasText: 'requires a second factor' }).waitFor();
      const inbox = () => doc.evaluate(() => fetch('/api/inbox', { headers: { 'x-vigil-request': '1' } }).then((r) => r.status));
      assert.equal(await inbox(), 403, 'reports stay closed until a second factor is added');
      await doc.getByRole('button', { name: 'Add an authenticator app' }).click();
      const secret = (await doc.getAttribute('[data-totp-secret]', 'data-totp-secret'))!;
      await doc.fill('#totp-code', new TOTP({ secret: Secret.fromBase32(secret) }).generate());
      await doc.getByRole('button', { name: 'Confirm' }).click();
      await doc.locator('.recovery-codes li').nth(9).waitFor();
      assert.equal(await inbox(), 200, 'with one, the member works again');
    } finally {
      await docContext.close();
    }
  });
});
