// A small, known set of records for the dashboard tests (API and browser), and the numbers the
// dashboard must show for it. Six acts of four people in two incidents:
//   A1 P1 I1 arrest       2026-11-02 place1  held, 15 days   unit1        1 source
//   A2 P1 I1 ill-treat.   2026-11-02 place1  —               unit1+unit2  3 sources
//   A3 P2 I1 detention    2026-11-04 place2  released, fine  —            2 sources
//   A4 P3 I2 threats      2026-11-10 —       —               —            0
//   A5 P3 I2 admin. det.  2026-11 (month) place2 transferred, 30 days —  0
//   A6 P4 I2 entrapment   unknown   place1  —               (no unit)    0
// I1 has 3 sources of its own, I2 none (an incident's sources count for each of its acts too).
import assert from 'node:assert/strict';
import type { LoggedIn } from './org.ts';
import { createRecord, type Made } from './records.ts';

export const TYPES = { arrest: '030101000000', detention: '030102000000', illTreatment: '020100000000', threats: '990101000000', adminDetention: '990209000000', entrapment: '990201000000' };

export interface Seeded {
  places: { place1: string; place2: string };
  units: { unit1: string; unit2: string };
  incidents: { i1: Made; i2: Made };
  persons: Made[];
  acts: Made[];
}

async function registry(admin: LoggedIn, kind: 'place' | 'unit', code: string, en: string): Promise<string> {
  const response = await admin.post('/api/registry', { kind, code, labels: { en, az: en, ru: en }, placeKind: kind === 'place' ? 'police' : null, appealDays: null });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

const dated = (date: string | null, precision: string) => ({ date, precision });
const noEnd = dated(null, 'unknown');

function detention(over: Record<string, unknown>) {
  return { status: 'held', heldAt: null, custodyStart: null, lawyerAccess: 'unknown', familyAccess: 'unknown', legalProvisionId: null, courtId: null, hearingDate: null, decision: 'pending', decisionDate: null, fineAmount: null, detentionDays: null, sentenceStart: null, releasedOn: null, ...over };
}

export async function seedDashboard(member: LoggedIn, admin: LoggedIn): Promise<Seeded> {
  const places = { place1: await registry(admin, 'place', 'dash-p1', 'Nasimi police'), place2: await registry(admin, 'place', 'dash-p2', 'Sabail court') };
  const units = { unit1: await registry(admin, 'unit', 'dash-u1', 'Vice squad'), unit2: await registry(admin, 'unit', 'dash-u2', 'District precinct') };
  const incident = (date: string) => createRecord(member, 'incident', { start: dated(date, 'day'), end: noEnd, placeIds: [], monitoringStatus: 'open' }, { title: 'Raid in Nasimi', description: 'secret words' });
  const incidents = { i1: await incident('2026-11-02'), i2: await incident('2026-11-10') };
  const persons: Made[] = [];
  for (let i = 0; i < 4; i++) persons.push(await createRecord(member, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' }, { name: `Person ${i + 1}` }));
  const specs: [number, Made, string, { date: string | null; precision: string }, string | null][] = [
    [0, incidents.i1, TYPES.arrest, dated('2026-11-02', 'day'), places.place1],
    [0, incidents.i1, TYPES.illTreatment, dated('2026-11-02', 'day'), places.place1],
    [1, incidents.i1, TYPES.detention, dated('2026-11-04', 'day'), places.place2],
    [2, incidents.i2, TYPES.threats, dated('2026-11-10', 'day'), null],
    [2, incidents.i2, TYPES.adminDetention, dated('2026-11', 'month'), places.place2],
    [3, incidents.i2, TYPES.entrapment, dated(null, 'unknown'), places.place1],
  ];
  const acts: Made[] = [];
  for (const [person, inc, typeCode, start, placeId] of specs) {
    acts.push(await createRecord(member, 'act', { incidentId: inc.id, personId: persons[person]!.id, typeCode, start, end: noEnd, placeId }, { statedReason: 'secret reason' }));
  }
  const detain = async (act: Made, over: Record<string, unknown>) => assert.equal((await member.post(`/api/acts/${act.id}/detention`, { version: 0, detention: detention(over) })).status, 200);
  await detain(acts[0]!, { status: 'held', decision: 'detention', detentionDays: 15 });
  await detain(acts[2]!, { status: 'released', releasedOn: '2026-11-05', decision: 'fine', fineAmount: 200 });
  await detain(acts[4]!, { status: 'transferred', decision: 'detention', detentionDays: 30 });
  const involve = (act: Made, unitId: string | null) => createRecord(member, 'involvement', { actId: act.id, unitId, perpetratorType: 'police', degree: 'perpetrator' }, { names: 'secret officer' });
  await involve(acts[0]!, units.unit1);
  await involve(acts[1]!, units.unit1);
  await involve(acts[1]!, units.unit2);
  await involve(acts[5]!, null);
  const source = (targetType: string, targetId: string) =>
    createRecord(member, 'source', { targetType, targetId, reportId: null, connection: 'victim', reliability: 'B', credibility: '2', sourceDate: null }, { description: 'secret source' });
  await source('act', acts[0]!.id);
  for (let i = 0; i < 3; i++) await source('act', acts[1]!.id);
  for (let i = 0; i < 2; i++) await source('act', acts[2]!.id);
  for (let i = 0; i < 3; i++) await source('incident', incidents.i1.id);
  return { places, units, incidents, persons, acts };
}
