// Trustee recovery in Chromium: a kit the server fails to store leaves no sheet behind; an
// administrator makes a 3 of 5 kit on the Recovery page (five sheets naming no organization, shown
// one by one, then stored); at /recover a share with a changed word is named as
// wrong, 2 shares open nothing, the 3rd opens the keys and gives the administrator a new
// passphrase, which then opens the reports. One organization, one kit, one page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, logIn, postForm, readStories, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';

const STEP = { timeout: 30_000 };
const NEW_PASSPHRASE = 'passphrase the trustees set';

describe('trustee recovery in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const sheets: string[][] = [];
  const pageErrors: string[] = [];

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    await postForm(server, '/report?lang=en', [['story', 'kept for the trustees']]);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an administrator makes a 3 of 5 kit: five sheets, one at a time, then the kit is stored', async () => {
    await logInThroughWorkspace(page, server.url, ADMIN.email, ADMIN.passphrase);
    await page.getByRole('link', { name: 'Recovery' }).click();
    await page.getByText('No recovery kit yet.').waitFor(STEP);
    // A kit the server does not store leaves no sheet in this browser.
    await page.route('**/api/recovery/kits', (route) => route.fulfill({ status: 503, json: { error: 'unavailable' } }));
    await page.selectOption('#trustees', '2');
    await page.getByRole('button', { name: 'Make the kit' }).click();
    await page.getByRole('button', { name: 'Next: share 2' }).click();
    await page.getByRole('button', { name: 'All shares handed out: store the kit' }).click();
    await page.getByText('No recovery kit yet.').waitFor(STEP);
    assert.equal(await page.locator('.share-sheet').count(), 0);
    await page.unroute('**/api/recovery/kits');
    await page.selectOption('#trustees', '5');
    await page.selectOption('#threshold', '3');
    await page.getByRole('button', { name: 'Make the kit' }).click();
    for (let n = 1; n <= 5; n++) {
      await page.getByRole('heading', { name: `Hand out share ${n} of 5` }).waitFor(STEP);
      if (n === 1) assert.deepEqual(await axe(page), []);
      assert.doesNotMatch(await page.locator('.share-sheet').innerText(), /Test defenders/, 'a sheet names no organization');
      sheets.push(await page.locator('.share-words li').allTextContents());
      await page.getByRole('button', { name: n < 5 ? `Next: share ${n + 1}` : 'All shares handed out: store the kit' }).click();
    }
    await page.getByText('The kit is stored.').waitFor(STEP);
    await page.getByText(/Current kit: any 3 of 5 trustees/).waitFor(STEP);
    assert.equal(new Set(sheets.map((s) => s.join(' '))).size, 5);
    assert.equal((await query(server, 'select id from recovery_kits')).length, 1);
  });

  it('at /recover a wrong share is named as wrong, 2 shares do not recover, 3 do', async () => {
    await page.goto(`${server.url}/recover`);
    await page.getByRole('heading', { name: 'Recovery by trustees' }).waitFor(STEP);
    const changed = [...sheets[0]!];
    changed[9] = wordlist[(wordlist.indexOf(changed[9]!) + 1) % 2048]!;
    await page.fill('#share', changed.join(' '));
    await page.getByText('This share is wrong: a word is mistyped or two are swapped.').waitFor(STEP);
    assert.ok(await page.getByRole('button', { name: 'Add this share' }).isDisabled());
    assert.deepEqual(await axe(page), []);
    for (const sheet of [sheets[0]!, sheets[3]!]) {
      await page.fill('#share', sheet.join('\n'));
      await page.getByRole('button', { name: 'Add this share' }).click();
    }
    await page.getByText('1 more share is needed (any 3 of 5).').waitFor(STEP);
    assert.equal(await page.getByRole('button', { name: 'Give the keys' }).count(), 0);
    await page.fill('#share', sheets[4]!.join(' ').toUpperCase());
    await page.getByRole('button', { name: 'Add this share' }).click();
    await page.getByText(`Give ${ADMIN.email} a new passphrase`).waitFor(STEP);
    assert.deepEqual(await axe(page), []);
    await page.fill('#passphrase', NEW_PASSPHRASE);
    await page.fill('#confirm', NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Give the keys' }).click();
    await page.getByText(`Done: ${ADMIN.email} can now log in`).waitFor(STEP);
    const admin = await logIn(server, ADMIN.email, NEW_PASSPHRASE);
    assert.deepEqual(await readStories(admin), ['kept for the trustees']);
    assert.deepEqual(pageErrors, []);
  });
});
