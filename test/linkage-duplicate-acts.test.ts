// One arrest, one count (issue 11, migration 019): two records of one person each recorded the
// same arrest; after the merge the dashboard and the situation report count it once, the act the
// merged record brought is kept (marked duplicate_of the survivor's) and an undo counts it again.
// An act of another type, or of the same type far apart in time, is not a repeat.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { createRecord, type Made } from './support/records.ts';
import { TYPES } from './support/dashboard.ts';
import type { Dashboard } from '../src/core/dashboard/dashboard.ts';
import type { SituationNumbers } from '../src/core/documents/situation-numbers.ts';

const day = (date: string) => ({ date, precision: 'day' });
const noEnd = { date: null, precision: 'unknown' };
const person = { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'public', namePreference: 'anonymous', reprisalRisk: 'high' };

for (const backend of BACKENDS) {
  describe(`one arrest, one count on ${backend}`, () => {
    let server: TestServer;
    let documenter: LoggedIn;
    let coordinator: LoggedIn;
    let friendsRecord: Made;
    let lawyersRecord: Made;
    let repeatedArrest: Made;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      const admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      coordinator = await addMember(server, admin, 'coordinator', 'coord@example.org');
      const incident = await createRecord(documenter, 'incident', { start: day('2026-11-02'), end: noEnd, placeIds: [], monitoringStatus: 'open' }, { title: 'Round-up' });
      friendsRecord = await createRecord(documenter, 'person', person, { name: 'Гасанов Эльвин' });
      lawyersRecord = await createRecord(documenter, 'person', person, { name: 'Həsənov Elvin Rəşad oğlu' });
      const act = (who: Made, typeCode: string, date: string) =>
        createRecord(documenter, 'act', { incidentId: incident.id, personId: who.id, typeCode, start: day(date), end: noEnd, placeId: null }, {});
      const unit = (await (await admin.post('/api/registry', { kind: 'unit', code: 'vice', labels: { en: 'Vice squad', az: 'Vice squad', ru: 'Vice squad' }, placeKind: null, appealDays: null })).json()) as { id: string };
      const byUnit = (arrest: Made) => createRecord(documenter, 'involvement', { actId: arrest.id, unitId: unit.id, perpetratorType: 'police', degree: 'perpetrator' }, {});
      await byUnit(await act(friendsRecord, TYPES.arrest, '2026-11-02'));
      repeatedArrest = await act(lawyersRecord, TYPES.arrest, '2026-11-03'); // the same arrest, a day off
      await byUnit(repeatedArrest);
      await act(lawyersRecord, TYPES.illTreatment, '2026-11-03'); // something else
      await act(lawyersRecord, TYPES.arrest, '2026-11-20'); // arrested again, weeks later
    });
    after(async () => {
      await server?.close();
    });

    const counted = async () => {
      const dashboard = (await (await documenter.get('/api/dashboard')).json()) as Dashboard;
      const situation = (await (await coordinator.get('/api/situation')).json()) as SituationNumbers;
      // Each table of the dashboard sums to its acts: the repeat's involvement leaves with it.
      const byUnit = dashboard.byUnit.reduce((sum, cell) => sum + cell.count, 0);
      assert.equal(byUnit, dashboard.acts);
      const unit = dashboard.byUnit.find((cell) => cell.key !== 'none')?.count;
      return { dashboard: { acts: dashboard.acts, people: dashboard.people.documented, unit }, situation: { acts: situation.acts, people: situation.people.records } };
    };
    const version = async (id: string) => ((await (await documenter.get(`/api/records/person/${id}`)).json()) as { record: { version: number } }).record.version;
    const marks = async () => (await query(server, 'select id, duplicate_of from acts where duplicate_of is not null')).map((r) => [r.id, r.duplicate_of]);

    it('counts the arrest both records describe once after the merge, and twice again after the undo', async () => {
      assert.deepEqual(await counted(), { dashboard: { acts: 4, people: 2, unit: 2 }, situation: { acts: 4, people: 2 } });
      const merged = await documenter.post('/api/linkage/merges', { survivor: { id: friendsRecord.id, version: await version(friendsRecord.id) }, merged: { id: lawyersRecord.id, version: await version(lawyersRecord.id) } });
      assert.equal(merged.status, 201, await merged.clone().text());
      const { id } = (await merged.json()) as { id: string };
      assert.deepEqual(await counted(), { dashboard: { acts: 3, people: 1, unit: 1 }, situation: { acts: 3, people: 1 } });
      const [[repeat, original]] = (await marks()) as [[string, string]];
      assert.equal(repeat, repeatedArrest.id, 'only the repeated arrest is marked; the act is kept');
      assert.notEqual(original, repeatedArrest.id);

      assert.equal((await documenter.post(`/api/linkage/merges/${id}/undo`, {})).status, 200);
      assert.deepEqual(await counted(), { dashboard: { acts: 4, people: 2, unit: 2 }, situation: { acts: 4, people: 2 } });
      assert.deepEqual(await marks(), []);
    });
  });
}
