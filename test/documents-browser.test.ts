// Documents in Debian's Chromium: a coordinator makes a situation report whose numbers match the
// records (and a PDF whose drawn text says so, in Azerbaijani too), and a UN communication where a
// person without consent never appears by name (HTML, JSON, PDF) while a consenting person appears
// as their name preference says; "Mark as sent" records the follow-up that Due soon lists, once. axe-core
// finds nothing; no request leaves the origin. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, type Made } from './support/records.ts';
import { pdfText } from './support/pdf-text.ts';
import { unCommunication } from '../src/core/documents/un-communication.ts';
import { addDays, today } from '../src/core/records/custody.ts';
import { formatsFor } from '../src/core/i18n/format.ts';
import type { SituationNumbers } from '../src/core/documents/situation-numbers.ts';

const STEP = { timeout: 30_000 };
const COORDINATOR = { email: 'coord@example.org', passphrase: 'member passphrase long' };
const NAMED = 'Orxan Məmmədov'; // consent: UN and public; named in full
const INITIALS = 'Руслан Алиев'; // consent: UN; initials only
const SECRET = 'Leyla Hüseynova'; // no consent: never named
const day = (date: string) => ({ date, precision: 'day' });
const unknown = { date: null, precision: 'unknown' };

for (const backend of BACKENDS) describe(`documents in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: LoggedIn;
  let coordinator: LoggedIn;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];
  const people: Record<string, Made> = {};

  async function downloaded(click: () => Promise<void>): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download', STEP), click()]);
    return readFileSync((await file.path())!);
  }

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    admin = await logIn(server);
    coordinator = await addMember(server, admin, 'coordinator', COORDINATOR.email, COORDINATOR.passphrase);
    const add = async (entry: Record<string, unknown>) => {
      const response = await admin.post('/api/registry', { placeKind: null, appealDays: null, ...entry });
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    };
    const binagadi = await add({ kind: 'place', code: 'binagadi-police', labels: { en: 'Binagadi district police department', az: 'Binəqədi rayon polis idarəsi', ru: 'Бинагадинское РУП' }, placeKind: 'police' });
    const unit = await add({ kind: 'unit', code: 'binagadi-unit', labels: { en: 'Binagadi district police', az: 'Binəqədi rayon polisi', ru: 'Полиция Бинагадинского района' } });
    const incident = await createRecord(coordinator, 'incident', { start: day('2026-11-01'), end: unknown, placeIds: [binagadi], monitoringStatus: 'open' }, {
      title: 'Hotel arrests',
      description: `Police posing as clients lured ${NAMED}, ${INITIALS} and ${SECRET} to a hotel in Binagadi. Руслана Алиева was beaten; Leyla's phone was searched.`,
    });
    const person = (name: string, consentSharing: string, namePreference: string) =>
      createRecord(coordinator, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '18-25', consentSharing, namePreference, reprisalRisk: 'high' }, { name });
    people.named = await person(NAMED, 'public', 'name');
    people.initials = await person(INITIALS, 'un', 'initials');
    people.secret = await person(SECRET, 'none', 'name');
    const held = { status: 'held', heldAt: binagadi, custodyStart: null, lawyerAccess: 'none', familyAccess: 'unknown', legalProvisionId: null, courtId: null, hearingDate: null, decision: 'pending', decisionDate: null, fineAmount: null, detentionDays: null, sentenceStart: null, releasedOn: null };
    const detain = async (who: Made, detention: Record<string, unknown>, reason: string) => {
      const act = await createRecord(coordinator, 'act', { incidentId: incident.id, personId: who.id, typeCode: '030102000000', start: day('2026-11-01'), end: unknown, placeId: binagadi }, { statedReason: reason });
      assert.equal((await coordinator.post(`/api/acts/${act.id}/detention`, { version: 0, detention: { ...held, ...detention } })).status, 200);
      return act;
    };
    const first = await detain(people.named, { decision: 'detention', decisionDate: '2026-11-02', detentionDays: 30 }, `minor hooliganism; ${SECRET} was named to him under pressure`);
    await detain(people.initials, { status: 'released', releasedOn: '2026-11-03', decision: 'fine', fineAmount: 200 }, 'minor hooliganism');
    await detain(people.secret, {}, 'none given');
    await createRecord(coordinator, 'act', { incidentId: incident.id, personId: people.named.id, typeCode: '990201000000', start: day('2026-11-01'), end: unknown, placeId: null }, { methods: 'a fake profile on a dating app' });
    await createRecord(coordinator, 'involvement', { actId: first.id, unitId: unit, perpetratorType: 'police', degree: 'perpetrator' }, { officers: 'Captain Rza Quliyev' });

    browser = await launchChromium();
    const context = await browser.newContext({ acceptDownloads: true });
    context.on('request', (r) => requested.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logInThroughWorkspace(page, server.url, COORDINATOR.email, COORDINATOR.passphrase);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes a situation report whose numbers match the records, as a page and as a PDF in en and az', async () => {
    await page.getByRole('link', { name: 'Situation report' }).click();
    await page.getByRole('heading', { name: 'Situation report', level: 1 }).waitFor(STEP);
    await page.getByRole('button', { name: 'Compute the numbers' }).click();
    const preview = page.locator('article.document');
    await preview.waitFor(STEP);
    // What the records say: 4 violations against 3 people in 1 incident; 2 held now, 1 released, 1 sentenced, 1 fined.
    const expected = (await (await coordinator.get('/api/situation')).json()) as SituationNumbers;
    assert.deepEqual([expected.acts, expected.people.individuals, expected.custody.held, expected.custody.released, expected.custody.sentenced, expected.custody.fined], [4, 3, 2, 1, 1, 1]);
    const row = (label: string) => preview.locator('tr', { has: page.locator('td', { hasText: new RegExp(`^${label}$`) }) }).locator('td').nth(1).textContent();
    assert.equal(await row('People documented'), '3');
    assert.equal(await row('Held at this moment'), '2');
    assert.equal(await row('Released'), '1');
    assert.equal(await row('Sentenced to administrative detention'), '1');
    assert.equal(await row('Fined'), '1');
    assert.match((await preview.textContent())!, /documented 4 violations against 3 people in 1 incidents/);
    assert.equal(await preview.locator('header').textContent().then((t) => t!.startsWith('Test defenders')), true, 'the organization heads it');

    // Only the person who consented to public use can be quoted, without any name.
    const accounts = page.locator('input[id^="account-"][type=checkbox]');
    assert.equal(await accounts.count(), 1);
    await accounts.first().click();
    const account = page.locator('textarea[id^="account-text-"]');
    await account.waitFor(STEP);
    const text = await account.inputValue();
    assert.match(text, /Detention, 2026-11-01, Binagadi district police department\. minor hooliganism; \[name withheld\]/);
    for (const name of ['Orxan', 'Məmmədov', 'Leyla', 'Hüseynova']) assert.ok(!text.includes(name), `${name} is not in the account`);
    await page.fill('#situation-requests', 'We ask for the immediate release of everyone held.');
    await preview.getByText('We ask for the immediate release').waitFor(STEP);
    assert.deepEqual(await axe(page), []);

    const pdf = await pdfText(await downloaded(() => page.getByRole('button', { name: 'Download PDF' }).click()));
    assert.ok(pdf.pages > 0);
    assert.ok(pdf.fonts.some((f) => /^DejaVuSans-\d+$/.test(f)) && pdf.fonts.some((f) => /^DejaVuSans-Bold-\d+$/.test(f)), `fonts embedded as subsets: ${pdf.fonts.join(', ')}`);
    const drawn = pdf.lines.flat();
    assert.equal(drawn[0], 'Test defenders');
    assert.ok(drawn.some((l) => l.startsWith('We have documented 4 violations against 3 people')), 'the summary is drawn');
    const after = (label: string) => drawn[drawn.indexOf(label) + 1];
    assert.equal(after('Held at this moment'), '2');
    assert.equal(after('People documented'), '3');
    assert.ok(drawn.includes('We ask for the immediate release of everyone held.'));
    assert.ok(drawn.includes(`Page 1 of ${pdf.pages}`));

    await page.selectOption('#situation-language', 'az');
    await preview.getByText('Vəziyyət haqqında hesabat', { exact: false }).first().waitFor(STEP);
    const az = (await pdfText(await downloaded(() => page.getByRole('button', { name: 'Download PDF' }).click()))).lines.flat();
    assert.ok(az.some((l) => l.startsWith('Vəziyyət haqqında hesabat')), 'Azerbaijani letters are drawn (ə)');
    assert.equal(az[az.indexOf('Bu anda saxlanılır') + 1], '2');
    assert.ok(az.includes('Binəqədi rayon polis idarəsi'));
    assert.ok(az.includes(`Səhifə 1 / ${az.filter((l) => l.startsWith('Səhifə ')).length}`));
    const html = (await downloaded(() => page.getByRole('button', { name: 'Download HTML' }).click())).toString('utf8');
    assert.match(html, /^<!doctype html>\n<html lang="az">/);
    assert.match(html, /@page\{size:A4/);
    assert.ok(html.includes('Bu anda saxlanılır</td><td>2</td>'));
  });

  it('drafts a UN communication: a person without consent is never named; the others as they asked', async () => {
    await page.getByRole('link', { name: 'UN communication' }).click();
    await page.getByRole('heading', { name: 'UN communication', level: 1 }).waitFor(STEP);
    for (const made of Object.values(people)) await page.locator(`li[data-person="${made.code}"] input`).check();
    await page.getByRole('button', { name: 'Prepare the communication' }).click();
    await page.getByRole('heading', { name: 'Details' }).waitFor(STEP);
    assert.ok(await page.locator('#appeal-kind-urgent-appeal').isChecked(), 'someone is still held: an urgent appeal is suggested');
    const circumstances = await page.inputValue('#appeal-circumstances');
    assert.ok(circumstances.includes(NAMED) && circumstances.includes('Р. А.') && circumstances.includes('[name withheld]'), circumstances);
    // Even a name typed by hand is replaced.
    await page.fill('#appeal-remedies', `A lawyer asked to see ${SECRET}; refused. An appeal for Руслан was lodged.`);
    await page.fill('#appeal-contact', 'contact@example.org');
    const preview = page.locator('article.document');
    await preview.getByText('1 further person concerned did not consent to be named and is counted only.').first().waitFor(STEP);
    const shown = (await preview.textContent())!;
    assert.ok(shown.includes(`Victim 1: ${NAMED}`) && shown.includes('Victim 2: Р. А.'));
    assert.ok(shown.includes('Captain Rza Quliyev'), 'perpetrators are named');
    assert.deepEqual(await axe(page), []);

    const forbidden = [/Leyla/i, /Hüseynova/i, /Руслан/, /Алиев/];
    const json = (await downloaded(() => page.getByRole('button', { name: 'Download JSON' }).click())).toString('utf8');
    const communication = unCommunication.parse(JSON.parse(json));
    assert.equal(communication.format, 'vigil/un-communication/v1');
    assert.equal(communication.kind, 'urgent-appeal');
    assert.deepEqual(communication.victims.map((v) => [v.naming, v.name, v.inCustody]), [['name', NAMED, true], ['initials', 'Р. А.', false]]);
    assert.equal(communication.unnamed.count, 1);
    const html = (await downloaded(() => page.getByRole('button', { name: 'Download HTML' }).click())).toString('utf8');
    const pdf = await pdfText(await downloaded(() => page.getByRole('button', { name: 'Download PDF' }).click()));
    const pdfDrawn = pdf.lines.flat().join('\n');
    assert.ok(pdfDrawn.includes(`Victim 1: ${NAMED}`) && pdfDrawn.includes('Victim 2: Р. А.'), 'the PDF names them as they asked');
    for (const [what, content] of [['preview', shown], ['JSON', json], ['HTML', html], ['PDF', pdfDrawn]] as const) {
      for (const pattern of forbidden) assert.doesNotMatch(content, pattern, `${what} must not contain ${pattern}`);
    }
  });

  it('marks it as sent once: a follow-up for each person, due in a week, listed under Due soon; a double press adds nothing', async () => {
    // Pressed twice in a row: the button is off while it records and stays off after ("Recorded as sent").
    await page.locator('button[data-mark-sent]').dblclick();
    const due = addDays(today(), 7);
    await page.getByText(`a follow-up is due on ${formatsFor('en').day(due)} for each of the 3 people`, { exact: false }).waitFor(STEP);
    const button = page.locator('button[data-mark-sent]');
    assert.equal(await button.textContent(), 'Recorded as sent');
    assert.ok(await button.isDisabled());
    for (const made of Object.values(people)) {
      const { records } = (await (await coordinator.get(`/api/records/intervention?personId=${made.id}`)).json()) as { records: { plain: Record<string, unknown> }[] };
      assert.equal(records.length, 1);
      assert.deepEqual(
        { type: records[0]!.plain.type, status: records[0]!.plain.status, onDay: records[0]!.plain.onDay, dueOn: records[0]!.plain.dueOn, priority: records[0]!.plain.priority },
        { type: 'un-appeal', status: 'sent', onDay: today(), dueOn: due, priority: 'urgent' },
      );
    }
    await page.getByRole('link', { name: 'Due soon' }).click();
    await page.getByRole('heading', { name: 'Due soon' }).waitFor(STEP);
    const listed = page.locator('li[data-due="intervention"]', { hasText: 'Urgent appeal to a UN mandate' });
    await listed.nth(2).waitFor(STEP);
    assert.equal(await listed.count(), 3);
    const { entries } = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; detail: Record<string, unknown> | null }[] };
    assert.ok(entries.some((e) => e.action === 'document.sent' && e.detail?.document === 'un-communication' && e.detail.people === 3));
    assert.ok(entries.filter((e) => e.action === 'document.generated').length >= 6);
    for (const e of entries) assert.doesNotMatch(JSON.stringify(e), /Orxan|Leyla|Руслан/);
  });

  it('made no request beyond the origin and no script error', () => {
    const foreign = requested.filter((url) => !url.startsWith(server.url) && !url.startsWith(`blob:${server.url}/`));
    assert.deepEqual(foreign, []);
    assert.ok(requested.some((url) => /DejaVuSans-[\w-]+\.ttf$/.test(url)), 'the font came from our own origin');
    assert.deepEqual(pageErrors, []);
  });
});
