// Merging two records of one person (issue 11), through the API on SQLite and PostgreSQL: a merge
// moves the person's acts, sources, follow-up and evidence to the survivor, each as a new version;
// the audit says who merged what, by id; an undo moves back exactly those rows; a stale, unknown,
// self, repeated or "different people" merge and a viewer are refused and change nothing; every
// count of people (dashboard, situation report, export, held board, public counts) counts a
// merged person once, and twice again after the undo.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { createRecord, recordsKey, type Made } from './support/records.ts';
import { seedDashboard, type Seeded } from './support/dashboard.ts';
import { newRecordKey, sealFields } from '../src/core/records/sealing.ts';
import { sealAttachment } from '../src/core/evidence/attachment.ts';
import { encodeParts } from '../src/core/api/parts-frame.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';
import { CsvReader } from '../src/core/exports/csv.ts';
import type { Dashboard } from '../src/core/dashboard/dashboard.ts';
import type { SituationNumbers } from '../src/core/documents/situation-numbers.ts';
import type { DecisionsAnswer } from '../src/core/linkage/decisions.ts';

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

for (const backend of BACKENDS) {
  describe(`merging people on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let coordinator: LoggedIn;
    let viewer: LoggedIn;
    let seeded: Seeded;
    /** P1 survives; P2 (same incident, I1) is merged into it. */
    let p1: Made;
    let p2: Made;
    let p2Source: Made;
    let p2Intervention: Made;
    let p2Attachment: string;

    const json = async <T>(response: Response, status = 200): Promise<T> => {
      assert.equal(response.status, status, await response.clone().text());
      return (await response.json()) as T;
    };
    const version = async (type: string, id: string) => (await json<{ record: { version: number } }>(await documenter.get(`/api/records/${type}/${id}`))).record.version;
    const merge = async (survivor: Made, merged: Made, as = documenter) =>
      as.post('/api/linkage/merges', { survivor: { id: survivor.id, version: await version('person', survivor.id) }, merged: { id: merged.id, version: await version('person', merged.id) } });

    /** Everything a merge could change, as someone who seized the database would see it. */
    async function snapshot(): Promise<string> {
      const parts = await Promise.all([
        query(server, 'select id, version, merged_into from persons order by id'),
        query(server, 'select id, version, person_id from acts order by id'),
        query(server, 'select id, version, target_id from sources order by id'),
        query(server, 'select id, version, person_id from interventions order by id'),
        query(server, 'select id, owner_id from attachments order by id'),
        query(server, 'select count(*) as n from record_versions'),
        query(server, 'select count(*) as n from custody_log'),
        query(server, 'select id, undone_at from person_merges order by id'),
        query(server, 'select person_a, person_b from person_distinct order by person_a'),
        query(server, 'select seq from audit_head'),
      ]);
      return JSON.stringify(parts, (_k, v: unknown) => (typeof v === 'bigint' || typeof v === 'string' ? String(v) : v));
    }

    /** People as each count sees them. */
    async function peopleCounted() {
      const dashboard = await json<Dashboard>(await viewer.get('/api/dashboard'));
      const situation = await json<SituationNumbers>(await coordinator.get('/api/situation'));
      const csv = await (await viewer.get('/api/export?format=csv&fields=victim.code,act.code')).text();
      const reader = new CsvReader();
      const rows = [...reader.push(csv), ...[reader.end()].filter((r) => r !== null)] as string[][];
      const exported = new Set(rows.slice(1).map((r) => r[0])).size;
      const held = await json<{ held: { personId: string }[] }>(await viewer.get('/api/board/held'));
      return { dashboard: dashboard.people.documented, situation: situation.people.records, exported, acts: dashboard.acts, held: held.held.length };
    }

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      coordinator = await addMember(server, admin, 'coordinator', 'coord@example.org');
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      seeded = await seedDashboard(documenter, admin);
      [p1, p2] = seeded.persons as [Made, Made];
      p2Source = await createRecord(documenter, 'source', { targetType: 'person', targetId: p2.id, reportId: null, connection: 'victim', reliability: 'B', credibility: '2', sourceDate: null }, { description: 'told by a friend' });
      p2Intervention = await createRecord(documenter, 'intervention', { incidentId: null, personId: p2.id, actId: null, type: 'legal-aid', onDay: null, status: 'planned', priority: 'urgent', dueOn: null }, { notes: 'call the lawyer' });
      // P2 is also held now: two people on the board until they are found to be one.
      assert.equal((await documenter.post(`/api/acts/${seeded.acts[2]!.id}/detention`, { version: 1, detention: { status: 'held', heldAt: null, custodyStart: null, lawyerAccess: 'unknown', familyAccess: 'unknown', legalProvisionId: null, courtId: null, hearingDate: null, decision: 'pending', decisionDate: null, fineAmount: null, detentionDays: null, sentenceStart: null, releasedOn: null } })).status, 200);
      p2Attachment = randomUUID();
      const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
      const sealed = await sealAttachment(p2Attachment, { name: 'id-card.pdf', type: 'application/pdf', bytes: pdf }, null, await recordsKey(documenter));
      const frame = encodeParts({ id: p2Attachment, ownerType: 'person', ownerId: p2.id, keyId: sealed.keyId, size: pdf.length }, [sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt]);
      const uploaded = await fetch(`${server.url}/api/attachments`, { method: 'POST', headers: { cookie: documenter.cookie, 'content-type': 'application/vnd.vigil.attachment', [CSRF_HEADER]: '1' }, body: frame as BodyInit });
      assert.equal(uploaded.status, 201, await uploaded.text());
    });
    after(async () => {
      await server?.close();
    });

    it('refuses viewers, bad bodies, unknown, self, stale merges — and changes nothing', async () => {
      const before = await snapshot();
      const v1 = await version('person', p1.id);
      const v2 = await version('person', p2.id);
      assert.equal((await viewer.get('/api/linkage/decisions')).status, 403, 'viewers never see names, nor review them');
      assert.equal((await merge(p1, p2, viewer)).status, 403);
      assert.equal((await viewer.post('/api/linkage/distinct', { a: p1.id, b: p2.id })).status, 403);
      for (const body of [{}, { survivor: { id: p1.id, version: v1 } }, { survivor: { id: 'P-0001', version: v1 }, merged: { id: p2.id, version: v2 } }, { survivor: { id: p1.id, version: 0 }, merged: { id: p2.id, version: v2 } }, { survivor: { id: p1.id, version: '1' }, merged: { id: p2.id, version: v2 } }]) {
        const response = await documenter.post('/api/linkage/merges', body);
        assert.equal(response.status, 400, JSON.stringify(body));
      }
      const unknown = await documenter.post('/api/linkage/merges', { survivor: { id: p1.id, version: v1 }, merged: { id: randomUUID(), version: 1 } });
      assert.equal(unknown.status, 404);
      const self = await documenter.post('/api/linkage/merges', { survivor: { id: p1.id, version: v1 }, merged: { id: p1.id, version: v1 } });
      assert.equal(self.status, 400);
      assert.equal(await errorCode(self), 'same-record');
      const stale = await documenter.post('/api/linkage/merges', { survivor: { id: p1.id, version: v1 }, merged: { id: p2.id, version: v2 + 1 } });
      assert.equal(stale.status, 409);
      assert.equal(await errorCode(stale), 'edit-conflict');
      const notAPerson = await documenter.post('/api/linkage/merges', { survivor: { id: p1.id, version: v1 }, merged: { id: seeded.acts[0]!.id, version: 1 } });
      assert.equal(notAPerson.status, 404, 'an act is not a person');
      assert.equal((await documenter.post(`/api/linkage/merges/${randomUUID()}/undo`, {})).status, 404);
      assert.equal((await documenter.post('/api/linkage/merges/not-an-id/undo', {})).status, 404);
      assert.equal((await documenter.post('/api/linkage/distinct', { a: p1.id, b: p1.id })).status, 400);
      assert.equal((await documenter.post('/api/linkage/distinct', { a: p1.id, b: randomUUID() })).status, 404);
      assert.equal((await documenter.post('/api/linkage/distinct', { a: p1.id })).status, 400);
      assert.equal(await snapshot(), before, 'nothing stored by any refusal');
    });

    it('merges: the acts, sources, follow-up and evidence move to the survivor; counts count the person once; undo restores exactly', async () => {
      const counted = await peopleCounted();
      assert.deepEqual(counted, { dashboard: 4, situation: 4, exported: 4, acts: 6, held: 3 });
      const before = await snapshot();
      const [a1, , a3] = seeded.acts as [Made, Made, Made];
      const actVersion = await version('act', a3.id);
      const ownActVersion = await version('act', a1.id);

      const made = await json<{ id: string }>(await merge(p1, p2), 201);
      assert.deepEqual(await peopleCounted(), { dashboard: 3, situation: 3, exported: 3, acts: 6, held: 2 }, 'the merged pair is one person everywhere');

      // Everything that referred to P2 now refers to P1, each as a new version.
      const act = await json<{ record: { version: number; plain: { personId: string } }; history: { version: number; plain: Record<string, unknown>; secret: unknown }[] }>(await documenter.get(`/api/records/act/${a3.id}`));
      assert.equal(act.record.plain.personId, p1.id);
      assert.equal(act.record.version, actVersion + 1);
      assert.equal(act.history.at(-1)!.plain.person_id, p1.id);
      assert.ok(act.history.at(-1)!.secret, 'the sealed part is kept with the version, so the history compares it');
      const sources = await json<{ records: { id: string }[] }>(await documenter.get(`/api/records/source?targetId=${p1.id}`));
      assert.ok(sources.records.some((s) => s.id === p2Source.id));
      const interventions = await json<{ records: { id: string }[] }>(await documenter.get(`/api/records/intervention?personId=${p1.id}`));
      assert.deepEqual(interventions.records.map((i) => i.id), [p2Intervention.id]);
      const evidence = await json<{ attachments: { id: string }[] }>(await documenter.get(`/api/attachments?ownerId=${p1.id}`));
      assert.deepEqual(evidence.attachments.map((a) => a.id), [p2Attachment]);
      const custody = await json<{ entries: { action: string }[] }>(await documenter.get(`/api/attachments/${p2Attachment}/custody`));
      assert.deepEqual(custody.entries.map((e) => e.action), ['received', 'relinked']);
      assert.equal((await json<{ records: unknown[] }>(await documenter.get(`/api/records/act?personId=${p2.id}`))).records.length, 0);

      // The merged record stays as it was, marked; lists can leave it out.
      const merged = await json<{ record: { version: number; plain: { mergedInto: string | null } }; history: { plain: Record<string, unknown> }[] }>(await documenter.get(`/api/records/person/${p2.id}`));
      assert.equal(merged.record.plain.mergedInto, p1.id);
      assert.equal(merged.history.at(-1)!.plain.merged_into, p1.id);
      assert.equal((await json<{ record: { plain: { mergedInto: string | null } } }>(await documenter.get(`/api/records/person/${p1.id}`))).record.plain.mergedInto, null);
      const listed = await json<{ records: { id: string }[] }>(await viewer.get('/api/records/person?merged=exclude'));
      assert.deepEqual(listed.records.map((r) => r.id).sort(), seeded.persons.filter((p) => p.id !== p2.id).map((p) => p.id).sort());
      assert.equal((await viewer.get('/api/records/act?merged=exclude')).status, 400);
      assert.equal((await viewer.get('/api/records/person?merged=maybe')).status, 400);
      // As the pickers read it: a page at a time, the merged record on none of the pages.
      const paged: string[] = [];
      for (let before: number | null = null, pages = 0; pages === 0 || before; pages++) {
        const page: { records: { id: string }[]; next: number | null } = await json(await viewer.get(`/api/records/person?limit=1&merged=exclude${before ? `&before=${before}` : ''}`));
        paged.push(...page.records.map((r) => r.id));
        before = page.next;
      }
      assert.deepEqual(paged.sort(), listed.records.map((r) => r.id).sort());
      const all = await json<{ records: { id: string }[] }>(await viewer.get('/api/records/person?limit=1000&merged=include'));
      assert.ok(all.records.some((r) => r.id === p2.id), 'included when asked for');

      // An edit made from the version before the merge is refused.
      const stale = await documenter.post(`/api/records/act/${a3.id}`, { version: actVersion, record: { incidentId: seeded.incidents.i1.id, personId: p2.id, typeCode: '030102000000', start: { date: '2026-11-04', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: seeded.places.place2, secret: await sealFields(a3.key, 'act', a3.id, { statedReason: 'x' }) } });
      assert.equal(stale.status, 409);
      // Nothing new goes to the merged person: new records name the survivor.
      const lateId = randomUUID();
      const late = await documenter.post('/api/records/source', { id: lateId, record: { targetType: 'person', targetId: p2.id, reportId: null, connection: 'victim', reliability: 'B', credibility: '2', sourceDate: null, secret: await sealFields(await newRecordKey(await recordsKey(documenter)), 'source', lateId, { description: 'x' }) } });
      assert.equal(late.status, 409);
      assert.equal(await errorCode(late), 'already-merged');

      // The audit says who merged which records, and nothing else.
      const [entry] = await query<{ actor: string; object: string; detail: string }>(server, "select actor, object, detail from audit_log where action = 'person.merged'");
      assert.equal(entry!.actor, documenter.login.member.id);
      assert.equal(entry!.object, made.id);
      assert.deepEqual(JSON.parse(entry!.detail), { survivor: p1.id, merged: p2.id, acts: 1, sources: 1, interventions: 1, attachments: 1 });

      const decisions = await json<DecisionsAnswer>(await documenter.get('/api/linkage/decisions'));
      assert.deepEqual(decisions.merges.map((m) => ({ ...m, createdAt: typeof m.createdAt })), [
        { id: made.id, survivorId: p1.id, mergedId: p2.id, survivorCode: p1.code, mergedCode: p2.code, createdAt: 'string', createdBy: 'doc@example.org', undone: false },
      ]);

      // Once merged, neither again; an undo by anyone who reviews.
      const standing = await snapshot();
      const again = await merge(p1, p2);
      assert.equal(again.status, 409);
      assert.equal(await errorCode(again), 'already-merged');
      assert.equal((await merge(seeded.persons[2]!, p2)).status, 409);
      const purge = await admin.post(`/api/records/person/${p2.id}/purge`, { confirm: p2.code });
      assert.equal(purge.status, 409, 'a person in a standing merge is purged after its undo');
      assert.equal(await snapshot(), standing, 'nothing stored by those refusals');

      const undone = await json<{ restored: number; leftAlone: number }>(await coordinator.post(`/api/linkage/merges/${made.id}/undo`, {}));
      assert.deepEqual({ restored: undone.restored, leftAlone: undone.leftAlone }, { restored: 4, leftAlone: 0 });
      assert.deepEqual(await peopleCounted(), counted, 'two people again everywhere');
      const restored = await snapshot();
      const rows = (s: string) => (JSON.parse(s) as unknown[][]).slice(0, 5).map((table) => (table as Record<string, unknown>[]).map(({ version: _, ...rest }) => rest));
      assert.deepEqual(rows(restored), rows(before), 'every row refers to whom it referred before');
      assert.equal(await version('act', a1.id), ownActVersion, 'the survivor’s own acts were never touched');
      assert.equal((await json<{ record: { plain: { mergedInto: string | null } } }>(await documenter.get(`/api/records/person/${p2.id}`))).record.plain.mergedInto, null);
      const [undoEntry] = await query<{ actor: string; object: string; detail: string }>(server, "select actor, object, detail from audit_log where action = 'person.merge-undone'");
      assert.equal(undoEntry!.actor, coordinator.login.member.id);
      assert.deepEqual(JSON.parse(undoEntry!.detail), { survivor: p1.id, merged: p2.id, restored: 4, leftAlone: 0 });

      const twice = await coordinator.post(`/api/linkage/merges/${made.id}/undo`, {});
      assert.equal(twice.status, 409);
      assert.equal(await errorCode(twice), 'merge-undone');
      assert.equal((await json<DecisionsAnswer>(await documenter.get('/api/linkage/decisions'))).merges[0]!.undone, true);
    });

    it('undoes a chain only from its end, and leaves alone what was moved on since', async () => {
      const [, , p3, p4] = seeded.persons as Made[];
      const first = await json<{ id: string }>(await merge(p3!, p4!), 201);
      const second = await json<{ id: string }>(await merge(p1, p3!), 201);
      assert.equal((await peopleCounted()).dashboard, 2, 'P1, P3 and P4 are one person; P2 another');
      const blocked = await documenter.post(`/api/linkage/merges/${first.id}/undo`, {});
      assert.equal(blocked.status, 409);
      assert.equal(await errorCode(blocked), 'merged-since');
      assert.equal((await documenter.post(`/api/linkage/merges/${second.id}/undo`, {})).status, 200);
      // After the merge, a member moved one of P4's former acts to P2 by hand: the undo leaves it there.
      const a6 = seeded.acts[5]!;
      const current = await json<{ record: { version: number; plain: Record<string, unknown> } }>(await documenter.get(`/api/records/act/${a6.id}`));
      assert.equal(current.record.plain.personId, p3!.id);
      const moved = await documenter.post(`/api/records/act/${a6.id}`, {
        version: current.record.version,
        record: { incidentId: seeded.incidents.i2.id, personId: p2.id, typeCode: current.record.plain.typeCode, start: { date: null, precision: 'unknown' }, end: { date: null, precision: 'unknown' }, placeId: seeded.places.place1, secret: await sealFields(a6.key, 'act', a6.id, { statedReason: 'x' }) },
      });
      assert.equal(moved.status, 200, await moved.text());
      const undone = await json<{ restored: number; leftAlone: number }>(await documenter.post(`/api/linkage/merges/${first.id}/undo`, {}));
      assert.deepEqual(undone, { id: first.id, restored: 0, leftAlone: 1 });
      assert.equal((await json<{ record: { plain: { personId: string } } }>(await documenter.get(`/api/records/act/${a6.id}`))).record.plain.personId, p2.id);
    });

    it('remembers "different people" once, refuses to merge them (even through a merge), and forgets on request', async () => {
      const [, , p3, p4] = seeded.persons as Made[];
      assert.equal((await documenter.post('/api/linkage/distinct', { a: p4!.id, b: p3!.id })).status, 201);
      const before = await snapshot();
      assert.equal((await documenter.post('/api/linkage/distinct', { a: p3!.id, b: p4!.id })).status, 200, 'the same pair either way round');
      assert.equal(await snapshot(), before, 'no second row, no second audit entry');
      const decisions = await json<DecisionsAnswer>(await coordinator.get('/api/linkage/decisions'));
      assert.deepEqual(decisions.distinct, [p3!.id < p4!.id ? { a: p3!.id, b: p4!.id } : { a: p4!.id, b: p3!.id }]);
      const refused = await merge(p3!, p4!);
      assert.equal(refused.status, 409);
      assert.equal(await errorCode(refused), 'different-people');
      assert.equal(await snapshot(), before, 'nothing stored by the refusal');
      // P4 merged into P1: P1 now stands for P4 too, so P3 cannot be merged into P1 either.
      const m = await json<{ id: string }>(await merge(p1, p4!), 201);
      assert.equal((await merge(p1, p3!)).status, 409);
      assert.equal((await documenter.post(`/api/linkage/merges/${m.id}/undo`, {})).status, 200);
      assert.equal((await documenter.post('/api/linkage/distinct/forget', { a: p3!.id, b: p4!.id })).status, 204);
      assert.deepEqual((await json<DecisionsAnswer>(await coordinator.get('/api/linkage/decisions'))).distinct, []);
      const actions = (await query<{ action: string }>(server, "select action from audit_log where action like 'person.%distinct%' order by seq")).map((r) => r.action);
      assert.deepEqual(actions, ['person.marked-distinct', 'person.distinct-forgotten']);
    });

    it('two members merging one pair opposite ways round at once: one merge, the other refused, never a server error', async () => {
      // Not to be shared: these people stay out of the public counts the next test reads.
      const person = () => createRecord(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' }, { name: 'x' });
      const actPlain = (who: Made) => ({ incidentId: seeded.incidents.i1.id, personId: who.id, typeCode: '990201000000', start: { date: '2026-11-02', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null });
      const answers: number[] = [];
      const pairs: [Made, Made][] = [];
      for (let round = 0; round < 10; round++) {
        const [a, b] = [await person(), await person()];
        pairs.push([a, b]);
        await createRecord(documenter, 'act', actPlain(a), { statedReason: 'x' });
        const bAct = await createRecord(documenter, 'act', actPlain(b), { statedReason: 'x' });
        const versions = { a: { id: a.id, version: 1 }, b: { id: b.id, version: 1 } };
        // Both ways round, and an edit of an act a merge moves, all at once.
        const [ab, ba, edit] = await Promise.all([
          documenter.post('/api/linkage/merges', { survivor: versions.a, merged: versions.b }),
          coordinator.post('/api/linkage/merges', { survivor: versions.b, merged: versions.a }),
          coordinator.post(`/api/records/act/${bAct.id}`, { version: 1, record: { ...actPlain(b), secret: await sealFields(bAct.key, 'act', bAct.id, { statedReason: 'y' }) } }),
        ]);
        answers.push(ab.status, ba.status, edit.status);
        assert.deepEqual([ab.status, ba.status].sort(), [201, 409], `round ${round}: one merge made, the other refused`);
        assert.ok([200, 409].includes(edit.status), `round ${round}: the edit ${edit.status}`);
      }
      assert.ok(answers.every((status) => status < 500), String(answers));

      // The database agrees with itself: each pair merged once, one way, everything moved with it.
      const ids = pairs.flat().map((p) => `'${p.id}'`).join(',');
      const standing = await query<{ merged_id: string; survivor_id: string }>(server, `select merged_id, survivor_id from person_merges where undone_at is null and merged_id in (${ids}) order by merged_id`);
      const marked = await query<{ id: string; merged_into: string }>(server, `select id, merged_into from persons where merged_into is not null and id in (${ids}) order by id`);
      assert.equal(standing.length, pairs.length);
      assert.deepEqual(marked.map((p) => [p.id, p.merged_into]), standing.map((m) => [m.merged_id, m.survivor_id]));
      assert.deepEqual(await query(server, `select acts.id from acts join persons on persons.id = acts.person_id where persons.merged_into is not null and persons.id in (${ids})`), [], 'no act left with a merged record');
      const unversioned = await query(server, `select acts.id from acts where acts.person_id in (${ids}) and acts.version <> (select max(v.version) from record_versions v where v.record_type = 'act' and v.record_id = acts.id)`);
      assert.deepEqual(unversioned, [], 'every act’s version is in its history');
    });

    it('shares a merged person only as the most careful of their records’ consents allows, and names them in documents under every spelling', async () => {
      const person = (consentSharing: string, namePreference: string, name: string) =>
        createRecord(documenter, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing, namePreference, reprisalRisk: 'high' }, { name });
      const consenting = await person('public', 'name', 'Elvin Hasanov');
      const refusing = await person('none', 'anonymous', 'Гасанов Эльвин');
      const act = (who: Made, day: string) =>
        createRecord(documenter, 'act', { incidentId: seeded.incidents.i1.id, personId: who.id, typeCode: '990201000000', start: { date: day, precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null }, { statedReason: 'x' });
      for (const day of ['2026-11-02', '2026-11-03', '2026-11-04']) await act(consenting, day);
      await act(refusing, '2026-11-02');
      /** The public total, freshly counted (saving the settings drops the minute's cache). */
      const publicTotal = async () => {
        assert.equal((await admin.post('/api/transparency', { enabled: true, k: 3 })).status, 204);
        return (await json<{ total: number | null }>(await fetch(`${server.url}/counts.json`))).total;
      };
      const publicAccounts = async () => (await json<SituationNumbers>(await coordinator.get('/api/situation'))).publicAccounts.map((a) => a.personId);
      const named = async () => {
        const csv = await (await documenter.get('/api/export?format=csv&fields=victim.code,victim.name')).text();
        const reader = new CsvReader();
        const rows = [...reader.push(csv), ...[reader.end()].filter((r) => r !== null)] as string[][];
        return rows.slice(1).filter((r) => r[0] === consenting.code && r.at(-1)).length;
      };
      assert.deepEqual([await publicTotal(), await publicAccounts(), await named()], [3, [consenting.id], 3]);

      const made = await json<{ id: string }>(await merge(consenting, refusing), 201);
      assert.deepEqual([await publicTotal(), await publicAccounts(), await named()], [0, [], 0], 'one of their records said "not to be shared"');
      const bundle = await json<{ people: { id: string; plain: { consentSharing: string; namePreference: string } }[]; others: { id: string }[] }>(await coordinator.get(`/api/documents/people?ids=${consenting.id}`));
      assert.deepEqual(bundle.people.map((p) => [p.id, p.plain.consentSharing, p.plain.namePreference]), [[consenting.id, 'none', 'anonymous']]);
      assert.ok(bundle.others.some((o) => o.id === refusing.id), 'the other spelling is kept out of narratives too');
      const asked = await coordinator.get(`/api/documents/people?ids=${refusing.id}`);
      assert.equal(asked.status, 409);
      assert.equal(await errorCode(asked), 'already-merged');

      // An edit of the merged record keeps it merged, and its history says so.
      const current = await json<{ record: { version: number } }>(await documenter.get(`/api/records/person/${refusing.id}`));
      const edited = await documenter.post(`/api/records/person/${refusing.id}`, {
        version: current.record.version,
        record: { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high', secret: await sealFields(refusing.key, 'person', refusing.id, { name: 'Гасанов Эльвин' }) },
      });
      assert.equal(edited.status, 200, await edited.text());
      const history = (await json<{ record: { plain: { mergedInto: string | null } }; history: { plain: Record<string, unknown> }[] }>(await documenter.get(`/api/records/person/${refusing.id}`)));
      assert.equal(history.record.plain.mergedInto, consenting.id);
      assert.deepEqual(history.history.map((v) => v.plain.merged_into ?? null), [null, consenting.id, consenting.id]);

      assert.equal((await documenter.post(`/api/linkage/merges/${made.id}/undo`, {})).status, 200);
      assert.deepEqual([await publicTotal(), await publicAccounts(), await named()], [3, [consenting.id], 3]);
    });
  });
}
