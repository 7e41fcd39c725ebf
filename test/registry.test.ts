// The registries after their first entry, on SQLite and PostgreSQL: an administrator corrects an
// entry (an edit from a stale read is a conflict) and retires one (it stays on the records that
// name it, and readable); both audited; other roles cannot. The due-soon list says whom each item
// concerns: the person's and the incident's codes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { createRecord, type Made } from './support/records.ts';
import { addDays, today } from '../src/core/records/custody.ts';

const DETENTION = '030102000000';

interface Entry {
  id: string;
  kind: string;
  code: string;
  labels: { en: string; az: string; ru: string };
  placeKind: string | null;
  appealDays: number | null;
  retiredAt: string | null;
  tag: string;
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

for (const backend of BACKENDS) {
  describe(`registry edits on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let police: string;
    let court: string;
    let incident: Made;

    const entries = async (member: LoggedIn = viewer) => ((await (await member.get('/api/registry')).json()) as { entries: Entry[] }).entries;
    const entry = async (id: string) => (await entries()).find((e) => e.id === id)!;
    const add = async (body: Record<string, unknown>) => {
      const response = await admin.post('/api/registry', { placeKind: null, appealDays: null, ...body });
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    };
    const change = (member: LoggedIn, id: string, tag: string, body: Partial<Entry>) => member.post(`/api/registry/${id}`, { tag, entry: body });
    const auditOf = (id: string) => query<{ action: string; detail: string | null }>(server, `select action, detail from audit_log where object = '${id}' order by seq`);

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      police = await add({ kind: 'place', code: 'binagadi-police', labels: { en: 'Binagadi police', az: 'Binəqədi polisi', ru: 'Бинагадинская полиция' }, placeKind: 'police' });
      court = await add({ kind: 'place', code: 'binagadi-court', labels: { en: 'Binagadi district court', az: 'Binəqədi rayon məhkəməsi', ru: 'Бинагадинский районный суд' }, placeKind: 'court' });
      incident = await createRecord(documenter, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [police], monitoringStatus: 'open' }, { title: 'Hotel', description: '' });
    });
    after(async () => {
      await server?.close();
    });

    it('an administrator corrects an entry from the tag it was read at; the change is audited', async () => {
      const before = await entry(police);
      assert.equal(before.retiredAt, null);
      assert.ok(before.tag);
      const corrected = { code: 'binagadi-police', labels: { en: 'Binagadi district police department', az: 'Binəqədi rayon polis idarəsi', ru: 'Бинагадинское районное управление полиции' }, placeKind: 'police', appealDays: null };
      const response = await change(admin, police, before.tag, corrected);
      assert.equal(response.status, 200, await response.clone().text());
      const after = await entry(police);
      assert.deepEqual(after.labels, corrected.labels);
      assert.notEqual(after.tag, before.tag);
      // The same edit again, from the tag read before it: someone changed it meanwhile.
      const stale = await change(admin, police, before.tag, { ...corrected, labels: { ...corrected.labels, en: 'Binagadi police (old)' } });
      assert.equal(stale.status, 409);
      assert.equal(await errorCode(stale), 'edit-conflict');
      assert.equal((await entry(police)).labels.en, 'Binagadi district police department', 'nothing half-stored');
      const audit = await auditOf(police);
      assert.deepEqual(audit.map((a) => a.action), ['registry.added', 'registry.changed']);
      assert.ok(!audit[1]!.detail!.includes('Binagadi'), 'the audit says what changed, not what it says');
      assert.match(audit[1]!.detail!, /labels/);
    });

    it('refuses other roles, bad input, a taken code, a new code for a local act type, an unknown entry', async () => {
      const current = await entry(police);
      const same = { code: current.code, labels: current.labels, placeKind: current.placeKind, appealDays: null };
      assert.equal((await change(documenter, police, current.tag, same)).status, 403);
      assert.equal((await change(viewer, police, current.tag, same)).status, 403);
      assert.equal((await documenter.post(`/api/registry/${police}/retire`, { tag: current.tag })).status, 403);
      assert.equal((await change(admin, police, current.tag, { ...same, labels: { ...current.labels, en: '' } })).status, 400);
      assert.equal((await change(admin, police, current.tag, { ...same, placeKind: null })).status, 400, 'a place keeps a kind');
      assert.equal((await admin.post(`/api/registry/${police}`, { entry: same })).status, 400, 'an edit names its tag');
      const taken = await change(admin, police, current.tag, { ...same, code: 'binagadi-court' });
      assert.equal(taken.status, 409);
      assert.equal(await errorCode(taken), 'duplicate-code');
      const local = await add({ kind: 'act-type', code: '990301000000', labels: { en: 'Forced eviction', az: 'Məcburi evdən çıxarılma', ru: 'Принудительное выселение' } });
      const eviction = await entry(local);
      assert.equal((await change(admin, local, eviction.tag, { code: '990302000000', labels: eviction.labels, placeKind: null, appealDays: null })).status, 400, 'acts name a local type by its code');
      assert.equal((await change(admin, local, eviction.tag, { code: eviction.code, labels: { ...eviction.labels, en: 'Forced eviction from home' }, placeKind: null, appealDays: null })).status, 200);
      assert.equal((await change(admin, randomUUID(), current.tag, same)).status, 404);
      assert.equal((await change(admin, 'not-an-id', current.tag, same)).status, 404);
      assert.equal((await entry(police)).tag, current.tag, 'nothing refused was stored');
    });

    it('a retired entry stays on the records that name it, readable, until it is offered again', async () => {
      const current = await entry(court);
      const retired = await admin.post(`/api/registry/${court}/retire`, { tag: current.tag });
      assert.equal(retired.status, 200);
      assert.match((await entry(court)).retiredAt ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.equal((await entries(documenter)).filter((e) => e.id === court).length, 1, 'still listed, for the records that name it');
      assert.equal((await admin.post(`/api/registry/${court}/retire`, { tag: current.tag })).status, 409, 'from a stale read');
      // A record that names it can still be changed as it is.
      const place = await entry(police);
      await admin.post(`/api/registry/${police}/retire`, { tag: place.tag });
      const { record } = (await (await documenter.get(`/api/records/incident/${incident.id}`)).json()) as { record: { version: number; secret: unknown } };
      const kept = await documenter.post(`/api/records/incident/${incident.id}`, { version: record.version, record: { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [police], monitoringStatus: 'verifying', secret: record.secret } });
      assert.equal(kept.status, 200, await kept.clone().text());
      // A correction keeps it retired; restoring offers it again.
      const again = await entry(court);
      assert.equal((await change(admin, court, again.tag, { code: again.code, labels: { ...again.labels, en: 'Binagadi court' }, placeKind: 'court', appealDays: null })).status, 200);
      assert.ok((await entry(court)).retiredAt);
      assert.equal((await admin.post(`/api/registry/${court}/restore`, { tag: (await entry(court)).tag })).status, 200);
      assert.equal((await entry(court)).retiredAt, null);
      assert.deepEqual((await auditOf(court)).map((a) => a.action), ['registry.added', 'registry.retired', 'registry.changed', 'registry.restored']);
      // The retirement is not a label: exports and public pages read the three names only.
      assert.deepEqual(Object.keys((await entry(police)).labels).sort(), ['az', 'en', 'ru']);
    });

    it('the due-soon list names whom each item concerns: the person and the incident, by code', async () => {
      const provision = await add({ kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510', az: 'Maddə 510', ru: 'Статья 510' }, appealDays: 10 });
      const person = await createRecord(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'initials', reprisalRisk: 'unknown' }, { name: 'Orxan' });
      const act = await createRecord(documenter, 'act', { incidentId: incident.id, personId: person.id, typeCode: DETENTION, start: { date: today(), precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: police }, {});
      const detention = { status: 'held', heldAt: police, custodyStart: null, lawyerAccess: 'ngo', familyAccess: 'informed', legalProvisionId: provision, courtId: null, hearingDate: null, decision: 'detention', decisionDate: today(), fineAmount: null, detentionDays: 15, sentenceStart: null, releasedOn: null };
      assert.equal((await documenter.post(`/api/acts/${act.id}/detention`, { version: 0, detention })).status, 200);
      await createRecord(documenter, 'intervention', { incidentId: incident.id, personId: null, actId: null, type: 'un-appeal', onDay: null, status: 'planned', priority: 'urgent', dueOn: addDays(today(), 3) }, { parties: 'WGAD', notes: '' });
      type Due = { items: { kind: string; personId: string | null; personCode: string | null; incidentId: string | null; incidentCode: string | null }[] };
      const { items } = (await (await viewer.get('/api/board/due?days=30')).json()) as Due;
      const appeal = items.find((i) => i.kind === 'appeal')!;
      assert.deepEqual([appeal.personId, appeal.personCode, appeal.incidentId, appeal.incidentCode], [person.id, person.code, incident.id, incident.code]);
      const followUp = items.find((i) => i.kind === 'intervention')!;
      assert.deepEqual([followUp.personCode, followUp.incidentId, followUp.incidentCode], [null, incident.id, incident.code]);
    });
  });
}
