// A partner key: what one Vigil shows a partner organization so the partner can seal bundles to it.
// It is the organization's current records public key, written as one line to paste:
//   vigil-partner-key/1.<key id>.<base64url X25519 public key>
// The key id (first 8 bytes of the key's SHA-256) must match the key, so a mistyped or cut line is
// caught. Both sides compare the fingerprint (fingerprint.ts) by phone or in person: a key swapped
// on the way gives another fingerprint.
import { fromBase64Url, toBase64Url } from '../crypto/bytes.ts';
import { keyIdOf } from '../crypto/keys.ts';
import { fingerprintOf } from '../crypto/fingerprint.ts';

const PREFIX = 'vigil-partner-key/1';

export interface PartnerKey {
  keyId: string;
  publicKey: Uint8Array;
}

export function formatPartnerKey(key: PartnerKey): string {
  return `${PREFIX}.${key.keyId}.${toBase64Url(key.publicKey)}`;
}

export class PartnerKeyError extends Error {
  constructor() {
    super('This is not a Vigil partner key, or part of it is missing. Ask the partner to send it again.');
    this.name = 'PartnerKeyError';
  }
}

/** Reads a pasted partner key (whitespace and line breaks ignored); throws PartnerKeyError. */
export async function parsePartnerKey(text: string): Promise<PartnerKey> {
  const [prefix, keyId, encoded, ...rest] = text.replace(/\s+/g, '').split('.');
  const publicKey = encoded === undefined ? null : fromBase64Url(encoded);
  if (prefix !== PREFIX || rest.length > 0 || !keyId || !publicKey || publicKey.length !== 32) throw new PartnerKeyError();
  if ((await keyIdOf(publicKey)) !== keyId) throw new PartnerKeyError();
  return { keyId, publicKey };
}

/** The code both organizations read to each other before the first bundle is sent. */
export const partnerFingerprint = (key: PartnerKey): Promise<string> => fingerprintOf(key.publicKey);
