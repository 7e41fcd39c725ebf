// Two organizations that share records: org A's records (made as the workspace makes them), and
// the bundle functions driven from Node exactly as the browser drives them.
import assert from 'node:assert/strict';
import { collectBundle, type ApiGet } from '../../src/core/bundle/collect.ts';
import { formatPartnerKey, parsePartnerKey } from '../../src/core/bundle/partner-key.ts';
import { planImport } from '../../src/core/bundle/plan.ts';
import { openBundle, sealBundle } from '../../src/core/bundle/envelope.ts';
import { countsOf } from '../../src/core/bundle/document.ts';
import { createRecord, recordsKey, type Made } from './records.ts';
import type { LoggedIn } from './org.ts';

export const DETENTION = '030102000000';
export const EVICTION = '990301000000';

/** GET as JSON; null for 404 (the shape collectBundle expects). */
export const apiGet =
  (member: LoggedIn): ApiGet =>
  async (path) => {
    const response = await member.get(path);
    if (response.status === 404) return null;
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return response.json();
  };

export interface Seeded {
  incident: Made;
  consenting: Made;
  withheld: Made;
  detention: Made;
  eviction: Made;
  involvement: Made;
  source: Made;
  personSource: Made;
}

/** Org A: one incident, a person who agreed to sharing (detained, transferred, sentenced) and one who did not. */
export async function seedOrganization(admin: LoggedIn): Promise<Seeded> {
  const ids: Record<string, string> = {};
  const add = async (entry: Record<string, unknown>) => {
    const response = await admin.post('/api/registry', { placeKind: null, appealDays: null, ...entry });
    assert.equal(response.status, 201);
    ids[entry.code as string] = ((await response.json()) as { id: string }).id;
  };
  await add({ kind: 'place', code: 'binagadi-police', labels: { en: 'Binagadi district police department', az: 'Binəqədi rayon polis idarəsi', ru: 'Бинагадинское РУП' }, placeKind: 'police' });
  await add({ kind: 'place', code: 'binagadi-court', labels: { en: 'Binagadi district court', az: 'Binəqədi rayon məhkəməsi', ru: 'Бинагадинский районный суд' }, placeKind: 'court' });
  await add({ kind: 'place', code: 'umbaki', labels: { en: 'Umbaki detention centre', az: 'Umbakı saxlama mərkəzi', ru: 'Изолятор Умбаки' }, placeKind: 'detention-centre' });
  await add({ kind: 'provision', code: 'CAO-510', labels: { en: 'Article 510', az: 'Maddə 510', ru: 'Статья 510' }, appealDays: 10 });
  await add({ kind: 'unit', code: 'binagadi-unit', labels: { en: 'Binagadi police', az: 'Binəqədi polisi', ru: 'Полиция Бинагади' } });
  await add({ kind: 'act-type', code: EVICTION, labels: { en: 'Forced eviction', az: 'Məcburi köçürmə', ru: 'Выселение' } });

  const incident = await createRecord(admin, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [ids['binagadi-police']], monitoringStatus: 'verified' }, { title: 'Hotel entrapment, Binagadi', description: 'Two men arrested on arrival at a hotel.' });
  const person = (consent: string, fields: Record<string, unknown>) => createRecord(admin, 'person', { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing: consent, namePreference: 'initials', reprisalRisk: 'high' }, fields);
  const consenting = await person('un', { name: 'Orxan Məmmədov', contacts: '+994 50 000 00 01', genderIdentity: 'sealed and never shared' });
  const withheld = await person('none', { name: 'Руслан Алиев', contacts: '+994 50 000 00 02' });
  const detention = await createRecord(admin, 'act', { incidentId: incident.id, personId: consenting.id, typeCode: DETENTION, start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: ids['binagadi-police'] }, { statedReason: 'minor hooliganism' });
  const eviction = await createRecord(admin, 'act', { incidentId: incident.id, personId: withheld.id, typeCode: EVICTION, start: { date: '2026-11', precision: 'month' }, end: { date: null, precision: 'unknown' }, placeId: null }, { description: 'Evicted by the landlord after the arrest.' });
  const sentenced = await admin.post(`/api/acts/${detention.id}/detention`, {
    version: 0,
    detention: { status: 'held', heldAt: ids['binagadi-police'], custodyStart: null, lawyerAccess: 'ngo', familyAccess: 'informed', legalProvisionId: ids['CAO-510'], chargedArticle: '510', courtId: ids['binagadi-court'], hearingDate: '2026-11-02', decision: 'detention', decisionDate: '2026-11-02', fineAmount: null, detentionDays: 30, sentenceStart: null, releasedOn: null },
  });
  assert.equal(sentenced.status, 200);
  assert.equal((await admin.post(`/api/acts/${detention.id}/transfers`, { fromPlaceId: null, toPlaceId: ids.umbaki, onDay: '2026-11-03', atTime: '09:15' })).status, 204);
  const involvement = await createRecord(admin, 'involvement', { actId: detention.id, unitId: ids['binagadi-unit'], perpetratorType: 'police', degree: 'perpetrator' }, { officers: 'Lt. Example' });
  const source = await createRecord(admin, 'source', { targetType: 'incident', targetId: incident.id, reportId: null, connection: 'lawyer', reliability: 'B', credibility: '2', sourceDate: '2026-11-02' }, { description: 'The lawyer, by phone' });
  const personSource = await createRecord(admin, 'source', { targetType: 'person', targetId: withheld.id, reportId: null, connection: 'family', reliability: 'C', credibility: '3', sourceDate: null }, { description: 'His sister, who named him' });
  return { incident, consenting, withheld, detention, eviction, involvement, source, personSource };
}

/** What the Partners page shows: this organization's partner key. */
export async function partnerKeyOf(member: LoggedIn): Promise<string> {
  return formatPartnerKey(await recordsKey(member));
}

/** Org A's coordinator exports to the partner key, as the browser does, and tells the server. */
export async function exportBundle(member: LoggedIn, partnerKeyText: string, incidentIds: string[]) {
  const partner = await parsePartnerKey(partnerKeyText);
  const doc = await collectBundle(apiGet(member), member.keyring, { incidentIds, organization: member.login.organization.name });
  const file = await sealBundle(doc, partner);
  const recorded = await member.post('/api/bundles/exported', { bundleId: doc.bundleId, partnerKeyId: partner.keyId, counts: countsOf(doc) });
  assert.equal(recorded.status, 204);
  return { doc, file };
}

/** Org B's member opens the file and imports it, as the browser does (through the partner's channel, when given). */
export async function importBundle(member: LoggedIn, file: Uint8Array, channelId?: string): Promise<Response> {
  const doc = await openBundle(file, member.keyring);
  const { entries } = (await (await member.get('/api/registry')).json()) as { entries: { id: string; kind: string; code: string }[] };
  const request = await planImport(doc, entries, await recordsKey(member));
  return member.post('/api/bundles/import', channelId ? { ...request, channelId } : request);
}
