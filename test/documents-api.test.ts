// Situation numbers through the API, on SQLite and PostgreSQL: computed from the records as they
// stood at a moment (a release or a transfer recorded later does not change an earlier report),
// filtered by dates and incidents; who may ask; bad input refused in the user's language; the
// people bundle for a UN communication; audit entries without content; "Mark as sent" stores a
// follow-up per person whole or not at all, and never a second one for the same communication.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { organizationWithTeam, type LoggedIn } from './support/org.ts';
import { createRecord, sealedRecord, type Made } from './support/records.ts';
import { appealFollowUp } from '../src/core/documents/appeal-sent.ts';
import type { CommunicationKind } from '../src/core/documents/un-communication.ts';
import { today } from '../src/core/records/custody.ts';
import type { SituationNumbers } from '../src/core/documents/situation-numbers.ts';

const DETENTION = '030102000000';
const ENTRAPMENT = '990201000000';
const EXAMINATION = '990202000000';
const day = (date: string) => ({ date, precision: 'day' });
const unknown = { date: null, precision: 'unknown' };

for (const backend of BACKENDS) {
  describe(`situation numbers on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    const place: Record<string, string> = {};
    let unit: string;
    let first: Made; // an incident on 1 November
    let second: Made; // one on 20 November, recorded later
    const people: Record<string, Made> = {};
    const acts: Record<string, Made> = {};
    let beforeAnything: string;
    let atFirst: string;
    let atSecond: string;

    const situation = async (member: LoggedIn, query: string) => {
      const response = await member.get(`/api/situation?${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as SituationNumbers;
    };

    before(async () => {
      server = await startTestServer(backend);
      ({ admin, coordinator, documenter, viewer } = await organizationWithTeam(server));
      const add = async (entry: Record<string, unknown>) => {
        const response = await admin.post('/api/registry', { placeKind: null, appealDays: null, ...entry });
        assert.equal(response.status, 201);
        return ((await response.json()) as { id: string }).id;
      };
      place.binagadi = await add({ kind: 'place', code: 'binagadi', labels: { en: 'Binagadi police', az: 'Binəqədi polisi', ru: 'Полиция Бинагади' }, placeKind: 'police' });
      place.centre = await add({ kind: 'place', code: 'centre', labels: { en: 'Detention centre', az: 'Saxlama yeri', ru: 'Изолятор' }, placeKind: 'detention-centre' });
      place.dispensary = await add({ kind: 'place', code: 'dispensary', labels: { en: 'Dispensary', az: 'Dispanser', ru: 'Диспансер' }, placeKind: 'dispensary' });
      unit = await add({ kind: 'unit', code: 'binagadi-unit', labels: { en: 'Binagadi police', az: 'Binəqədi polisi', ru: 'Полиция Бинагади' } });
    });
    after(async () => {
      await server?.close();
    });

    it('records a wave: four people (one a group of three), detentions, a sentence, a perpetrator unit', async () => {
      beforeAnything = new Date().toISOString();
      await sleep(5);
      first = await createRecord(documenter, 'incident', { start: day('2026-11-01'), end: unknown, placeIds: [place.binagadi], monitoringStatus: 'open' }, { title: 'Hotel arrests' });
      const person = (key: string, consentSharing: string, group: number | null = null) =>
        createRecord(documenter, 'person', { countingUnit: group ? 'group' : 'individual', groupSize: group, ageRange: '18-25', consentSharing, namePreference: 'initials', reprisalRisk: 'high' }, { name: `Person ${key}` }).then((m) => (people[key] = m));
      await person('a', 'public');
      await person('b', 'un');
      await person('c', 'none');
      await person('g', 'public', 3);
      const act = (key: string, personKey: string, typeCode: string, start: object, placeId: string | null, incident = first) =>
        createRecord(documenter, 'act', { incidentId: incident.id, personId: people[personKey]!.id, typeCode, start, end: unknown, placeId }, {}).then((m) => (acts[key] = m));
      await act('a', 'a', DETENTION, day('2026-11-01'), place.binagadi!);
      await act('b', 'b', DETENTION, day('2026-11-01'), place.binagadi!);
      await act('c', 'c', ENTRAPMENT, { date: '2026-10', precision: 'month' }, null);
      await act('g', 'g', EXAMINATION, day('2026-11-02'), place.dispensary!);
      const held = { status: 'held', heldAt: place.binagadi, custodyStart: null, lawyerAccess: 'none', familyAccess: 'unknown', legalProvisionId: null, courtId: null, hearingDate: null, decision: 'pending', decisionDate: null, fineAmount: null, detentionDays: null, sentenceStart: null, releasedOn: null };
      assert.equal((await documenter.post(`/api/acts/${acts.a!.id}/detention`, { version: 0, detention: held })).status, 200);
      assert.equal((await documenter.post(`/api/acts/${acts.b!.id}/detention`, { version: 0, detention: { ...held, decision: 'detention', decisionDate: '2026-11-02', detentionDays: 30 } })).status, 200);
      await createRecord(documenter, 'involvement', { actId: acts.a!.id, unitId: unit, perpetratorType: 'police', degree: 'perpetrator' }, { officers: 'Captain X' });
      await createRecord(documenter, 'involvement', { actId: acts.g!.id, unitId: null, perpetratorType: 'medical', degree: 'complicity' }, {});
      atFirst = new Date().toISOString();
      await sleep(5);

      // Later: A is released, B moved to the detention centre, a second incident recorded.
      assert.equal((await documenter.post(`/api/acts/${acts.a!.id}/detention`, { version: 1, detention: { ...held, status: 'released', releasedOn: '2026-11-03' } })).status, 200);
      assert.equal((await documenter.post(`/api/acts/${acts.b!.id}/transfers`, { fromPlaceId: null, toPlaceId: place.centre, onDay: '2026-11-03' })).status, 204);
      second = await createRecord(documenter, 'incident', { start: day('2026-11-20'), end: unknown, placeIds: [], monitoringStatus: 'open' }, { title: 'Raid' });
      await person('d', 'un');
      await act('d', 'd', DETENTION, day('2026-11-20'), place.binagadi!, second);
      assert.equal((await documenter.post(`/api/acts/${acts.d!.id}/detention`, { version: 0, detention: held })).status, 200);
      await sleep(5);
      atSecond = new Date().toISOString();
    });

    it('counts what was known at the first moment', async () => {
      const n = await situation(coordinator, `asOf=${encodeURIComponent(atFirst)}`);
      assert.equal(n.format, 'vigil/situation-numbers/v1');
      assert.equal(n.organization.name, 'Test defenders');
      assert.equal(n.acts, 4);
      assert.equal(n.incidents, 1);
      assert.deepEqual(n.people, { records: 4, individuals: 6 }, 'a group of three counts as three people');
      assert.deepEqual(n.period, { first: '2026-10', last: '2026-11-02' });
      assert.deepEqual(n.custody, { detentions: 2, held: 2, released: 0, sentenced: 1, fined: 0, sentenceDays: [{ days: 30, people: 1 }] });
      assert.deepEqual(n.heldByPlace, [{ placeId: place.binagadi, people: 2 }]);
      assert.deepEqual(n.byActType.find((r) => r.code === DETENTION), { code: DETENTION, acts: 2, people: 2 });
      assert.deepEqual(n.byActType.find((r) => r.code === EXAMINATION), { code: EXAMINATION, acts: 1, people: 3 });
      assert.deepEqual(n.byPlace.find((r) => r.placeId === null), { placeId: null, acts: 1, people: 1 });
      assert.deepEqual(
        n.byUnit.sort((a, b) => a.perpetratorType.localeCompare(b.perpetratorType)),
        [
          { unitId: null, perpetratorType: 'medical', acts: 1, people: 3 },
          { unitId: unit, perpetratorType: 'police', acts: 1, people: 1 },
        ],
      );
      assert.deepEqual(n.publicAccounts.map((p) => p.personId).sort(), [people.a!.id, people.g!.id].sort(), 'only people who consented to public use');
    });

    it('counts the release, the transfer and the new incident at the second moment, and nothing before the first record', async () => {
      const n = await situation(admin, `asOf=${encodeURIComponent(atSecond)}`);
      assert.equal(n.acts, 5);
      assert.equal(n.incidents, 2);
      assert.deepEqual({ held: n.custody.held, released: n.custody.released, detentions: n.custody.detentions }, { held: 2, released: 1, detentions: 3 });
      assert.deepEqual(
        n.heldByPlace.sort((a, b) => String(a.placeId).localeCompare(String(b.placeId))),
        [
          { placeId: place.binagadi, people: 1 },
          { placeId: place.centre, people: 1 },
        ].sort((a, b) => String(a.placeId).localeCompare(String(b.placeId))),
        'B was moved to the centre; D is held in Binagadi',
      );
      assert.equal((await situation(admin, '')).acts, 5, 'no moment means now');
      const empty = await situation(admin, `asOf=${encodeURIComponent(beforeAnything)}`);
      assert.deepEqual([empty.acts, empty.people.individuals, empty.custody.held], [0, 0, 0]);
      // A day means the end of that day.
      assert.equal((await situation(admin, `asOf=${atSecond.slice(0, 10)}`)).acts, 5);
    });

    it('filters by date range and by incident', async () => {
      const at = `asOf=${encodeURIComponent(atSecond)}`;
      const november = await situation(coordinator, `${at}&from=2026-11-01&to=2026-11-10`);
      assert.equal(november.acts, 3, 'the October entrapment and the 20 November raid are outside');
      assert.equal((await situation(coordinator, `${at}&from=2026-10-15&to=2026-10-20`)).acts, 1, 'a month-precise date falls in any range overlapping its month');
      const raid = await situation(coordinator, `${at}&incident=${second.id}`);
      assert.deepEqual([raid.acts, raid.custody.held, raid.incidentIds.length], [1, 1, 1]);
      assert.equal((await situation(coordinator, `${at}&incident=${first.id},${second.id}`)).acts, 5);
    });

    it('refuses bad input with 400 in the user language, and roles that do not make documents', async () => {
      const ask = (query: string, language = 'ru') => fetch(`${server.url}/api/situation?${query}`, { headers: { cookie: coordinator.cookie, 'accept-language': language } });
      for (const query of ['asOf=yesterday', 'asOf=2026-02-30', 'from=2026-11-10&to=2026-11-01', 'incident=not-an-id', 'from=2026-13-01']) {
        const response = await ask(query);
        assert.equal(response.status, 400, query);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        assert.match(error.message, /[а-я]/, `${query}: the message is in Russian`);
      }
      const azerbaijani = await ask('asOf=x', 'az');
      assert.equal(azerbaijani.status, 400);
      assert.match(((await azerbaijani.json()) as { error: { message: string } }).error.message, /[əğışçöü]/i);
      const missing = await ask(`incident=00000000-0000-4000-8000-000000000000`, 'en');
      assert.equal(missing.status, 400);
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'unknown-reference');
      assert.equal((await viewer.get('/api/situation')).status, 403);
      assert.equal((await documenter.get('/api/situation')).status, 403);
    });

    it('hands a coordinator the records of chosen people, with the other people of their incidents', async () => {
      const response = await coordinator.get(`/api/documents/people?ids=${people.b!.id}`);
      assert.equal(response.status, 200);
      const bundle = (await response.json()) as { people: { id: string; plain: { consentSharing: string } }[]; acts: { id: string }[]; detentions: { actId: string; heldAt: string }[]; transfers: unknown[]; others: { id: string }[]; incidents: { id: string }[] };
      assert.deepEqual(bundle.people.map((p) => p.id), [people.b!.id]);
      assert.equal(bundle.people[0]!.plain.consentSharing, 'un');
      assert.deepEqual(bundle.acts.map((a) => a.id), [acts.b!.id]);
      assert.equal(bundle.detentions[0]!.heldAt, place.centre);
      assert.equal(bundle.transfers.length, 1);
      assert.deepEqual(bundle.incidents.map((i) => i.id), [first.id]);
      assert.deepEqual(bundle.others.map((o) => o.id).sort(), [people.a!.id, people.c!.id, people.g!.id].sort());
      assert.equal((await coordinator.get(`/api/documents/people?ids=00000000-0000-4000-8000-000000000000`)).status, 400);
      assert.equal((await coordinator.get(`/api/documents/people?ids=x`)).status, 400);
      assert.equal((await documenter.get(`/api/documents/people?ids=${people.b!.id}`)).status, 403);
    });

    it('audits that a document was made or sent, without its content', async () => {
      assert.equal((await coordinator.post('/api/documents/audit', { document: 'un-communication', event: 'sent', format: null, people: 2 })).status, 204);
      assert.equal((await coordinator.post('/api/documents/audit', { document: 'situation-report', event: 'generated', format: 'pdf', people: null })).status, 204);
      assert.equal((await coordinator.post('/api/documents/audit', { document: 'novel', event: 'generated', format: 'pdf', people: null })).status, 400);
      const { entries } = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; detail: Record<string, unknown> | null }[] };
      const documents = entries.filter((e) => e.action.startsWith('document.'));
      assert.deepEqual(
        documents.map((e) => [e.action, e.detail]).sort(),
        [
          ['document.generated', { document: 'situation-report', format: 'pdf', people: null }],
          ['document.sent', { document: 'un-communication', format: null, people: 2 }],
        ].sort(),
      );
    });

    it('marks a UN communication as sent once: a follow-up per person, all or none, and a second press adds nothing', async () => {
      const day = today();
      const followUps = (kind: CommunicationKind, who: Made[], change: Record<string, unknown> = {}) =>
        Promise.all(who.map(async (p) => sealedRecord(coordinator, 'intervention', { ...appealFollowUp(kind, day, p.id, first.id), ...change }, { parties: 'WGAD', notes: 'sent' }).then(({ id, record }) => ({ id, record }))));
      const send = async (member: LoggedIn, kind: CommunicationKind, who: Made[], change: Record<string, unknown> = {}) =>
        member.post('/api/documents/appeal-sent', { kind, day, followUps: await followUps(kind, who, change) });
      const sent = async (kind: CommunicationKind, who: Made[]) => {
        const response = await send(coordinator, kind, who);
        assert.equal(response.status, 200, await response.clone().text());
        return (await response.json()) as { recorded: number; already: number };
      };
      const appeals = async (who: Made) =>
        ((await (await coordinator.get(`/api/records/intervention?personId=${who.id}`)).json()) as { records: { plain: Record<string, unknown> }[] }).records.filter((r) => r.plain.type === 'un-appeal');
      const b = people.b!;
      const d = people.d!;

      assert.deepEqual(await sent('urgent-appeal', [b, d]), { recorded: 2, already: 0 });
      assert.deepEqual(await sent('urgent-appeal', [b, d]), { recorded: 0, already: 2 }, 'the same appeal, people and day: nothing new');
      for (const who of [b, d]) assert.deepEqual((await appeals(who)).map((r) => [r.plain.priority, r.plain.dueOn]), [['urgent', appealFollowUp('urgent-appeal', day, who.id, null).dueOn]]);

      // Two presses at the same moment: one follow-up, whichever comes first.
      const a = people.a!;
      const both = await Promise.all([send(coordinator, 'allegation-letter', [a]), send(admin, 'allegation-letter', [a])]);
      assert.deepEqual(both.map((r) => r.status), [200, 200]);
      const recorded = await Promise.all(both.map(async (r) => ((await r.json()) as { recorded: number }).recorded));
      assert.equal(recorded[0]! + recorded[1]!, 1);
      assert.equal((await appeals(a)).length, 1);
      // A new person with people already done: only the new one gets a follow-up.
      assert.deepEqual(await sent('allegation-letter', [a, b]), { recorded: 1, already: 1 });
      assert.equal((await appeals(b)).length, 2, 'an allegation letter is another communication than the urgent appeal');

      // Anything but the follow-up "Mark as sent" makes, a person twice, or an unknown person: 400, nothing stored.
      const g = people.g!;
      for (const [what, response] of [
        ['another due day', await send(coordinator, 'urgent-appeal', [g], { dueOn: day })],
        ['another type', await send(coordinator, 'urgent-appeal', [g], { type: 'lawyer-visit' })],
        ['another priority', await send(coordinator, 'urgent-appeal', [g], { priority: 'normal' })],
        ['a person twice', await send(coordinator, 'urgent-appeal', [g, g])],
        ['no one', await coordinator.post('/api/documents/appeal-sent', { kind: 'urgent-appeal', day, followUps: [] })],
        ['an unknown person', await send(coordinator, 'urgent-appeal', [g, { ...g, id: '00000000-0000-4000-8000-000000000000' }])],
      ] as const) {
        assert.equal(response.status, 400, what);
      }
      assert.equal((await appeals(g)).length, 0, 'nothing half-stored');
      assert.equal((await send(documenter, 'urgent-appeal', [g])).status, 403);

      const { entries } = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; detail: Record<string, unknown> | null }[] };
      // One entry per press that recorded something (the first, by hand, is the audit test's): how many people, nothing more.
      const sentEntries = entries.filter((e) => e.action === 'document.sent');
      assert.deepEqual(sentEntries.map((e) => e.detail!.people).sort(), [1, 1, 2, 2]);
      for (const e of sentEntries) assert.deepEqual(Object.keys(e.detail!).sort(), ['document', 'format', 'people']);
    });
  });
}
