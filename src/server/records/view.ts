// A stored record as the API gives it: code, version, plain fields by name, and the sealed part
// as it was stored (opened only in the browser).
import type { RecordType } from '../../core/records/schemas.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { codeOf } from './store.ts';
import { plainView } from './plain.ts';

export type RecordRow = Record<string, unknown> & { seq: number; id: string; key_id: string; key_envelope: Uint8Array; sealed: Uint8Array; version: number; created_at: string; updated_at: string };

export const recordView = (type: RecordType, row: RecordRow) => ({
  id: row.id,
  code: codeOf(type, Number(row.seq)),
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  plain: plainView(row),
  secret: { keyId: row.key_id, keyEnvelope: toBase64Url(row.key_envelope), sealed: toBase64Url(row.sealed) },
});
