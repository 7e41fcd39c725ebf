// Linking people in Debian's Chromium (issue 11), on SQLite and PostgreSQL: "Həsənov Elvin Rəşad
// oğlu" and "Гасанов Эльвин" (same birth year, held at one place on one day) are suggested as one
// person and explained; a merge leaves one person and the dashboard counts one fewer, an undo
// brings both back; "Different people" is never suggested again, after a reload too; adding
// "Elvin Hasanov" warns before saving and can record the act for the person already on record.
// No name, and no form derived from one, reaches the server: not in any request, nor in the
// database, its dump or the logs. axe-core finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { createRecord, type Made } from './support/records.ts';
import { TYPES } from './support/dashboard.ts';
import { parseName, type NameForm } from '../src/core/linkage/names.ts';
import { sealFields } from '../src/core/records/sealing.ts';

const STEP = { timeout: 30_000 };
const DOC = { email: 'doc@example.org', passphrase: 'member passphrase long' };
const BINAGADI = 'Binagadi district police department';

/** The people on record, oldest first (P-0001 …): two pairs of one person each, and two others. */
const PEOPLE: { name: string; birthYear: number; place: 'binagadi' | 'centre'; day: string }[] = [
  { name: 'Həsənov Elvin Rəşad oğlu', birthYear: 1996, place: 'binagadi', day: '2026-11-01' },
  { name: 'Гасанов Эльвин', birthYear: 1996, place: 'binagadi', day: '2026-11-01' },
  { name: 'Kamran Məmmədov', birthYear: 1990, place: 'binagadi', day: '2026-11-01' },
  { name: 'Тимур Исмайлов', birthYear: 2001, place: 'centre', day: '2026-11-03' },
  { name: 'Əliyeva Leyla', birthYear: 1985, place: 'centre', day: '2026-11-03' },
  { name: 'Лейла Алиева', birthYear: 1985, place: 'centre', day: '2026-11-03' },
];
const TYPED = 'Elvin Hasanov';
const PERSON_PLAIN = { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' };

/** Every name, and every form linkage derives from one (latin, phonetic, consonant skeleton). */
function namesAndForms(): string[] {
  const forms = (f: NameForm | null) => (f ? [f.latin, f.phonetic, f.skeleton] : []);
  const all = [...PEOPLE.map((p) => p.name), TYPED].flatMap((name) => {
    const parsed = parseName(name);
    return [name, ...name.split(' '), ...forms(parsed.surname), ...parsed.given.flatMap(forms), ...forms(parsed.patronymic)];
  });
  // Four letters and up: shorter strings turn up by chance in any binary file.
  return [...new Set(all.filter((s) => s.length >= 4))];
}

for (const backend of BACKENDS) describe(`linking people in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: LoggedIn;
  let page: Page;
  let incident: Made;
  const persons: Made[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  const tile = (label: string) => page.locator('.tiles li', { hasText: label }).locator('button, span').last();
  const card = (codes: string) => page.locator(`[data-review="${codes}"]`);
  const go = async (link: string, heading: string) => {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor(STEP);
  };
  /** The dashboard's people and its note of unreviewed duplicates, once linkage has run. */
  async function dashboard(): Promise<{ people: string | null; unreviewed: string | null }> {
    await go('Dashboard', 'Dashboard');
    await page.locator('.tiles').waitFor(STEP);
    await page.locator('.duplicates-note[data-unreviewed]').waitFor(STEP);
    return { people: await tile('People documented').textContent(), unreviewed: await page.locator('.duplicates-note').getAttribute('data-unreviewed') };
  }

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'documenter', DOC.email, DOC.passphrase);
    const place = async (code: string, en: string) => {
      const response = await admin.post('/api/registry', { kind: 'place', code, labels: { en, az: en, ru: en }, placeKind: 'police', appealDays: null });
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    };
    const places = { binagadi: await place('binagadi-police', BINAGADI), centre: await place('detention-centre', 'Baku detention centre') };
    incident = await createRecord(admin, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: 'Round-up', description: 'Arrests after a party.' });
    for (const p of PEOPLE) {
      const person = await createRecord(admin, 'person', PERSON_PLAIN, { name: p.name, birthYear: p.birthYear });
      persons.push(person);
      await createRecord(admin, 'act', { incidentId: incident.id, personId: person.id, typeCode: TYPES.detention, start: { date: p.day, precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: places[p.place] }, { statedReason: '' });
    }
    assert.deepEqual(
      persons.map((p) => p.code),
      ['P-0001', 'P-0002', 'P-0003', 'P-0004', 'P-0005', 'P-0006'],
    );
    browser = await launchChromium();
    const context = await browser.newContext();
    context.on('request', (r) => requests.push(`${r.url()}\n${r.postData() ?? ''}`));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logInThroughWorkspace(page, server.url, DOC.email, DOC.passphrase);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts the unreviewed duplicates and shows each pair side by side, explained in plain words', async () => {
    // The dashboard does not compare everyone on record unasked: it offers to.
    await go('Dashboard', 'Dashboard');
    const note = page.locator('.duplicates-note[data-unreviewed-unknown]');
    await note.waitFor(STEP);
    assert.equal(await page.locator('[data-link-progress]').count(), 0);
    await note.getByRole('link', { name: 'Check for duplicates' }).click();
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor(STEP);
    await card('P-0001 P-0002').waitFor(STEP);
    assert.deepEqual(await dashboard(), { people: '6', unreviewed: '2' });
    assert.match((await page.locator('.duplicates-note').textContent()) ?? '', /2 possible duplicates not yet reviewed — review/);

    await go('Possible duplicates', 'Possible duplicates');
    await card('P-0001 P-0002').waitFor(STEP);
    await card('P-0005 P-0006').waitFor(STEP);
    assert.equal(await page.locator('[data-review]').count(), 2, 'no one else is suggested');
    const elvin = card('P-0001 P-0002');
    assert.deepEqual(await elvin.locator('tbody td:first-of-type').allTextContents(), ['Həsənov Elvin Rəşad oğlu', 'Гасанов Эльвин']);
    assert.deepEqual(await elvin.locator('.reasons li').allTextContents(), ['same name in Latin and Cyrillic', 'same birth year', `held at ${BINAGADI} on the same day`]);
    assert.match((await elvin.locator('.pair').textContent()) ?? '', /P-0001 and P-0002: \d+% likely the same person/);
    assert.ok(await elvin.getByLabel('P-0001 (the older record)').isChecked(), 'the older record survives unless chosen otherwise');
    assert.deepEqual(await axe(page), [], 'axe-core finds nothing on the Possible duplicates page');
  });

  it('merges: one person left and the dashboard counts one fewer; undo brings both back', async () => {
    await card('P-0001 P-0002').getByRole('button', { name: 'Same person' }).click();
    await page.getByRole('status').filter({ hasText: 'P-0002 merged into P-0001' }).waitFor(STEP);
    await card('P-0001 P-0002').waitFor({ state: 'detached', ...STEP });
    await page.locator('[data-merges] tr[data-merge="P-0002"]').waitFor(STEP);
    assert.equal(await page.locator('[data-review]').count(), 1);
    assert.deepEqual(await dashboard(), { people: '5', unreviewed: '1' });

    // The merged record says where it went; the survivor lists it.
    await page.evaluate((id) => (location.hash = `#person/${id}`), persons[1]!.id);
    await page.locator('[data-merged-into="P-0001"]').waitFor(STEP);
    await page.locator('[data-merged-into]').getByRole('link', { name: 'P-0001' }).click();
    await page.locator('[data-also-recorded-as="P-0002"]').waitFor(STEP);

    await go('Possible duplicates', 'Possible duplicates');
    await page.getByRole('button', { name: 'Undo the merge of P-0002 into P-0001' }).click();
    await page.getByRole('status').filter({ hasText: 'Merge undone: P-0002 is a person of their own again' }).waitFor(STEP);
    await card('P-0001 P-0002').waitFor(STEP);
    assert.equal(await page.locator('[data-merges] tr[data-merge="P-0002"] td:last-child').textContent(), 'undone');
    assert.deepEqual(await dashboard(), { people: '6', unreviewed: '2' });
  });

  it('"Different people" is remembered: not suggested again, after a reload either; "Not sure" only skips', async () => {
    await go('Possible duplicates', 'Possible duplicates');
    await card('P-0005 P-0006').getByRole('button', { name: 'Different people' }).click();
    await page.getByRole('status').filter({ hasText: 'P-0005 and P-0006 are different people' }).waitFor(STEP);
    await card('P-0005 P-0006').waitFor({ state: 'detached', ...STEP });
    await card('P-0001 P-0002').getByRole('button', { name: 'Not sure' }).click();
    await card('P-0001 P-0002').waitFor({ state: 'detached', ...STEP });
    assert.equal(await page.locator('[data-open-pairs]').getAttribute('data-open-pairs'), '1', 'a pair one is not sure about is still unreviewed');
    await page.getByText('One pair skipped for now').waitFor(STEP);

    // A reload forgets the keys and this session's "not sure"; the decision is the server's.
    await logInThroughWorkspace(page, server.url, DOC.email, DOC.passphrase);
    await go('Possible duplicates', 'Possible duplicates');
    await card('P-0001 P-0002').waitFor(STEP);
    assert.equal(await page.locator('[data-review]').count(), 1, 'P-0005 and P-0006 are not suggested again');
    const [row] = await query<{ person_a: string; person_b: string }>(server, 'select person_a, person_b from person_distinct');
    assert.deepEqual([row!.person_a, row!.person_b].sort(), [persons[4]!.id, persons[5]!.id].sort(), 'stored as two record ids');
  });

  it('a merge of a record changed since the list was made is refused with a clear message, and the list is made again', async () => {
    await go('Possible duplicates', 'Possible duplicates');
    await card('P-0001 P-0002').waitFor(STEP);
    // Someone else corrects P-0002 meanwhile: the page still holds the version it linked.
    const { record } = (await (await admin.get(`/api/records/person/${persons[1]!.id}`)).json()) as { record: { version: number } };
    const changed = await admin.post(`/api/records/person/${persons[1]!.id}`, { version: record.version, record: { ...PERSON_PLAIN, reprisalRisk: 'medium', secret: await sealFields(persons[1]!.key, 'person', persons[1]!.id, { name: PEOPLE[1]!.name, birthYear: PEOPLE[1]!.birthYear }) } });
    assert.equal(changed.status, 200, await changed.text());
    await card('P-0001 P-0002').getByRole('button', { name: 'Same person' }).click();
    await page.getByRole('alert').filter({ hasText: 'One of these records changed since this list was made. Nothing was merged' }).waitFor(STEP);
    const [merges] = await query<{ n: number | string }>(server, 'select count(*) as n from person_merges where undone_at is null');
    assert.equal(Number(merges!.n), 0);
    // Made again from the records as they are now: the merge goes through this time.
    await page.locator('[data-link-progress]').waitFor({ state: 'detached', ...STEP });
    await card('P-0001 P-0002').getByRole('button', { name: 'Same person' }).click();
    await page.getByRole('status').filter({ hasText: 'P-0002 merged into P-0001' }).waitFor(STEP);
    await page.getByRole('button', { name: 'Undo the merge of P-0002 into P-0001' }).click();
    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor(STEP);
    await card('P-0001 P-0002').waitFor(STEP);
  });

  it('warns while "Elvin Hasanov" is being added, before saving, and records the act for the person on record', async () => {
    await page.evaluate((id) => (location.hash = `#records/${id}`), incident.id);
    await page.getByRole('heading', { name: /Round-up/ }).waitFor(STEP);
    await page.getByText('Add a person and what happened to them').click();
    await page.fill('#person-name', TYPED);
    await page.fill('#person-birth-year', '1996');
    const warning = page.locator('.likely-matches');
    await warning.locator('[data-match="P-0001"]').waitFor(STEP);
    await page.selectOption('#act-type', { label: 'Detention' });
    await page.fill('#act-date', '2026-11-01');
    await page.selectOption('#act-place', { label: BINAGADI });
    await warning.locator('[data-match="P-0001"]', { hasText: `same name, spelt differently, same birth year, held at ${BINAGADI} on the same day` }).waitFor(STEP);
    assert.match((await warning.locator('[data-match="P-0001"]').textContent()) ?? '', /This may be P-0001 \(\d+%\)/);
    assert.equal(await warning.locator('[data-match="P-0001"]').getByRole('link', { name: 'P-0001' }).getAttribute('href'), `#person/${persons[0]!.id}`);
    assert.deepEqual(await axe(page), [], 'axe-core finds nothing with the warning shown');

    await warning.getByRole('button', { name: 'Record this for P-0001 instead' }).click();
    assert.equal(await page.inputValue('#act-person'), persons[0]!.id);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /A-\d+ saved/ }).waitFor(STEP);
    const [count] = await query<{ n: number | string }>(server, 'select count(*) as n from persons');
    assert.equal(Number(count!.n), 6, 'no second record of Elvin');
  });

  it('"Different people" holds through a chain of merges: A is not X, A merged into B and B into C, so C and X are not suggested', async () => {
    // Four records of one woman (X, A, B, C), no place or day; A and X were decided different.
    const rena = ['Rəna Quliyeva', 'Рена Кулиева', 'Rena Guliyeva', 'Quliyeva Rəna'];
    const [x, a, b, c] = await Promise.all(rena.map((name) => createRecord(admin, 'person', PERSON_PLAIN, { name, birthYear: 1992 })));
    assert.equal((await admin.post('/api/linkage/distinct', { a: a!.id, b: x!.id })).status, 201);
    await go('Possible duplicates', 'Possible duplicates');
    await page.getByRole('button', { name: 'Look again' }).click();
    // While B and C stand apart, X is suggested with them.
    await page.locator(`[data-review*="${x!.code}"]`).first().waitFor(STEP);

    const seen = async (made: Made) => ({ id: made.id, version: ((await (await admin.get(`/api/records/person/${made.id}`)).json()) as { record: { version: number } }).record.version });
    const merge = async (survivor: Made, merged: Made) => {
      const response = await admin.post('/api/linkage/merges', { survivor: await seen(survivor), merged: await seen(merged) });
      assert.equal(response.status, 201, await response.text());
    };
    await merge(b!, a!);
    await merge(c!, b!);
    await page.getByRole('button', { name: 'Look again' }).click();
    await page.locator('[data-link-progress]').waitFor({ state: 'detached', ...STEP });
    await card('P-0001 P-0002').waitFor(STEP);
    assert.equal(await page.locator(`[data-review*="${x!.code}"]`).count(), 0, `${c!.code} and ${x!.code} are not suggested`);
  });

  it('sends no name, and nothing derived from one, to the server: not in requests, the database, its dump or the logs', async () => {
    const needles = namesAndForms();
    assert.ok(needles.includes('gasanov') && needles.includes('Гасанов Эльвин'), 'the latin forms and the names themselves are looked for');
    assert.deepEqual(
      needles.filter((n) => requests.some((r) => r.includes(n) || r.includes(encodeURIComponent(n)))),
      [],
    );
    assert.deepEqual(await findPlaintext(server, needles), []);
    assert.deepEqual(pageErrors, []);
    assert.ok(requests.every((r) => r.startsWith(server.url)), 'nothing fetched from elsewhere');
    assert.ok(requests.some((r) => /\/app\/assets\/link-worker-[\w-]+\.js/.test(r)), 'linkage ran in its worker, as built');
  });

  it('a lock while names are being opened ends the run: no worker is started with them; a lock stops the worker', async () => {
    const linkWorkers = () => page.workers().filter((w) => w.url().includes('link-worker'));
    await logInThroughWorkspace(page, server.url, DOC.email, DOC.passphrase);
    // The decisions arrive only after the lock, when the people's names are already open.
    let release!: () => Promise<void>;
    const held = new Promise<void>((resolve) => {
      void page.route('**/api/linkage/decisions', async (route) => {
        const response = await route.fetch();
        release = () => route.fulfill({ response });
        resolve();
      });
    });
    await go('Possible duplicates', 'Possible duplicates');
    await held;
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor(STEP);
    await release();
    await page.unroute('**/api/linkage/decisions');

    // Logged in again on the same page (no reload): only this session's run has a worker.
    await page.fill('#email', DOC.email);
    await page.fill('#passphrase', DOC.passphrase);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor(STEP); // back where the lock came
    await card('P-0001 P-0002').waitFor(STEP);
    const workers = linkWorkers();
    assert.equal(workers.length, 1, 'the run cut short by the lock started no worker of its own');
    const closed = workers[0]!.waitForEvent('close', STEP);
    await page.getByRole('button', { name: 'Lock' }).click();
    await closed;
    assert.deepEqual(linkWorkers(), []);
  });
});
