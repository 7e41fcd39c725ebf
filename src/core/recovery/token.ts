// What M trustees show the server to prove they met, without the server seeing a share: a value
// only the kit's private key gives. The server keeps only its SHA-256 (like every one-time token),
// so the database alone does not let anyone act as the trustees.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 as sha256Sync } from '@noble/hashes/sha2.js';
import { toBase64Url, toHex, utf8 } from '../crypto/bytes.ts';

const INFO = utf8('vigil/recovery/v1/token');

export function recoveryToken(kitPrivateKey: Uint8Array): Uint8Array {
  return hkdf(sha256Sync, kitPrivateKey, new Uint8Array(0), INFO, 32);
}

/** What the browser or CLI sends. */
export const recoveryTokenText = (kitPrivateKey: Uint8Array): string => toBase64Url(recoveryToken(kitPrivateKey));

/** What the server stores when the kit is made: SHA-256 hex of the token's text (as hashToken() computes it). */
export const recoveryTokenHash = (kitPrivateKey: Uint8Array): string => toHex(sha256Sync(utf8(recoveryTokenText(kitPrivateKey))));
