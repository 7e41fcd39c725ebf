// A small, known set of records for the estimate's tests (API and browser): who each channel saw,
// including a merge (the merged record's sources and repeated act) and a partner's bundle
// (provenance on a merged record). Channels, sources and the import are made through the API; the
// report form's sources cite a report of the inbox, as only they can.
//   person  acts (incident, type, day, place)                   channels seen by, Nov 2026
//   P1      I1 arrest 11-02                                      form + lawyers (sources on the act)
//   P2      I1 arrest 11-03                                      media (source on the person), hotline (not chosen)
//   P3      I2 detention 11-20 at place A                        lawyers
//   P4      I1 arrest 11-04                                      none (a source without a channel)
//   P5      I2 arrest 10-01 (media), I2 arrest 11-21 (form)      form (media only without the period)
//   G       a group: I1 arrest 11-02, form                        counted apart
//   P6 ← P6b  I1 arrest 11-05 (form); P6b's repeat of it (lawyers) and a source on P6b (media)
//                                                                form + lawyers + media
//   P7 ← P7'  I3 detention 11-22 (lawyers); I3 exported, then imported as a partner's bundle (P7' in
//           its own incident I3', its sources in the partner's channel), then merged   lawyers + partner
// I1 is at place A (its place list); I2 and I3 have none.
// Sources about whole incidents (INCIDENT_SOURCES) put no one on a list; they are only counted.
import assert from 'node:assert/strict';
import { postForm, type LoggedIn } from './org.ts';
import type { TestServer } from './server.ts';
import { query } from './db.ts';
import { createRecord, type Made } from './records.ts';
import { exportBundle, importBundle, partnerKeyOf } from './partners.ts';
import { createChannel } from './channels.ts';
import { FORM_CHANNEL_ID } from '../../src/core/records/channels.ts';

export const ARREST = '030101000000';
export const DETENTION = '030102000000';

export interface EstimateSeed {
  channels: { form: string; lawyers: string; media: string; partner: string; hotline: string };
  places: { a: string };
  incidents: { i1: Made; i2: Made; i3: Made };
  people: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6' | 'p7', Made>;
}

type ChannelName = keyof EstimateSeed['channels'];
type IncidentName = keyof EstimateSeed['incidents'];

/** The channels of the sources about each whole incident (null: a source of no channel). */
export const INCIDENT_SOURCES: Record<IncidentName, (ChannelName | null)[]> = { i1: ['form', 'lawyers', null], i2: ['media'], i3: ['hotline'] };

const day = (date: string) => ({ date, precision: 'day' });
const noEnd = { date: null, precision: 'unknown' };

