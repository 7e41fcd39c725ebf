// Records in Debian's Chromium: a documenter turns a report into an incident with two people,
// records a detention with a 30-day sentence (the expected release is right), changes a status,
// and the currently-held board follows; the names never reach the server readable; a viewer sees
// the board but not the names; axe-core finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import sharp from 'sharp';
import { fromBase64Url } from '../src/core/crypto/bytes.ts';
import { openAttachmentKey, openAttachmentMeta, openAttachmentPart, openVerifiedOriginal } from '../src/core/evidence/attachment.ts';

const STEP = { timeout: 30_000 };
const DOC = { email: 'doc@example.org', passphrase: 'member passphrase long' };
const STORY = 'Two friends were arrested at a hotel in Binagadi after chatting on a dating app.';

describe('records in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: LoggedIn;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  async function logInAt(target: Page, email: string, passphrase: string): Promise<void> {
    await logInThroughWorkspace(target, server.url, email, passphrase);
  }

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'documenter', DOC.email, DOC.passphrase);
    await addMember(server, admin, 'viewer', 'viewer@example.org');
    const add = async (entry: Record<string, unknown>) => assert.equal((await admin.post('/api/registry', { placeKind: null, appealDays: null, ...entry })).status, 201);
    await add({ kind: 'place', code: 'binagadi-police', labels: { en: 'Binagadi district police department', az: 'Binəqədi rayon polis idarəsi', ru: 'Бинагадинское РУП' }, placeKind: 'police' });
    await add({ kind: 'place', code: 'detention-centre', labels: { en: 'Baku detention centre', az: 'Bakı saxlama yeri', ru: 'Бакинский изолятор' }, placeKind: 'detention-centre' });
    await add({ kind: 'unit', code: 'binagadi-police-unit', labels: { en: 'Binagadi district police', az: 'Binəqədi rayon polisi', ru: 'Полиция Бинагадинского района' } });
    await add({ kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510, Code of Administrative Offences', az: 'İXM 510', ru: 'КоАП 510' }, appealDays: 10 });
    const response = await postForm(server, '/report?lang=en', [
      ['story', STORY],
      ['city', 'Baku'],
      ['whenExact', '2026-11-01'],
      ['stillHeld', 'yes'],
    ]);
    assert.equal(response.status, 200);
    const second = await postForm(server, '/report?lang=en', [['story', 'My cousin saw the police take two men from the hotel lobby.'], ['stillHeld', 'unknown']]);
    assert.equal(second.status, 200);
    browser = await launchChromium();
    const context = await browser.newContext();
    context.on('request', (r) => requested.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns a report into an incident with two detained people', async () => {
    await logInAt(page, DOC.email, DOC.passphrase);
    await page.locator('li.row', { hasText: 'Two friends' }).locator('button.open').click();
    await page.getByRole('button', { name: 'Make a record from this report' }).click();
    await page.getByRole('heading', { name: /New incident from report #1/ }).waitFor(STEP);
    assert.equal(await page.inputValue('#incident-date'), '2026-11-01', 'the report’s date is filled in');
    assert.ok((await page.inputValue('#incident-description')).includes('dating app'), 'and its story');
    await page.fill('#incident-title', 'Hotel arrests, Binagadi');
    await page.selectOption('#incident-place', { label: 'Binagadi district police department' });
    await page.getByRole('button', { name: 'Save the incident' }).click();
    await page.getByRole('heading', { name: /I-0001 Hotel arrests, Binagadi/ }).waitFor(STEP);
    await page.locator('[data-corroboration="1"]').waitFor(STEP);
    // More is learnt: the incident changes, and its history says what changed.
    await page.getByText('Change the incident').click();
    await page.selectOption('#edit-incident-status', 'verifying');
    await page.fill('#edit-incident-title', 'Hotel arrests, Binagadi (two men)');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { name: /I-0001 Hotel arrests, Binagadi \(two men\)/ }).waitFor(STEP);
    await page.locator('[data-history] li[data-version="2"]', { hasText: 'monitoring status, title' }).waitFor(STEP);

    for (const name of ['Kamran Həsənov', 'Тимур Исмайлов']) {
      await page.getByText('Add a person and what happened to them').click();
      await page.fill('#person-name', name);
      await page.selectOption('#person-consent', 'un');
      await page.selectOption('#act-type', { label: 'Detention' });
      await page.fill('#act-date', '2026-11-01');
      await page.selectOption('#act-place', { label: 'Binagadi district police department' });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('[data-act]', { hasText: name }).waitFor(STEP);
      assert.equal(await page.locator('[data-add-person]').getAttribute('open'), null, 'the form closes once saved');
    }
    assert.equal(await page.locator('[data-act]').count(), 2);

    // A correction: the second man was taken a day later. A new version; the board will count from it.
    const later = page.locator('[data-act]', { hasText: 'Тимур' });
    await later.getByText('Correct this act').click();
    await later.getByLabel('Stated reason').fill('minor hooliganism (Article 510)');
    await later.getByLabel('When').fill('2026-11-02');
    await later.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('[data-act]', { hasText: 'Тимур' }).locator('.facts', { hasText: 'Nov 2, 2026' }).waitFor(STEP);

    // Who did it: the unit from the registry.
    const act = page.locator('[data-act]', { hasText: 'Kamran' });
    await act.getByRole('button', { name: 'Add who did it' }).click();
    await act.getByLabel('Unit').selectOption({ label: 'Binagadi district police' });
    await act.getByLabel("Officers' names, if known (encrypted)").fill('Lieutenant Qasımov');
    await act.getByRole('button', { name: 'Save', exact: true }).click();
    await act.locator('[data-involvements]', { hasText: 'Binagadi district police (direct perpetrator)' }).waitFor(STEP);
  });

  it('records a 30-day sentence: the expected release is 1 December; the board follows status changes', async () => {
    const first = page.locator('[data-act]', { hasText: 'Kamran' });
    await first.getByRole('button', { name: 'Record the detention' }).click();
    const form = first.locator('form');
    await form.getByLabel('Held at').selectOption({ label: 'Baku detention centre' });
    await form.getByLabel('Lawyer').selectOption('ngo');
    await form.getByLabel('Legal basis').selectOption({ label: 'Article 510, Code of Administrative Offences' });
    await form.getByLabel('Article charged under').fill('510');
    await form.getByLabel('Decision', { exact: true }).selectOption('detention');
    await form.getByLabel('Days of detention').fill('30');
    await form.getByLabel('Decision date').fill('2026-11-02');
    await form.getByRole('button', { name: 'Save the detention' }).click();
    await first.locator('[data-expected-release]', { hasText: 'Dec 1, 2026' }).waitFor(STEP);
    assert.equal(await first.locator('[data-decision]').textContent(), 'Detention of 30 days (Article 510, Code of Administrative Offences)', 'the days filled in, not "Detention of N days: 30 days"');
    await first.getByRole('button', { name: 'Update the detention' }).click();
    assert.equal(await first.locator('form').getByLabel('Article charged under').inputValue(), '510', 'the article charged under, saved and read again');
    await first.locator('form').getByRole('button', { name: 'Cancel' }).click();

    const second = page.locator('[data-act]', { hasText: 'Тимур' });
    await second.getByRole('button', { name: 'Record the detention' }).click();
    await second.locator('form').getByLabel('Lawyer').selectOption('none');
    await second.locator('form').getByRole('button', { name: 'Save the detention' }).click();
    await second.locator('[data-detention-status]', { hasText: 'Held' }).waitFor(STEP);
    // Moved to the detention centre: the transfer is logged and the board follows.
    await second.getByRole('button', { name: 'Record a transfer' }).click();
    await second.getByLabel('Moved to').selectOption({ label: 'Baku detention centre' });
    await second.getByLabel('On', { exact: true }).fill('2026-11-03');
    await second.getByLabel('At (time, if known)').fill('18:30');
    await second.getByRole('button', { name: 'Save the transfer' }).click();
    await second.locator('dd', { hasText: 'Nov 3, 2026, 18:30: to Baku detention centre' }).waitFor(STEP);

    await page.goto(`${server.url}/app#held`);
    await page.getByRole('heading', { name: 'Currently held' }).waitFor(STEP);
    await page.locator('[data-board=held] tbody tr').nth(1).waitFor(STEP);
    const rows = async () => page.locator('[data-board=held] tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-person'), tr.querySelector('[data-expected-release]')?.getAttribute('data-expected-release')]));
    assert.deepEqual(await rows(), [['P-0002', ''], ['P-0001', '2026-12-01']], 'no lawyer first; the sentenced one with the right release day');
    assert.deepEqual(await axe(page), []);
    // The place where P-0001 is held: its page lists them.
    await page.locator('[data-board=held] tbody tr[data-person=P-0001] a', { hasText: 'Baku detention centre' }).click();
    await page.locator('[data-place-page=detention-centre] [data-board=held] tr[data-person=P-0001]').waitFor(STEP);
    assert.deepEqual(await axe(page), []);

    // Whereabouts become unknown, then the person is released: the board follows.
    await page.goto(`${server.url}/app#records`);
    await page.locator('[data-incident] a').first().click();
    const again = page.locator('[data-act]', { hasText: 'Тимур' });
    await again.getByRole('button', { name: 'Update the detention' }).click();
    await again.locator('form').getByLabel('Status').selectOption('released');
    await again.locator('form').getByLabel('Released on').fill('2026-11-04');
    await again.locator('form').getByRole('button', { name: 'Save the detention' }).click();
    await again.locator('[data-detention-status]', { hasText: 'Released' }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);
    await page.goto(`${server.url}/app#held`);
    await page.locator('[data-board=held] tbody tr').first().waitFor(STEP);
    assert.deepEqual(await rows(), [['P-0001', '2026-12-01']]);
    await page.goto(`${server.url}/app#due`);
    await page.locator('[data-due=appeal][data-due-day="2026-11-12"]').waitFor(STEP);

    // Each person's timeline: detained → sentenced → expected release; detained → transferred → released.
    await page.goto(`${server.url}/app#held`);
    await page.locator('[data-board=held] tbody tr a').first().click();
    await page.locator('[data-person-page=P-0001]').waitFor(STEP);
    const steps = async () => page.locator('[data-timeline] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')));
    assert.deepEqual(await steps(), ['custody', 'decision', 'expected-release']);
    await page.getByRole('heading', { name: /P-0001 — Kamran Həsənov/ }).waitFor(STEP);
    // Consent stored as given; withdrawn later; both versions kept, the change named.
    await page.getByText('May be shared with UN bodies;').waitFor(STEP);
    await page.getByText('Change consent or identity').click();
    await page.selectOption('#edit-consent', 'none');
    await page.fill('#edit-contacts', '+994 55 111 22 33');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.locator('[data-history] li[data-version="2"]', { hasText: 'changed: consent sharing, contacts' }).waitFor(STEP);
    await page.getByText('Not to be shared;').waitFor(STEP);
    assert.equal(await page.locator('[data-history] li').count(), 2);
    await page.goto(`${server.url}/app#records`);
    await page.locator('[data-incident] a').first().click();
    await page.getByRole('link', { name: /Тимур/ }).click();
    await page.locator('[data-person-page=P-0002]').waitFor(STEP);
    assert.deepEqual(await steps(), ['custody', 'transfer', 'released']);
    assert.deepEqual(await axe(page), []);
  });

  it('links a second report to the incident, grades its sources and plans follow-up', async () => {
    await page.goto(`${server.url}/app#inbox`);
    await page.locator('li.row', { hasText: 'My cousin saw' }).locator('button.open').click();
    await page.getByRole('button', { name: 'Link to an incident or person already recorded…' }).click();
    const find = page.getByLabel('Or link this report to an incident or a person already recorded');
    await find.fill('hotel');
    await page.getByRole('radio', { name: /I-0001 Hotel arrests/ }).check();
    await page.getByRole('button', { name: 'Link as a source', exact: true }).click();
    await page.locator('[role=status]', { hasText: 'is now a source of I-0001' }).waitFor(STEP);
    // The same report also speaks of a person already recorded: linked to them, no new person.
    await find.fill('kamran');
    await page.getByRole('radio', { name: /P-0001 Kamran/ }).check();
    await page.getByRole('button', { name: 'Link as a source', exact: true }).click();
    await page.locator('[role=status]', { hasText: 'is now a source of P-0001' }).waitFor(STEP);
    await page.goto(`${server.url}/app#records`);
    await page.locator('[data-incident] a').first().click();
    await page.locator('[data-corroboration="2"]').waitFor(STEP);
    const source = page.locator('[data-source]').first();
    await source.getByText('Change the grade').click();
    await source.getByLabel('Connection').selectOption('witness');
    await source.getByLabel('Source reliability').selectOption('B');
    await source.getByLabel('Information credibility').selectOption('2');
    await source.getByRole('button', { name: 'Save the grade' }).click();
    await page.locator('[data-source]', { hasText: 'graded B2' }).waitFor(STEP);
    await page.getByText('Add a follow-up').click();
    await page.selectOption('#intervention-type', 'un-appeal');
    await page.selectOption('#intervention-priority', 'urgent');
    await page.fill('#intervention-due', '2026-11-05');
    await page.fill('#intervention-notes', 'Draft for the Working Group on Arbitrary Detention');
    await page.getByRole('button', { name: 'Add the follow-up' }).click();
    await page.locator('[data-intervention]', { hasText: 'due Nov 5, 2026' }).waitFor(STEP);
    await page.goto(`${server.url}/app#due`);
    await page.locator('[data-due=intervention]', { hasText: 'Urgent appeal to a UN mandate' }).waitFor(STEP);

    await page.goto(`${server.url}/app#held`);
    await page.locator('[data-board=held] tbody tr[data-person=P-0001] th a').click();
    await page.locator('[data-person-sources="1"]').waitFor(STEP);

    // Quick filters: incidents by monitoring status; acts of one type across incidents.
    await page.goto(`${server.url}/app#records`);
    await page.selectOption('#incident-filter', 'closed');
    await page.getByText('No incidents with this status.').waitFor(STEP);
    await page.selectOption('#incident-filter', 'verifying');
    await page.locator('[data-incident=I-0001]').waitFor(STEP);
    await page.selectOption('#act-type-filter', '030102000000');
    await page.locator('[data-acts-of-type="030102000000"] li').nth(1).waitFor(STEP);
    assert.equal(await page.locator('[data-acts-of-type="030102000000"] li').count(), 2);
    assert.deepEqual(await axe(page), []);
  });

  it('attaches a photo with GPS in the browser: stripped working copy, hash-verified original', async () => {
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: 'blue' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 23/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 0/1' } })
      .toBuffer();
    await page.goto(`${server.url}/app#records`);
    await page.locator('[data-incident] a').first().click();
    await page.setInputFiles('.attachments input[type=file]', { name: 'hotel.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.locator('[data-stripped=image-reencoded]').waitFor(STEP);
    await page.getByRole('button', { name: 'View the working copy' }).click();
    await page.locator('img.evidence-preview').waitFor(STEP);
    await page.getByRole('button', { name: 'Check and download the original' }).click();
    await page.locator('[data-verified=true]').waitFor(STEP);
    await page.getByRole('button', { name: 'Custody log' }).click();
    await page.locator('ol.custody li', { hasText: 'verified' }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);

    // What the server holds, opened with the documenter's keys outside the browser: the working
    // copy has no EXIF at all; the original is the photo byte for byte.
    const documenter = await logIn(server, DOC.email, DOC.passphrase);
    const incidentId = (await query<{ id: string }>(server, 'select id from incidents'))[0]!.id;
    const { attachments } = (await (await documenter.get(`/api/attachments?ownerId=${incidentId}`)).json()) as { attachments: { id: string; keyId: string; keyEnvelope: string; meta: string }[] };
    const a = attachments[0]!;
    const key = await openAttachmentKey(fromBase64Url(a.keyEnvelope)!, { privateKey: documenter.keyring.get(a.keyId)!, keyId: a.keyId });
    const meta = await openAttachmentMeta(key, a.id, fromBase64Url(a.meta)!);
    const working = await openAttachmentPart(key, a.id, 'working', new Uint8Array(await (await documenter.get(`/api/attachments/${a.id}/working`)).arrayBuffer()));
    assert.equal((await sharp(working).metadata()).exif, undefined);
    assert.ok(!Buffer.from(working).includes('SecretPhone'));
    const original = await openVerifiedOriginal(key, a.id, meta, new Uint8Array(await (await documenter.get(`/api/attachments/${a.id}/original`)).arrayBuffer()));
    assert.ok(original.verified);
    assert.deepEqual(Buffer.from(original.bytes), photo);
  });

  it('a reporter with JavaScript on attaches a photo: stripped and sealed in the browser, only sealed bytes sent', async () => {
    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: 'green' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'ReporterPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 23/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 52/1 0/1' } })
      .toBuffer();
    const reporter = await browser.newPage();
    const sent: Buffer[] = [];
    reporter.on('request', (r) => {
      if (r.url().endsWith('/api/evidence')) sent.push(r.postDataBuffer() ?? Buffer.alloc(0));
    });
    await reporter.goto(`${server.url}/?lang=en`);
    await reporter.fill('#story', 'They took my phone and looked at my photos.');
    await reporter.click('#report button[type=submit]');
    const codename = await reporter.locator('[data-codename]').first().getAttribute('data-codename');
    assert.match(codename ?? '', /^\d{28}$/);
    await reporter.setInputFiles('form.evidence input[type=file]', { name: 'phone.jpg', mimeType: 'image/jpeg', buffer: photo });
    await reporter.click('form.evidence button[type=submit]');
    await reporter.locator('form.evidence [role=status]', { hasText: 'Received 1 file' }).waitFor(STEP);
    assert.equal(sent.length, 1, 'sent by the script, not as a plain form');
    assert.ok(!sent[0]!.includes('ReporterPhone') && !sent[0]!.includes('phone.jpg'), 'only sealed bytes left the browser');
    await reporter.close();

    const documenter = await logIn(server, DOC.email, DOC.passphrase);
    const reportId = (await query<{ id: string }>(server, "select id from reports order by seq desc"))[0]!.id;
    const { attachments } = (await (await documenter.get(`/api/attachments?ownerId=${reportId}`)).json()) as { attachments: { id: string; keyId: string; keyEnvelope: string; meta: string }[] };
    const a = attachments[0]!;
    const key = await openAttachmentKey(fromBase64Url(a.keyEnvelope)!, { privateKey: documenter.keyring.get(a.keyId)!, keyId: a.keyId });
    const meta = await openAttachmentMeta(key, a.id, fromBase64Url(a.meta)!);
    assert.equal(meta.name, 'phone.jpg');
    const working = await openAttachmentPart(key, a.id, 'working', new Uint8Array(await (await documenter.get(`/api/attachments/${a.id}/working`)).arrayBuffer()));
    assert.equal((await sharp(working).metadata()).exif, undefined, 'stripped in the browser');
    const original = await openVerifiedOriginal(key, a.id, meta, new Uint8Array(await (await documenter.get(`/api/attachments/${a.id}/original`)).arrayBuffer()));
    assert.ok(original.verified);
    const [row] = await query<{ created_at: string }>(server, `select created_at from attachments where id = '${a.id}'`);
    assert.match(row!.created_at, /T\d{2}:00Z$/, 'timed to the hour');
  });

  it('a viewer sees the board and the incident, but not the names', async () => {
    const viewer = await browser.newPage();
    await logInAt(viewer, 'viewer@example.org', 'member passphrase long');
    await viewer.goto(`${server.url}/app#records`);
    await viewer.locator('[data-incident] a').first().click();
    await viewer.getByText('Your role does not hold the records key').waitFor(STEP);
    assert.equal(await viewer.getByText('Kamran').count(), 0);
    assert.equal(await viewer.getByRole('button', { name: 'Record the detention' }).count(), 0);
    await viewer.close();
  });

  it('left nothing readable on the server and asked no other host for anything', async () => {
    assert.deepEqual(await findPlaintext(server, ['Kamran', 'Həsənov', 'Тимур', 'Hotel arrests', 'SecretPhone', 'hotel.jpg', 'ReporterPhone', 'phone.jpg', 'looked at my photos', 'Working Group on Arbitrary', '111 22 33', 'Qasımov']), []);
    // blob: URLs of our own origin are the decrypted working copy shown in the page, not a request out.
    const foreign = requested.filter((url) => !url.startsWith(server.url) && !url.startsWith(`blob:${server.url}/`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, [], 'no script error in the workspace');
  });
});
