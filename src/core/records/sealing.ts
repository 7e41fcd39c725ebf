// A record's encrypted part, made and opened in a member's browser:
//   records public key <--HPKE (sealed v1, kind recordKey)-- the record's own AES-256 key
//   the record's own key <--AES-256-GCM (wrapped v1, kind recordFields)-- the fields as JSON
// The context bound into the AES-GCM tag is the record's type and id, so sealed fields moved to
// another record do not open. The record's key stays the same across versions (each encrypted
// afresh, new nonce) until the records key rotates: the next change makes a new one (sealAgain).
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from '../crypto/bytes.ts';
import { SealedKind, openSealed, sealTo } from '../crypto/sealed.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from '../crypto/wrapped.ts';
import { EnvelopeError } from '../crypto/errors.ts';
import type { Keyring } from '../keyring.ts';
import type { SecretPart } from './schemas.ts';

export interface RecordKey {
  /** The record's own key. */
  key: Uint8Array;
  /** It, sealed to the records key: stored with the record. */
  keyId: string;
  keyEnvelope: string;
}

const aesKey = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
const context = (type: string, id: string) => `vigil/record/v1/${type}/${id}`;

export async function newRecordKey(recordsKey: { publicKey: Uint8Array; keyId: string }): Promise<RecordKey> {
  const key = randomBytes(32);
  const envelope = await sealTo(SealedKind.recordKey, recordsKey, key);
  return { key, keyId: recordsKey.keyId, keyEnvelope: toBase64Url(envelope) };
}

export async function openRecordKey(secret: Pick<SecretPart, 'keyId' | 'keyEnvelope'>, keyring: Keyring): Promise<RecordKey> {
  const privateKey = keyring.get(secret.keyId);
  const envelope = fromBase64Url(secret.keyEnvelope);
  if (!privateKey || !envelope) throw new EnvelopeError('wrong-key');
  return { key: await openSealed(SealedKind.recordKey, envelope, { privateKey, keyId: secret.keyId }), keyId: secret.keyId, keyEnvelope: secret.keyEnvelope };
}

export async function sealFields(recordKey: RecordKey, type: string, id: string, fields: Record<string, unknown>): Promise<SecretPart> {
  const sealed = await wrapSecret(WrappedKind.recordFields, await aesKey(recordKey.key), utf8(JSON.stringify(fields)), context(type, id));
  return { keyId: recordKey.keyId, keyEnvelope: recordKey.keyEnvelope, sealed: toBase64Url(sealed) };
}

export async function openFields<T = Record<string, unknown>>(secret: SecretPart, type: string, id: string, keyring: Keyring): Promise<T> {
  const sealed = fromBase64Url(secret.sealed);
  if (!sealed) throw new EnvelopeError('malformed');
  const recordKey = await openRecordKey(secret, keyring);
  try {
    return JSON.parse(fromUtf8(await unwrapSecret(WrappedKind.recordFields, await aesKey(recordKey.key), sealed, context(type, id)))) as T;
  } finally {
    recordKey.key.fill(0); // the raw key is not needed once imported
  }
}
