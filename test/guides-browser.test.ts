// A coordinator writes the rights page in the workspace; a reader with JavaScript off reads it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization } from './support/org.ts';

const STEP = { timeout: 30_000 };
const COORD = { email: 'coord@example.org', passphrase: 'member passphrase long' };

for (const backend of BACKENDS) describe(`rights and safety pages in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    await addMember(server, await logIn(server), 'coordinator', COORD.email, COORD.passphrase);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('are written in the workspace and read with JavaScript off', async () => {
    const page = await browser.newPage();
    await logInThroughWorkspace(page, server.url, COORD.email, COORD.passphrase);
    await page.getByRole('link', { name: 'Rights & safety pages' }).click();
    await page.getByRole('heading', { name: 'Rights and safety pages' }).waitFor(STEP);
    assert.equal(await page.inputValue('#heading-detained'), 'Sizi tutsalar', 'the shipped heading, in the organization’s first language');
    await page.selectOption('#guide-lang', 'en');
    assert.equal(await page.inputValue('#heading-detained'), 'If you are detained');
    await page.fill('#body-detained', 'You may stay silent.\n\n- Ask for a lawyer.\n- Ask to call your family.');
    await page.locator('fieldset', { has: page.locator('#body-detained') }).getByText('Preview').click();
    await page.locator('.preview li', { hasText: 'Ask for a lawyer.' }).waitFor(STEP);
    await page.selectOption('#guide-lang', 'az');
    await page.fill('#body-detained', 'Susmaq hüququnuz var.');
    await page.getByRole('button', { name: 'Save know your rights' }).click();
    await page.getByText('Saved.').waitFor(STEP);
    assert.deepEqual(await axe(page), []);
    await page.close();

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const form = await reader.newPage();
    await form.goto(`${server.url}/?lang=en`);
    await form.getByRole('link', { name: 'Know your rights' }).click();
    await form.getByRole('heading', { name: 'If you are detained' }).waitFor(STEP);
    assert.deepEqual(await form.locator('main li').allTextContents(), ['Ask for a lawyer.', 'Ask to call your family.']);
    await form.getByRole('link', { name: 'Azərbaycanca' }).click();
    await form.getByRole('heading', { name: 'Sizi tutsalar' }).waitFor(STEP);
    await reader.close();
    // The page has no script of its own; axe needs one, so it is checked in an ordinary context.
    const checked = await browser.newPage();
    await checked.goto(`${server.url}/rights?lang=en`);
    assert.deepEqual(await axe(checked), []);
    await checked.close();
  });
});
