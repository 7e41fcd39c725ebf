// The workspace in Debian's Chromium: an administrator invites a documenter in the browser, both
// compare the safety code, the admin grants keys; the documenter triages with the keyboard only,
// searches, writes a note and a reply; the reporter (JavaScript off) reads it and answers; an
// administrator removes a member and the intake key rotates, demotes and promotes one (keys move
// with the role) and rotates every key; locking (button, Shift+L, idle) forgets the keys; axe-core
// finds nothing on the new pages. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, acceptInvitation, addMember, codenameIn, invite, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';

const STEP = { timeout: 30_000 };
const DOC = { email: 'doc@example.org', passphrase: 'documenter passphrase one' };
const STORIES = [
  'They took my brother from the Binagadi police station at night.',
  'Apartment raid in Sumqayit: phones and laptops taken.',
  'Threats on a messenger after the march.',
];
const NOTE = 'Lawyer Aliyev informed, visiting tomorrow';
const REPLY = 'We received your report. Is your brother still held?';
const ANSWER = 'Yes, since Tuesday, at the district station.';

describe('the workspace in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let adminApi: LoggedIn;
  let adminPage: Page;
  let docPage: Page;
  const codenames: string[] = [];
  const requested: string[] = [];
  const cspViolations: string[] = [];

  async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext(options);
    ctx.on('request', (r) => requested.push(r.url()));
    ctx.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${m.page()?.url()}: ${m.text()} ${JSON.stringify(m.location())}`);
    });
    return ctx;
  }

  async function logInAt(page: Page, email: string, passphrase: string): Promise<void> {
    await logInThroughWorkspace(page, server.url, email, passphrase);
  }

  const row = (page: Page, story: string) => page.locator('li.row', { hasText: story });
  const status = (page: Page, text: string | RegExp) => page.locator('[role=status]', { hasText: text }).first().waitFor(STEP);
  const currentKeyId = async () => /data-key-id="([^"]+)"/.exec(await (await fetch(`${server.url}/`)).text())![1]!;

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    adminApi = await logIn(server);
    for (const [i, story] of STORIES.entries()) {
      // JavaScript off: the plain form post.
      const response = await postForm(server, '/report?lang=en', [
        ['story', story],
        ['city', i === 0 ? 'Baku' : i === 1 ? 'Sumqayit' : 'Ganja'],
        ['stillHeld', i === 0 ? 'yes' : 'no'],
      ]);
      assert.equal(response.status, 200);
      codenames.push(codenameIn(await response.text()));
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an administrator invites a documenter; the invitee makes keys; both see the same safety code; the admin grants access', async () => {
    adminPage = await (await context()).newPage();
    await logInAt(adminPage, ADMIN.email, ADMIN.passphrase);
    await adminPage.getByRole('link', { name: 'Members' }).click();
    await adminPage.getByRole('heading', { name: 'Members', level: 1 }).waitFor(STEP);
    await adminPage.selectOption('#invite-role', 'documenter');
    await adminPage.getByRole('button', { name: 'Create invitation link' }).click();
    const link = adminPage.locator('#invite-link');
    await link.waitFor(STEP);
    assert.match(await link.inputValue(), /\/invite\/[A-Za-z0-9_-]{16,}$/);
    await adminPage.getByText('expires in 72 hours').waitFor(STEP);
    const token = (await link.inputValue()).split('/invite/')[1]!;

    const invitee = await (await context()).newPage();
    let uploaded = '';
    invitee.on('request', (r) => {
      if (r.url().endsWith('/api/invitations/accept')) uploaded = r.postData() ?? '';
    });
    await invitee.goto(`${server.url}/invite/${token}`);
    await invitee.fill('#email', DOC.email);
    await invitee.fill('#passphrase', DOC.passphrase);
    await invitee.fill('#confirm', 'not the same passphrase');
    await invitee.getByRole('button', { name: 'Make my keys and join' }).click();
    await invitee.getByRole('alert').filter({ hasText: 'not the same' }).waitFor(STEP);
    await invitee.fill('#confirm', DOC.passphrase);
    await invitee.getByRole('button', { name: 'Make my keys and join' }).click();
    await invitee.getByRole('heading', { name: 'Your safety code' }).waitFor(STEP);
    const code = (await invitee.getAttribute('.safety-code', 'data-code'))!;
    assert.match(code, /^(\d{5} ){5}\d{5}$/);
    assert.ok(uploaded && !uploaded.includes(DOC.passphrase), 'the passphrase stays in the browser');
    assert.match((await invitee.textContent('main'))!, /Read this code to the administrator who invited you, in person or by phone/);
    await invitee.getByRole('link', { name: 'Log in to the workspace' }).waitFor();
    await invitee.context().close();

    await adminPage.getByRole('button', { name: 'Refresh the list' }).click();
    const card = adminPage.locator(`li.card[data-member="${DOC.email}"]`);
    await card.locator('.safety-code').waitFor(STEP);
    assert.equal(await card.locator('.safety-code').getAttribute('data-code'), code, 'the administrator sees the same code');
    const grant = card.getByRole('button', { name: 'Codes match — grant access' });
    assert.ok(await grant.isDisabled(), 'not before the comparison is confirmed');
    await card.getByLabel('I compared this code with the person, and it matches').check();
    await grant.click();
    await status(adminPage, `${DOC.email} can now read reports.`);
    const [member] = await query<{ status: string }>(server, `select status from members where email = '${DOC.email}'`);
    assert.equal(member!.status, 'active');
  });

  it('the documenter logs in and sees every report, opened in the browser', async () => {
    docPage = await (await context()).newPage();
    await logInAt(docPage, DOC.email, DOC.passphrase);
    await docPage.locator('article.report').nth(2).waitFor(STEP);
    await docPage.getByText('3 reports opened in this browser.').waitFor(STEP);
    assert.equal(await docPage.locator('article.report').count(), 3);
    const text = (await docPage.textContent('main'))!;
    for (const story of STORIES) assert.ok(text.includes(story), story);
    assert.match((await docPage.textContent('h1'))!, /3 unread/);
    assert.equal(await docPage.locator('.badge.urgent').count(), 1);
    // Newest first; no Members or Audit log for a documenter.
    assert.match((await docPage.locator('article.report').first().textContent())!, /Threats on a messenger/);
    assert.equal(await docPage.getByRole('link', { name: 'Members' }).count(), 0);
  });

  it('triages with the keyboard only: move, select, verify, tag, assign to me, mark read', async () => {
    const page = docPage;
    const raid = row(page, STORIES[1]!);
    await page.keyboard.press('j');
    await page.locator('li.row[aria-current=true]', { hasText: STORIES[1]! }).waitFor(STEP);
    // The focus follows the cursor.
    await page.waitForFunction(() => document.activeElement?.closest('li.row')?.textContent?.includes('Sumqayit'), undefined, STEP);
    await page.keyboard.press('x');
    assert.ok(await raid.locator('input.select').isChecked());
    await page.getByRole('heading', { name: '1 selected' }).waitFor(STEP);
    await page.keyboard.press('3');
    await status(page, /Report #\d+ marked verified\./);
    await raid.locator('.badge', { hasText: 'Verified' }).waitFor(STEP);
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: /Add a tag/ });
    await dialog.waitFor(STEP);
    await page.keyboard.type('binagadi');
    await page.keyboard.press('Enter');
    await status(page, 'Tag binagadi added');
    await raid.locator('.tag', { hasText: 'binagadi' }).waitFor(STEP);
    await page.keyboard.press('a');
    await status(page, 'assigned to you');
    await raid.getByText(`Assigned to ${DOC.email}`).waitFor(STEP);
    await page.keyboard.press('Escape');
    await status(page, 'Selection cleared.');
    assert.equal(await raid.locator('input.select').isChecked(), false);
    await page.keyboard.press('r');
    await status(page, 'Marked read.');
    await page.getByText('2 unread').waitFor(STEP);
    // The server agrees.
    const [stored] = await query<{ state: string; assignee: string | null; read_hour: string | null }>(server, "select state, assignee, read_hour from reports where state = 'verified'");
    assert.ok(stored && stored.assignee && stored.read_hour);
    const tags = await query<{ tag: string }>(server, 'select tag from report_tags');
    assert.deepEqual(tags.map((t) => t.tag), ['binagadi']);
  });

  it('filters by tag, by "still held" and by words in the decrypted reports', async () => {
    const page = docPage;
    await page.selectOption('#filter-tag', 'binagadi');
    await page.getByText('1 of 3 reports match.').waitFor(STEP);
    assert.equal(await page.locator('article.report').count(), 1);
    assert.match((await page.locator('article.report').textContent())!, /Sumqayit/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('3 reports, newest first.').waitFor(STEP);
    await page.check('#filter-urgent');
    await page.getByText('1 of 3 reports match.').waitFor(STEP);
    assert.match((await page.locator('article.report').textContent())!, /Binagadi police station/);
    await page.uncheck('#filter-urgent');
    // "/" focuses the search box; accents and case do not matter.
    await page.locator('li.row').first().locator('.open').focus();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.keyboard.type('SUMQAYİT laptops');
    await page.getByText('1 of 3 reports match.').waitFor(STEP);
    assert.match((await page.locator('article.report').textContent())!, /Apartment raid/);
    // Escape leaves the box, so the keys work again.
    await page.keyboard.press('Escape');
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'search');
    await page.fill('#search', '');
    await page.getByText('3 reports, newest first.').waitFor(STEP);
  });

  it('opens a report, adds a sealed note and writes a reply; search finds the note', async () => {
    const page = docPage;
    await row(page, STORIES[0]!).locator('.open').focus();
    await page.keyboard.press('Enter');
    const pane = page.locator('section.detail');
    await pane.waitFor(STEP);
    // The focus moves into the report.
    await page.waitForFunction(() => document.activeElement?.id === 'detail-title', undefined, STEP);
    await pane.getByText('Baku').first().waitFor();
    await pane.getByLabel('New note').fill(NOTE);
    await pane.getByRole('button', { name: 'Add note' }).click();
    await pane.locator('.notes .text', { hasText: NOTE }).waitFor(STEP);
    await pane.getByLabel('Reply to the reporter').fill(REPLY);
    await pane.getByRole('button', { name: 'Send reply' }).click();
    await pane.locator('.messages .text', { hasText: REPLY }).waitFor(STEP);
    await status(page, 'Reply sent.');
    const rows = await query<{ n: number }>(server, 'select count(*) as n from notes');
    assert.equal(Number(rows[0]!.n), 1);
    // Escape closes the report and returns to the list.
    await page.locator('#detail-title').focus();
    await page.keyboard.press('Escape');
    await pane.waitFor({ state: 'detached', ...STEP });
    await page.fill('#search', 'aliyev');
    await page.getByText('1 of 3 reports match.').waitFor(STEP);
    assert.match((await page.locator('article.report').textContent())!, /Binagadi police station/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('the reporter, with JavaScript off, reads the reply at /status and answers; the documenter sees the answer', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const status = await ctx.newPage();
    await status.goto(`${server.url}/status?lang=en`);
    await status.fill('#codename', codenames[0]!);
    await status.click('button[type=submit]');
    await status.getByText(REPLY).waitFor(STEP);
    await status.fill('#answer', ANSWER);
    await status.click('form[action^="/status/answer"] button[type=submit]');
    await status.getByText(ANSWER).waitFor(STEP);
    await ctx.close();

    const page = docPage;
    await row(page, STORIES[0]!).locator('.open').click();
    const pane = page.locator('section.detail');
    await pane.getByRole('button', { name: 'Check for new messages' }).click();
    await pane.locator('.messages li.reporter .text', { hasText: ANSWER }).waitFor(STEP);
  });

  it('marks a duplicate with "5" and the list of nearby reports', async () => {
    const page = docPage;
    await page.locator('#detail-title').focus();
    await page.keyboard.press('k');
    await page.locator('#detail-title', { hasText: /#\d+/ }).waitFor(STEP);
    await page.locator('section.detail', { hasText: 'Sumqayit' }).waitFor(STEP);
    await page.keyboard.press('5');
    await page.waitForFunction(() => document.activeElement?.id === 'detail-duplicate-of', undefined, STEP);
    const target = await page.locator('#detail-duplicate-of option', { hasText: 'Binagadi' }).getAttribute('value');
    await page.selectOption('#detail-duplicate-of', target!);
    await page.getByRole('button', { name: 'Mark duplicate' }).click();
    await status(page, /marked as a duplicate of #\d+/);
    const [dup] = await query<{ duplicate_of: string }>(server, "select duplicate_of from reports where state = 'duplicate'");
    assert.equal(dup!.duplicate_of, target);
  });

  it('an administrator removes a member in the browser: the intake key rotates', async () => {
    await addMember(server, adminApi, 'viewer', 'third@example.org');
    const before = await currentKeyId();
    await adminPage.getByRole('button', { name: 'Refresh the list' }).click();
    await adminPage.locator('tr[data-member="third@example.org"]').waitFor(STEP);
    await adminPage.locator('tr[data-member="third@example.org"]').getByRole('button', { name: /^Remove/ }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Remove third@example.org?' });
    await dialog.waitFor(STEP);
    await dialog.getByRole('button', { name: 'Remove third@example.org' }).click();
    await status(adminPage, 'third@example.org was removed');
    const after = await currentKeyId();
    assert.notEqual(after, before, 'the form carries a new intake key');
    const holders = await query<{ email: string }>(server, `select m.email from key_grants g join members m on m.id = g.member_id where g.key_id = '${after}' order by m.email`);
    assert.deepEqual(holders.map((h) => h.email), [ADMIN.email, DOC.email]);
    assert.equal(await adminPage.locator('tr[data-member="third@example.org"]').count(), 0);
    // A report sealed to the new key opens in the administrator's browser without logging in again.
    await postForm(server, '/report?lang=en', [['story', 'After the rotation'], ['stillHeld', 'no']]);
    await adminPage.getByRole('link', { name: 'Inbox' }).click();
    await adminPage.getByRole('button', { name: 'Check for new reports' }).click();
    await row(adminPage, 'After the rotation').waitFor(STEP);
    // The documenter was logged in during the rotation: checking for new reports fetches the
    // new grant and opens the report without logging in again.
    await docPage.getByRole('link', { name: 'Inbox' }).click();
    await docPage.getByRole('button', { name: 'Check for new reports' }).click();
    await row(docPage, 'After the rotation').waitFor(STEP);
  });

  it('an administrator demotes a member in the browser (the records key leaves with the role), promotes them back, and rotates every key', async () => {
    const docRow = adminPage.locator(`tr[data-member="${DOC.email}"]`);
    const recordsGrants = async () =>
      Number((await query<{ n: number }>(server, `select count(*) as n from key_grants g join intake_keys k on k.id = g.key_id join members m on m.id = g.member_id where m.email = '${DOC.email}' and k.purpose = 'records'`))[0]!.n);
    await adminPage.getByRole('link', { name: 'Members' }).click();
    await docRow.getByLabel(`Role of ${DOC.email}`).selectOption('viewer');
    await docRow.getByRole('button', { name: `Save role of ${DOC.email}` }).click();
    await status(adminPage, `${DOC.email} is now a viewer. Their grants of the records key were deleted`);
    assert.equal(await recordsGrants(), 0);
    await docRow.getByLabel(`Role of ${DOC.email}`).selectOption('documenter');
    await docRow.getByRole('button', { name: `Save role of ${DOC.email}` }).click();
    await status(adminPage, `${DOC.email} is now a documenter.`);
    assert.equal(await recordsGrants(), 2, 'the old records key and the one made at the demotion');
    const before = await currentKeyId();
    await adminPage.getByRole('button', { name: 'Rotate now' }).click();
    await status(adminPage, 'New keys were made: the intake, records, and backup keys.');
    assert.notEqual(await currentKeyId(), before, 'reporters seal to the new intake key');
    assert.equal(await recordsGrants(), 3);
  });

  it('My account: sessions, and a new passphrase that re-wraps the key', async () => {
    const page = docPage;
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor(STEP);
    await page.getByText('This session').waitFor(STEP);
    await page.getByText('nobody can recover it').waitFor();
    await page.fill('#current-passphrase', DOC.passphrase);
    await page.fill('#new-passphrase', 'a completely new passphrase');
    await page.fill('#new-passphrase-again', 'a completely new passphrase');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await status(page, 'Your passphrase was changed.');
    // Shift+L locks: the keys are forgotten and the login form is back.
    await page.locator('h1').click();
    await page.keyboard.press('Shift+L');
    await page.getByRole('heading', { name: 'Log in' }).waitFor(STEP);
    assert.equal(await page.locator('article.report').count(), 0);
    await logInAt(page, DOC.email, 'a completely new passphrase');
    await page.locator('article.report').nth(3).waitFor(STEP);
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor(STEP);
  });

  it('locks itself after the idle time without activity', async () => {
    const page = await (await context()).newPage();
    await page.clock.install();
    await logInAt(page, DOC.email, 'a completely new passphrase');
    await page.locator('article.report').first().waitFor(STEP);
    await page.clock.fastForward('16:00');
    await page.getByRole('heading', { name: 'Log in' }).waitFor(STEP);
    await page.getByText('locked itself after 15 minutes').waitFor(STEP);
    assert.equal(await page.locator('article.report').count(), 0);
    // The server session ended too.
    let me = 200;
    for (let i = 0; i < 50 && me !== 401; i++) me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401);
    await page.context().close();
  });

  it('axe-core finds no violations on Members, the inbox with a report open, My account and the invitation page', async () => {
    const ctx = await context({ bypassCSP: true });
    const page = await ctx.newPage();
    await logInAt(page, ADMIN.email, ADMIN.passphrase);
    await page.getByText('reports opened in this browser').waitFor(STEP);
    await row(page, STORIES[0]!).locator('.open').click();
    await page.locator('section.detail .messages .text', { hasText: ANSWER }).waitFor(STEP);
    assert.deepEqual(await axe(page), [], 'inbox with a report open');
    await page.keyboard.press('Escape');
    await page.locator('.open').first().focus();
    await page.keyboard.press('x');
    await page.getByRole('heading', { name: '1 selected' }).waitFor(STEP);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor(STEP);
    assert.deepEqual(await axe(page), [], 'inbox with the bulk bar and the shortcut help');
    await page.keyboard.press('Escape');

    const { token } = await invite(adminApi, 'documenter');
    await acceptInvitation(server, token, 'waiting@example.org', 'waiting passphrase xx');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.locator('li.card[data-member="waiting@example.org"] .safety-code').waitFor(STEP);
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page.locator('#invite-link').waitFor(STEP);
    assert.deepEqual(await axe(page), [], 'members');

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByText('This session').waitFor(STEP);
    assert.deepEqual(await axe(page), [], 'my account');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Member removed').first().waitFor(STEP);
    assert.deepEqual(await axe(page), [], 'audit log');

    const invitation = await ctx.newPage();
    await invitation.goto(`${server.url}/invite/${(await invite(adminApi, 'viewer')).token}`);
    await invitation.locator('#email').waitFor(STEP);
    assert.deepEqual(await axe(invitation), [], 'invitation page');
    await ctx.close();
  });

  it('"End every session now" logs everyone out, the administrator too', async () => {
    await adminPage.getByRole('link', { name: 'Members' }).click();
    await adminPage.getByRole('button', { name: 'End every session now' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'End every session?' });
    await dialog.getByRole('button', { name: 'End every session' }).click();
    await adminPage.getByRole('heading', { name: 'Log in' }).waitFor(STEP);
    await adminPage.getByText('Every session was ended').waitFor(STEP);
    const [row] = await query<{ n: number }>(server, 'select count(*) as n from sessions');
    assert.equal(Number(row!.n), 0);
  });

  it('broke no Content Security Policy rule and asked no other host for anything', () => {
    assert.deepEqual(cspViolations, []);
    assert.ok(requested.length > 10);
    assert.deepEqual(requested.filter((url) => !url.startsWith(server.url)), []);
  });
});
