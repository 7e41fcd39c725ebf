// Writing records: every create and change is a new version, appended to record_versions with the
// plain fields as they were and the sealed part as it was; the record row holds the newest. A
// change names the version it was made from, and is refused if someone else got there first.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { RECORD_TYPES, type RecordType, type SecretPart } from '../../core/records/schemas.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError } from '../http/errors.ts';
import { orgKeys } from '../keys/org-keys.ts';

export const TABLES = {
  incident: 'incidents',
  person: 'persons',
  act: 'acts',
  involvement: 'involvements',
  source: 'sources',
  intervention: 'interventions',
} as const satisfies Record<RecordType, keyof Database>;

/** The record type a route names; any other is not found. */
export function recordTypeParam(value: string): RecordType {
  if (!(RECORD_TYPES as readonly string[]).includes(value)) throw new HttpError(404, 'not-found');
  return value as RecordType;
}
/** The table of a record type, as one type for Kysely: every record table has the columns routes read. */
export const tableOf = (type: RecordType) => TABLES[type] as 'incidents';

/** Codes people say aloud and write in appeals: P-0042 reveals nothing but the order of entry. */
export const CODE_PREFIX: Record<RecordType, string> = { incident: 'I', person: 'P', act: 'A', involvement: 'V', source: 'S', intervention: 'N' };
export const codeOf = (type: RecordType, seq: number) => `${CODE_PREFIX[type]}-${String(seq).padStart(4, '0')}`;

/** The sealed part must be a record key sealed to one of the organization's records keys, and AES-GCM fields. */
export async function checkedSecret(trx: Transaction<Database>, secret: ServerSecret, part: SecretPart, options: { current: boolean }) {
  const keyEnvelope = fromBase64Url(part.keyEnvelope);
  const sealed = fromBase64Url(part.sealed);
  try {
    if (!keyEnvelope || !sealed || inspectSealed(keyEnvelope, SealedKind.recordKey).keyId !== part.keyId || !inspectWrapped(sealed, WrappedKind.recordFields)) throw new Error();
  } catch {
    throw new HttpError(400, 'bad-envelope');
  }
  const keys = (await orgKeys(trx, secret)).filter((k) => k.purpose === 'records');
  if (keys.length === 0) throw new HttpError(409, 'no-records-key');
  const key = keys.find((k) => k.id === part.keyId);
  // A new record must use the current records key; an older record keeps the key it was made with.
  if (!key || (options.current && !key.current)) throw new HttpError(409, 'stale-key');
  return { key_id: part.keyId, key_envelope: keyEnvelope, sealed };
}

export async function appendVersion(
  trx: Transaction<Database>,
  entry: { type: RecordType | 'detention'; id: string; version: number; at: string; by: string; plain: Record<string, unknown>; keyEnvelope?: Uint8Array; sealed?: Uint8Array },
): Promise<void> {
  await trx
    .insertInto('record_versions')
    .values({
      record_type: entry.type,
      record_id: entry.id,
      version: entry.version,
      changed_at: entry.at,
      changed_by: entry.by,
      plain: JSON.stringify(entry.plain),
      key_envelope: entry.keyEnvelope ?? null,
      sealed: entry.sealed ?? null,
    })
    .execute();
}

/** Every id must name a row of `table` (of registry `kind`); otherwise the request is refused with 400. */
export async function mustExist(trx: Transaction<Database>, table: keyof typeof REFERENCE_TABLES, ids: (string | null | undefined)[], kind?: string): Promise<void> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return;
  let query = trx.selectFrom(REFERENCE_TABLES[table]).select('id').where('id', 'in', wanted);
  if (kind) query = query.where('kind' as never, '=', kind as never);
  const found = await query.execute();
  if (found.length !== wanted.length) throw new HttpError(400, 'unknown-reference');
}
const REFERENCE_TABLES = { registry: 'registry', incidents: 'incidents', persons: 'persons', acts: 'acts', reports: 'reports' } as const;
