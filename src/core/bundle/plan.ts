// Turning an opened bundle into this organization's records: every record gets a new id and a new
// record key sealed to this organization's current records key, its fields sealed under it (the
// same functions the workspace uses); registry entries are matched by kind and code, and those
// missing are added. Pure apart from randomness: the browser and tests call it alike.
import { newRecordKey, sealFields, type RecordKey } from '../records/sealing.ts';
import type { BundleDocument } from './document.ts';
import type { ImportRequest, ImportedType } from './import-request.ts';
import type { DetentionInput } from '../records/schemas.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { fromBundle } from '../records/fields/field.ts';

export interface RegistryLike {
  id: string;
  kind: string;
  code: string;
}

export async function planImport(doc: BundleDocument, registry: RegistryLike[], recordsKey: { publicKey: Uint8Array; keyId: string }): Promise<ImportRequest> {
  const existing = new Map(registry.map((r) => [`${r.kind}:${r.code}`, r.id]));
  const added: ImportRequest['registry'] = [];
  for (const entry of doc.registry) {
    const key = `${entry.kind}:${entry.code}`;
    if (existing.has(key)) continue;
    const id = crypto.randomUUID();
    existing.set(key, id);
    added.push({ id, entry: { kind: entry.kind, code: entry.code, labels: entry.labels, placeKind: entry.placeKind, appealDays: entry.appealDays } });
  }
  const ref = (kind: string, code: string | null): string | null => (code === null ? null : existing.get(`${kind}:${code}`)!);
  const place = (code: string | null) => ref('place', code);

  const ids = new Map<string, string>();
  const idFor = (originalId: string) => {
    let id = ids.get(originalId);
    if (!id) ids.set(originalId, (id = crypto.randomUUID()));
    return id;
  };
  const keys: RecordKey[] = [];
  const seal = async (type: string, id: string, fields: Record<string, unknown>) => {
    const key = await newRecordKey(recordsKey);
    keys.push(key);
    return sealFields(key, type, id, fields);
  };

  const records: ImportRequest['records'] = [];
  const add = async (type: ImportedType, r: { originalId: string; originalCode: string; fields: Record<string, unknown> }, plain: Record<string, unknown>) => {
    const id = idFor(r.originalId);
    records.push({ type, id, originalId: r.originalId, originalCode: r.originalCode, record: { ...plain, secret: await seal(type, id, r.fields) } });
  };

  try {
    for (const i of doc.incidents) await add('incident', i, { start: i.start, end: i.end, placeIds: i.placeCodes.map((c) => place(c)!), monitoringStatus: i.monitoringStatus });
    for (const p of doc.persons) {
      await add('person', p, { countingUnit: p.countingUnit, groupSize: p.groupSize, ageRange: p.ageRange, consentSharing: p.consentSharing, namePreference: p.namePreference, reprisalRisk: p.reprisalRisk });
    }
    const detentions: ImportRequest['detentions'] = [];
    for (const a of doc.acts) {
      await add('act', a, { incidentId: idFor(a.incident), personId: idFor(a.person), typeCode: a.typeCode, start: a.start, end: a.end, placeId: place(a.place) });
      const d = a.detention;
      if (!d) continue;
      detentions.push({
        actId: idFor(a.originalId),
        detention: fromBundle(DETENTION_FIELDS, d, ref) as DetentionInput,
        transfers: d.transfers.map((t) => ({ fromPlaceId: place(t.fromPlace), toPlaceId: place(t.toPlace)!, onDay: t.onDay, atTime: t.atTime })),
      });
    }
    for (const v of doc.involvements) await add('involvement', v, { actId: idFor(v.act), unitId: ref('unit', v.unit), perpetratorType: v.perpetratorType, degree: v.degree });
    for (const s of doc.sources) {
      // The partner's inbox reports are theirs: a source arrives described, never linked.
      await add('source', s, { targetType: s.targetType, targetId: idFor(s.target), reportId: null, connection: s.connection, reliability: s.reliability, credibility: s.credibility, sourceDate: s.sourceDate });
    }
    const origin = await seal('bundle', doc.bundleId, { organization: doc.organization.name, exportedOn: doc.exportedOn });
    return { bundleId: doc.bundleId, origin, registry: added, records, detentions };
  } finally {
    for (const k of keys) k.key.fill(0);
  }
}
