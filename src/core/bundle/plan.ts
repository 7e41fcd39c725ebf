// Turning an opened bundle into this organization's records: every record gets a new id and a new
// record key sealed to this organization's current records key, its fields sealed under it (the
// same functions the workspace uses); registry entries are matched by kind and code, and those
// missing are added. Pure apart from randomness: the browser and tests call it alike.
import { newRecordKey, sealFields, type RecordKey } from '../records/sealing.ts';
import type { BundleDocument } from './document.ts';
import type { ImportRequest, ImportedType } from './import-request.ts';
import type { DetentionInput } from '../records/schemas.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { fromBundle, type Resolve } from '../records/fields/bundle.ts';
import { RECORD_FIELDS } from '../records/fields/tables.ts';

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
  const ids = new Map<string, string>();
  /** Registry codes to this organization's ids; the bundle's original ids to the new ones. */
  const resolve: Resolve = {
    registry: (kind, code) => (code === null ? null : existing.get(`${kind}:${code}`)!),
    record: (originalId) => {
      let id = ids.get(originalId);
      if (!id) ids.set(originalId, (id = crypto.randomUUID()));
      return id;
    },
  };
  const place = (code: string | null) => resolve.registry('place', code);
  const keys: RecordKey[] = [];
  const seal = async (type: string, id: string, fields: Record<string, unknown>) => {
    const key = await newRecordKey(recordsKey);
    keys.push(key);
    return sealFields(key, type, id, fields);
  };

  const records: ImportRequest['records'] = [];
  /** A record of the bundle made anew: its plain fields as its field table reads them, its sealed ones sealed again. */
  const add = async (type: ImportedType, r: { originalId: string; originalCode: string; fields: Record<string, unknown> }) => {
    const id = resolve.record(r.originalId);
    const plain = fromBundle(RECORD_FIELDS[type], r, resolve);
    records.push({ type, id, originalId: r.originalId, originalCode: r.originalCode, record: { ...plain, secret: await seal(type, id, r.fields) } });
  };

  try {
    for (const i of doc.incidents) await add('incident', i);
    for (const p of doc.persons) await add('person', p);
    const detentions: ImportRequest['detentions'] = [];
    for (const a of doc.acts) {
      await add('act', a);
      const d = a.detention;
      if (!d) continue;
      detentions.push({
        actId: resolve.record(a.originalId),
        detention: fromBundle(DETENTION_FIELDS, d, resolve) as DetentionInput,
        transfers: d.transfers.map((t) => ({ fromPlaceId: place(t.fromPlace), toPlaceId: place(t.toPlace)!, onDay: t.onDay, atTime: t.atTime })),
      });
    }
    for (const v of doc.involvements) await add('involvement', v);
    // The partner's inbox reports are theirs: a source arrives described, never linked (fields/source.ts).
    for (const s of doc.sources) await add('source', s);
    const origin = await seal('bundle', doc.bundleId, { organization: doc.organization.name, exportedOn: doc.exportedOn });
    return { bundleId: doc.bundleId, origin, registry: added, records, detentions };
  } finally {
    for (const k of keys) k.key.fill(0);
  }
}