export async function seedEstimate(server: TestServer, coordinator: LoggedIn, admin: LoggedIn): Promise<EstimateSeed> {
  const made = async (kind: string, name: string) => (await createChannel(coordinator, kind, name)).id;
  const channels = { form: FORM_CHANNEL_ID, lawyers: await made('lawyers', 'Lawyers'), media: await made('media', 'Press review'), partner: await made('partner', 'Partner NGO'), hotline: await made('hotline', 'Night line') };
  const report = await aReport(server);
  const registered = await admin.post('/api/registry', { kind: 'place', code: 'est-a', labels: { en: 'Place A', az: 'Place A', ru: 'Place A' }, placeKind: 'police', appealDays: null });
  assert.equal(registered.status, 201);
  const places = { a: ((await registered.json()) as { id: string }).id };
  const incident = (date: string, placeIds: string[]) => createRecord(coordinator, 'incident', { start: day(date), end: noEnd, placeIds, monitoringStatus: 'open' }, { title: `Estimate incident ${date}` });
  const incidents = { i1: await incident('2026-11-02', [places.a]), i2: await incident('2026-11-20', []), i3: await incident('2026-11-22', []) };
  const person = (countingUnit = 'individual') =>
    createRecord(coordinator, 'person', { countingUnit, groupSize: countingUnit === 'group' ? 5 : null, ageRange: 'unknown', consentSharing: 'un', namePreference: 'anonymous', reprisalRisk: 'high' }, { name: 'secret name' });
  const act = (who: Made, where: Made, typeCode: string, date: string, placeId: string | null = null) =>
    createRecord(coordinator, 'act', { incidentId: where.id, personId: who.id, typeCode, start: day(date), end: noEnd, placeId }, { statedReason: 'secret' });
  const source = (targetType: 'act' | 'person' | 'incident', target: Made, channel: ChannelName | null) =>
    createRecord(
      coordinator,
      'source',
      { targetType, targetId: target.id, reportId: channel === 'form' ? report : null, connection: 'victim', reliability: 'B', credibility: '2', sourceDate: null, channelId: channel === 'form' || !channel ? null : channels[channel] },
      { description: 'secret source' },
    );
  const { i1, i2, i3 } = incidents;

  const p1 = await person();
  const a1 = await act(p1, i1, ARREST, '2026-11-02');
  await source('act', a1, 'form');
  await source('act', a1, 'lawyers');
  const p2 = await person();
  await source('act', await act(p2, i1, ARREST, '2026-11-03'), 'hotline');
  await source('person', p2, 'media');
  const p3 = await person();
  await source('act', await act(p3, i2, DETENTION, '2026-11-20', places.a), 'lawyers');
  const p4 = await person();
  await source('act', await act(p4, i1, ARREST, '2026-11-04'), null);
  const p5 = await person();
  await source('act', await act(p5, i2, ARREST, '2026-10-01'), 'media');
  await source('act', await act(p5, i2, ARREST, '2026-11-21'), 'form');
  const group = await person('group');
  await source('act', await act(group, i1, ARREST, '2026-11-02'), 'form');

  const p6 = await person();
  await source('act', await act(p6, i1, ARREST, '2026-11-05'), 'form');
  const p6b = await person();
  await source('act', await act(p6b, i1, ARREST, '2026-11-05'), 'lawyers');
  await source('person', p6b, 'media');
  await merge(coordinator, p6, p6b);

  const p7 = await person();
  await source('act', await act(p7, i3, DETENTION, '2026-11-22'), 'lawyers');
  const { file } = await exportBundle(coordinator, await partnerKeyOf(coordinator), [i3.id]);
  const imported = await importBundle(coordinator, file, channels.partner);
  assert.equal(imported.status, 200, await imported.clone().text());
  const [copy] = await query<{ record_id: string }>(server, `select record_id from provenance where record_type = 'person' and original_id = '${p7.id}'`);
  await merge(coordinator, p7, { id: copy!.record_id } as Made);
  // After the export, so the partner's copy of I3 brings none of them.
  for (const [name, sources] of Object.entries(INCIDENT_SOURCES)) for (const channel of sources) await source('incident', incidents[name as IncidentName], channel);
  return { channels, places, incidents, people: { p1, p2, p3, p4, p5, p6, p7 } };
}

/** A report of the inbox, which the report form's sources cite. */
export async function aReport(server: TestServer): Promise<string> {
  await postForm(server, '/report?lang=en', [['story', 'They took him at the metro.'], ['stillHeld', 'yes']]);
  return (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
}

async function merge(member: LoggedIn, survivor: Made, merged: Made) {
  const version = async (id: string) => ((await (await member.get(`/api/records/person/${id}`)).json()) as { record: { version: number } }).record.version;
  const response = await member.post('/api/linkage/merges', { survivor: { id: survivor.id, version: await version(survivor.id) }, merged: { id: merged.id, version: await version(merged.id) } });
  assert.equal(response.status, 201, await response.clone().text());
}

/** Who each channel saw in November 2026, as sets of channel names per documented individual. */
export const NOVEMBER: ChannelName[][] = [['form', 'lawyers'], ['media'], ['lawyers'], [], ['form'], ['form', 'lawyers', 'media'], ['lawyers', 'partner']];

/**
 * People by pattern, for a bigger set (the browser test): `counts[pattern]` people, each with one
 * arrest in `incident` on `date` and a source in each channel of the pattern (bit i: channels[i]);
 * `unseen` more with a source of no channel.
 */
export async function seedHistories(coordinator: LoggedIn, incident: Made, date: string, channels: readonly string[], counts: readonly number[], unseen: number): Promise<void> {
  const person = () => createRecord(coordinator, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing: 'none', namePreference: 'anonymous', reprisalRisk: 'high' }, { name: 'secret name' });
  const patterns = counts.flatMap((count, pattern) => Array.from({ length: count }, () => pattern));
  for (const pattern of [...patterns, ...Array.from({ length: unseen }, () => 0)]) {
    const who = await person();
    const act = await createRecord(coordinator, 'act', { incidentId: incident.id, personId: who.id, typeCode: ARREST, start: day(date), end: noEnd, placeId: null }, { statedReason: 'secret' });
    const lists = channels.map((id, i) => ((pattern >> i) & 1 ? id : null)).filter((id) => id !== null);
    for (const channelId of pattern ? lists : [null]) {
      await createRecord(coordinator, 'source', { targetType: 'act', targetId: act.id, reportId: null, connection: 'victim', reliability: 'B', credibility: '2', sourceDate: null, channelId }, { description: 'secret source' });
    }
  }
}
