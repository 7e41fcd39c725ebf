// Emergency lockdown in Debian's Chromium: an administrator types the organization's name on the
// Members page and locks it down; the workspace closes, and its login page (after a reload too) says
// plainly that the organization is locked down and what the team does next. Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, setUpOrganization } from './support/org.ts';

const STEP = { timeout: 30_000 };

describe('emergency lockdown in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("locks down once the organization's name is typed exactly, and the login page then says so", async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    const section = page.getByRole('region', { name: 'Emergency lockdown' });
    const name = section.getByLabel(/type the organization's name/);
    await name.fill('test defenders');
    await section.getByRole('button', { name: 'Lock down the organization' }).click();
    await section.getByRole('alert').getByText("This is not the organization's name").waitFor(STEP);

    await name.fill('Test defenders');
    await section.getByRole('button', { name: 'Lock down the organization' }).click();
    const heading = page.getByRole('heading', { name: 'This organization is locked down' });
    await heading.waitFor(STEP);
    assert.equal(await page.getByLabel('Passphrase').count(), 0, 'no login form to type a passphrase into');
    assert.match((await page.locator('main').textContent()) ?? '', /restores the latest backup.*trustees' shares/);
    assert.deepEqual(await axeViolations(page), []);

    await page.reload();
    await heading.waitFor(STEP);
    assert.deepEqual(pageErrors, []);
  });
});
