// The reporter's key pair, derived from the codename: whoever holds the codename can open the
// team's replies, and nobody else. RFC 9180 DeriveKeyPair over an HKDF of the codename, with a
// label of its own so it shares nothing with the status key.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hpkeSuite } from './suite.ts';
import { utf8 } from './bytes.ts';
import type { RawKeyPair } from './keys.ts';

export async function reporterKeyPair(codenameDigits: string): Promise<RawKeyPair> {
  const ikm = hkdf(sha256, utf8(codenameDigits), utf8('vigil/reporter/v1'), utf8('reporter key'), 32);
  const suite = await hpkeSuite();
  const pair = await suite.kem.deriveKeyPair(ikm.buffer as ArrayBuffer);
  return {
    publicKey: new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey)),
    privateKey: new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey)),
  };
}
