// Records made the way the workspace makes them: sensitive fields sealed on the "browser" side
// (here, the test) under a fresh record key, itself sealed to the organization's records key.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fromBase64Url } from '../../src/core/crypto/bytes.ts';
import { newRecordKey, sealFields, type RecordKey } from '../../src/core/records/sealing.ts';
import type { OrgKeyView } from '../../src/core/api/keys.ts';
import type { LoggedIn } from './org.ts';

export async function recordsKey(member: LoggedIn): Promise<{ publicKey: Uint8Array; keyId: string }> {
  const { keys } = (await (await member.get('/api/keys')).json()) as { keys: OrgKeyView[] };
  const key = keys.find((k) => k.purpose === 'records' && k.current)!;
  return { publicKey: fromBase64Url(key.publicKey)!, keyId: key.keyId };
}

export interface Made {
  id: string;
  code: string;
  version: number;
  key: RecordKey;
}

/** A new record as the workspace sends it (not yet sent): fields sealed in the "browser" under a fresh record key. */
export async function sealedRecord(member: LoggedIn, type: string, plain: Record<string, unknown>, fields: Record<string, unknown>) {
  const id = randomUUID();
  const key = await newRecordKey(await recordsKey(member));
  return { id, key, record: { ...plain, secret: await sealFields(key, type, id, fields) } };
}

/** Creates a record the way the workspace does: fields sealed in the "browser" first. */
export async function createRecord(member: LoggedIn, type: string, plain: Record<string, unknown>, fields: Record<string, unknown>): Promise<Made> {
  const { id, key, record } = await sealedRecord(member, type, plain, fields);
  const response = await member.post(`/api/records/${type}`, { id, record });
  assert.equal(response.status, 201, await response.clone().text());
  return { ...((await response.json()) as { id: string; code: string; version: number }), key };
}
