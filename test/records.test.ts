// Structured records through the API, on SQLite and PostgreSQL: the records key, registries,
// incidents, people, acts, detentions with the expected release, the currently-held board, the
// due-soon list, history and concurrent edits, role limits, bad input, and no plaintext stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, membersSeenBy, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { firstKey } from '../src/core/key-changes.ts';
import { newRecordKey, openFields, sealFields, type RecordKey } from '../src/core/records/sealing.ts';
import { recordsKey, createRecord, type Made } from './support/records.ts';
import { addDays, daysBetween, today } from '../src/core/records/custody.ts';

const DETENTION = '030102000000';
const ENTRAPMENT = '990201000000';

const create = createRecord;

const message = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

for (const backend of BACKENDS) {
  describe(`records on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    const places: Record<string, string> = {};
    let article510: string;
    let incident: Made;
    let first: Made;
    let second: Made;
    let firstAct: Made;
    let secondAct: Made;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
    });
    after(async () => {
      await server?.close();
    });

    it('hands the records key to every role but viewers', async () => {
      const records = await recordsKey(admin);
      assert.ok(admin.keyring.has(records.keyId));
      assert.ok(documenter.keyring.has(records.keyId));
      assert.ok(!viewer.keyring.has(records.keyId), 'a viewer never receives the records key');
      assert.equal(viewer.keyring.size, 1);
    });

    it('administrators keep the registries: places, units, legal provisions, local act types', async () => {
      const add = (member: LoggedIn, entry: Record<string, unknown>) => member.post('/api/registry', { placeKind: null, appealDays: null, ...entry });
      for (const [code, en, az, ru, placeKind] of [
        ['binagadi-police', 'Binagadi district police department', 'Binəqədi rayon polis idarəsi', 'Бинагадинское районное управление полиции', 'police'],
        ['baku-dispensary', 'Baku skin-venereal dispensary', 'Bakı dəri-zöhrəvi dispanseri', 'Бакинский кожно-венерологический диспансер', 'dispensary'],
        ['binagadi-court', 'Binagadi district court', 'Binəqədi rayon məhkəməsi', 'Бинагадинский районный суд', 'court'],
      ]) {
        const response = await add(admin, { kind: 'place', code, labels: { en, az, ru }, placeKind });
        assert.equal(response.status, 201);
        places[code!] = ((await response.json()) as { id: string }).id;
      }
      const provision = await add(admin, { kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510, Code of Administrative Offences', az: 'İnzibati Xətalar Məcəlləsi, maddə 510', ru: 'Статья 510 Кодекса об административных проступках' }, appealDays: 10 });
      assert.equal(provision.status, 201);
      article510 = ((await provision.json()) as { id: string }).id;
      assert.equal((await add(admin, { kind: 'unit', code: 'binagadi-police-unit', labels: { en: 'Binagadi district police', az: 'Binəqədi rayon polisi', ru: 'Полиция Бинагадинского района' } })).status, 201);
      assert.equal((await add(admin, { kind: 'act-type', code: '990301000000', labels: { en: 'Forced eviction', az: 'Məcburi evdən çıxarılma', ru: 'Принудительное выселение' } })).status, 201);

      // Only administrators; no duplicates; no ESF code reused as a local one; bad input is 400 in the user's language.
      assert.equal((await add(documenter, { kind: 'unit', code: 'x', labels: { en: 'x', az: 'x', ru: 'x' } })).status, 403);
      const duplicate = await add(admin, { kind: 'place', code: 'binagadi-police', labels: { en: 'x', az: 'x', ru: 'x' }, placeKind: 'police' });
      assert.equal(duplicate.status, 409);
      assert.equal((await message(duplicate)).code, 'duplicate-code');
      assert.equal((await add(admin, { kind: 'act-type', code: DETENTION, labels: { en: 'x', az: 'x', ru: 'x' } })).status, 400);
      assert.equal((await add(admin, { kind: 'place', code: 'nowhere', labels: { en: 'x', az: 'x', ru: 'x' } })).status, 400, 'a place needs a kind');
      const russian = await fetch(`${server.url}/api/registry`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json', 'x-vigil-request': '1', 'accept-language': 'ru' }, body: '{"kind":"unit"}' });
      assert.equal(russian.status, 400);
      assert.match((await message(russian)).message, /[а-я]/);
      const { entries } = (await (await viewer.get('/api/registry')).json()) as { entries: { code: string; labels: { az: string } }[] };
      assert.equal(entries.find((e) => e.code === 'binagadi-police')!.labels.az, 'Binəqədi rayon polis idarəsi');
    });

    it('records an incident with two people and their detentions; a viewer sees only plain fields', async () => {
      incident = await create(documenter, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [places['binagadi-police']], monitoringStatus: 'open' }, { title: 'Hotel entrapment, Binagadi', description: 'Two men arrested on arrival at a hotel after messages on a dating app.' });
      assert.match(incident.code, /^I-\d{4}$/);
      const person = (fields: Record<string, unknown>) => create(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing: 'un', namePreference: 'initials', reprisalRisk: 'high' }, fields);
      first = await person({ name: 'Orxan Məmmədov', contacts: '+994 50 000 00 01' });
      second = await person({ name: 'Руслан Алиев', contacts: '+994 50 000 00 02' });
      assert.match(first.code, /^P-\d{4}$/);
      const act = (person: Made) => create(documenter, 'act', { incidentId: incident.id, personId: person.id, typeCode: DETENTION, start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: places['binagadi-police'] }, { statedReason: 'minor hooliganism', methods: 'lured through a dating app' });
      firstAct = await act(first);
      secondAct = await act(second);
      await create(documenter, 'act', { incidentId: incident.id, personId: first.id, typeCode: ENTRAPMENT, start: { date: '2026-11', precision: 'month' }, end: { date: null, precision: 'unknown' }, placeId: null }, { methods: 'fake profile' });
      await create(documenter, 'act', { incidentId: incident.id, personId: second.id, typeCode: '990301000000', start: { date: '2026', precision: 'year' }, end: { date: null, precision: 'unknown' }, placeId: null }, {});

      assert.equal(((await (await viewer.get('/api/records/incident?monitoringStatus=open')).json()) as { records: unknown[] }).records.length, 1);
      assert.equal(((await (await viewer.get('/api/records/incident?monitoringStatus=closed')).json()) as { records: unknown[] }).records.length, 0);
      const listed = (await (await viewer.get(`/api/records/act?incidentId=${incident.id}`)).json()) as { records: { plain: { typeCode: string }; secret: { keyId: string } }[] };
      assert.equal(listed.records.length, 4);
      assert.ok(!viewer.keyring.has(listed.records[0]!.secret.keyId), 'the viewer cannot open the sealed part');
      const { record } = (await (await documenter.get(`/api/records/person/${first.id}`)).json()) as { record: { secret: never; code: string } };
      assert.equal(record.code, first.code);
      assert.equal((await openFields<{ name: string }>(record.secret, 'person', first.id, documenter.keyring)).name, 'Orxan Məmmədov');
      await assert.rejects(openFields(record.secret, 'person', second.id, documenter.keyring), 'sealed fields do not open as another record');
    });

    it('computes the expected release of a 30-day sentence and keeps the currently-held board in order', async () => {
      const detention = (over: Record<string, unknown> = {}) => ({
        status: 'held',
        heldAt: places['binagadi-police'],
        custodyStart: null,
        lawyerAccess: 'ngo',
        familyAccess: 'informed',
        legalProvisionId: article510,
        chargedArticle: '510',
        courtId: places['binagadi-court'],
        hearingDate: '2026-11-02',
        decision: 'detention',
        decisionDate: '2026-11-02',
        fineAmount: null,
        detentionDays: 30,
        sentenceStart: null,
        releasedOn: null,
        ...over,
      });
      const sentenced = await documenter.post(`/api/acts/${firstAct.id}/detention`, { version: 0, detention: detention() });
      assert.equal(sentenced.status, 200);
      const result = (await sentenced.json()) as { expectedRelease: string; appealDeadline: string; version: number };
      assert.equal(result.expectedRelease, '2026-12-01', 'detained 1 November, 30 days: out on 1 December');
      assert.equal(result.appealDeadline, '2026-11-12', 'Article 510 decisions are appealed within 10 days');
      const reread = (await (await viewer.get(`/api/acts/${firstAct.id}/detention`)).json()) as { detention: { chargedArticle: string | null } };
      assert.equal(reread.detention.chargedArticle, '510', 'the article charged under is kept beside the provision');
      // Plain, so a number only: a name or a story has no place in it.
      for (const chargedArticle of ['Elvin Məmmədov', 'Art. 510', '']) {
        assert.equal((await documenter.post(`/api/acts/${firstAct.id}/detention`, { version: result.version, detention: detention({ chargedArticle }) })).status, 400, chargedArticle);
      }
      // The second man: no lawyer allowed, no decision yet — more urgent.
      const pending = detention({ custodyStart: '2026-11-02', lawyerAccess: 'none', decision: 'pending', decisionDate: null, detentionDays: null, legalProvisionId: null, hearingDate: null });
      assert.equal((await documenter.post(`/api/acts/${secondAct.id}/detention`, { version: 0, detention: pending })).status, 200);

      type Board = { held: { personCode: string; daysHeld: number; expectedRelease: string | null; heldAt: string }[] };
      let board = (await (await viewer.get('/api/board/held')).json()) as Board;
      assert.deepEqual(board.held.map((h) => h.personCode), [second.code, first.code], 'no lawyer comes first');
      assert.equal(board.held[1]!.expectedRelease, '2026-12-01');
      assert.equal(board.held[0]!.daysHeld, daysBetween('2026-11-02', today()), 'days in custody counted from custody start');

      // Transferred to the dispensary for a forced examination, then released.
      assert.equal((await documenter.post(`/api/acts/${secondAct.id}/transfers`, { fromPlaceId: null, toPlaceId: places['baku-dispensary'], onDay: '2026-11-03', atTime: '25:00' })).status, 400, 'a time of day that does not exist');
      assert.equal((await documenter.post(`/api/acts/${secondAct.id}/transfers`, { fromPlaceId: null, toPlaceId: places['baku-dispensary'], onDay: '2026-11-03', atTime: '09:15' })).status, 204);
      board = (await (await viewer.get('/api/board/held')).json()) as Board;
      assert.equal(board.held[0]!.heldAt, places['baku-dispensary']);
      const current = (await (await documenter.get(`/api/acts/${secondAct.id}/detention`)).json()) as { version: number; transfers: { atTime: string }[] };
      assert.equal(current.transfers.length, 1);
      assert.equal(current.transfers[0]!.atTime, '09:15');
      assert.equal((await documenter.post(`/api/acts/${secondAct.id}/detention`, { version: current.version - 1, detention: pending })).status, 409, 'an edit from an older version is refused');
      assert.equal((await documenter.post(`/api/acts/${secondAct.id}/detention`, { version: current.version, detention: { ...pending, status: 'released', releasedOn: '2026-11-04' } })).status, 200);
      board = (await (await viewer.get('/api/board/held')).json()) as Board;
      assert.deepEqual(board.held.map((h) => h.personCode), [first.code]);
      // A place's page: who is held there, what was recorded there.
      const atPolice = (await (await viewer.get(`/api/board/held?placeId=${places['binagadi-police']}`)).json()) as Board;
      assert.deepEqual(atPolice.held.map((h) => h.personCode), [first.code]);
      assert.deepEqual(((await (await viewer.get(`/api/board/held?placeId=${places['baku-dispensary']}`)).json()) as Board).held, []);
      const actsThere = (await (await viewer.get(`/api/records/act?placeId=${places['binagadi-police']}`)).json()) as { records: unknown[] };
      assert.equal(actsThere.records.length, 2);
      assert.equal((await viewer.get('/api/board/held?placeId=somewhere')).status, 400);
    });

    it('lists appeal deadlines and due interventions; recording the appeal takes it off the list', async () => {
      type Due = { items: { kind: string; actId: string | null; due: string }[] };
      const due = async () => ((await (await documenter.get('/api/board/due?days=365')).json()) as Due).items;
      assert.ok((await due()).some((i) => i.kind === 'appeal' && i.actId === firstAct.id));
      const soon = addDays(today(), 2);
      const appeal = await create(documenter, 'intervention', { incidentId: null, personId: first.id, actId: firstAct.id, type: 'appeal', onDay: null, status: 'planned', priority: 'urgent', dueOn: soon }, { parties: 'Baku Court of Appeal', notes: 'lawyer drafting' });
      const items = await due();
      assert.ok(!items.some((i) => i.kind === 'appeal' && i.actId === firstAct.id), 'the appeal is now an intervention');
      assert.ok(items.some((i) => i.kind === 'intervention' && i.due === soon));
      assert.match(appeal.code, /^N-\d{4}$/);
    });

    it('keeps every version; refuses a change made from an old one', async () => {
      const changed = { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' };
      const secret = await sealFields(first.key, 'person', first.id, { name: 'Orxan Məmmədov', contacts: 'withdrawn' });
      assert.equal((await documenter.post(`/api/records/person/${first.id}`, { version: 1, record: { ...changed, secret } })).status, 200);
      const stale = await documenter.post(`/api/records/person/${first.id}`, { version: 1, record: { ...changed, secret } });
      assert.equal(stale.status, 409);
      assert.equal((await message(stale)).code, 'edit-conflict');
      const { history } = (await (await admin.get(`/api/records/person/${first.id}`)).json()) as { history: { version: number; changedBy: string; plain: { consent_sharing: string }; secret: never }[] };
      assert.deepEqual(history.map((h) => h.version), [1, 2]);
      assert.equal(history[0]!.changedBy, 'doc@example.org');
      assert.equal(history[0]!.plain.consent_sharing, 'un');
      assert.equal((history[1]!.plain as { consent_recorded_by?: string }).consent_recorded_by, documenter.login.member.id, 'who recorded the new consent');
      assert.equal((await openFields<{ contacts: string }>(history[0]!.secret, 'person', first.id, admin.keyring)).contacts, '+994 50 000 00 01', 'the old version still opens');
    });

    it('refuses bad records with a clear 400 and stores nothing', async () => {
      const count = async () => Number((await query<{ n: number }>(server, 'select count(*) as n from acts'))[0]!.n);
      const before = await count();
      const key = await newRecordKey(await recordsKey(documenter));
      const act = async (plain: Record<string, unknown>) => {
        const id = randomUUID();
        return documenter.post('/api/records/act', { id, record: { incidentId: incident.id, personId: first.id, typeCode: DETENTION, start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null, ...plain, secret: await sealFields(key, 'act', id, {}) } });
      };
      for (const [plain, code] of [
        [{ placeId: randomUUID() }, 'unknown-reference'],
        [{ incidentId: randomUUID() }, 'unknown-reference'],
        [{ typeCode: '990999000000' }, 'unknown-reference'],
        [{ start: { date: '2026-11', precision: 'day' } }, 'bad-request'],
        [{ start: { date: '2026-02-30', precision: 'day' } }, 'bad-request'],
        [{ typeCode: 'arrest' }, 'bad-request'],
      ] as const) {
        const response = await act(plain);
        assert.equal(response.status, 400, JSON.stringify(plain));
        assert.equal((await message(response)).code, code);
      }
      const group = await documenter.post('/api/records/person', { id: randomUUID(), record: { countingUnit: 'group', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'unknown', secret: await sealFields(key, 'person', randomUUID(), {}) } });
      assert.equal(group.status, 400, 'a group needs its size');
      const forged = await documenter.post('/api/records/incident', { id: randomUUID(), record: { start: { date: null, precision: 'unknown' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open', secret: { keyId: key.keyId, keyEnvelope: 'AAAA', sealed: 'AAAA' } } });
      assert.equal(forged.status, 400);
      assert.equal((await message(forged)).code, 'bad-envelope');
      assert.equal((await viewer.post('/api/records/incident', {})).status, 403, 'viewers read only');
      assert.equal((await documenter.get('/api/records/crime')).status, 404);
      assert.equal((await documenter.get('/api/records/act?status=held')).status, 400, 'a filter the type does not have');
      assert.equal(await count(), before);
    });

    it('stores no name, contact or narrative in plaintext', async () => {
      assert.deepEqual(await findPlaintext(server, ['Orxan', 'Məmmədov', 'Руслан', '000 00 01', 'Hotel entrapment', 'dating app', 'lawyer drafting']), []);
    });

    it('purges only on an administrator’s explicit, audited request', async () => {
      const lone = await create(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' }, { name: 'Asked to be forgotten' });
      const purge = (member: LoggedIn, type: string, id: string, confirm: string) => member.post(`/api/records/${type}/${id}/purge`, { confirm });
      assert.equal((await purge(documenter, 'person', lone.id, lone.code)).status, 403);
      assert.equal((await purge(admin, 'person', lone.id, 'P-9999')).status, 400, 'the code must be typed');
      const inUse = await purge(admin, 'person', first.id, first.code);
      assert.equal(inUse.status, 409);
      assert.equal((await message(inUse)).code, 'in-use');
      assert.equal((await purge(admin, 'person', lone.id, lone.code)).status, 204);
      assert.equal((await admin.get(`/api/records/person/${lone.id}`)).status, 404);
      assert.equal(Number((await query<{ n: number }>(server, `select count(*) as n from record_versions where record_id = '${lone.id}'`))[0]!.n), 0, 'every version is gone');
      const { entries } = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; object: string; detail: Record<string, unknown> }[] };
      const purged = entries.find((e) => e.action === 'record.purged' && e.object === lone.id)!;
      assert.deepEqual(purged.detail, { type: 'person', code: lone.code, attachments: 0 });
      assert.deepEqual(await findPlaintext(server, ['Asked to be forgotten']), []);
    });

    it('gives an organization made before records its records key, once, to the right roles', async () => {
      await query(server, `delete from key_grants where key_id in (select id from intake_keys where purpose = 'records')`);
      await query(server, `update intake_keys set retired_at = '2026-01-01T00:00:00.000Z' where purpose = 'records'`);
      await server.restart();
      admin = await logIn(server);
      const made = await firstKey(await membersSeenBy(admin), 'records', admin.keyring);
      assert.equal((await admin.post('/api/keys/first', { ...made, grants: made.grants.slice(1) })).status, 409, 'everyone who should hold it must get it');
      assert.equal((await documenter.post('/api/keys/first', made)).status, 403);
      assert.equal((await admin.post('/api/keys/first', made)).status, 204);
      assert.equal((await admin.post('/api/keys/first', made)).status, 409, 'only once');
      const again = await logIn(server, 'doc@example.org', 'member passphrase long');
      assert.equal((await recordsKey(again)).publicKey.length, 32);
      assert.ok(again.keyring.has((await recordsKey(again)).keyId));
      const seenByViewer = await logIn(server, 'viewer@example.org', 'member passphrase long');
      assert.ok(!seenByViewer.keyring.has((await recordsKey(again)).keyId));
    });
  });
}
