// X25519 key pairs as raw bytes: public keys travel and are stored as 32 bytes, private keys
// only ever leave memory wrapped (see wrapped.ts) or sealed to another key (see sealed.ts).
import { hpkeSuite } from './suite.ts';
import { sha256, toHex } from './bytes.ts';

export interface RawKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export async function generateKeyPair(): Promise<RawKeyPair> {
  const suite = await hpkeSuite();
  const pair = await suite.kem.generateKeyPair();
  return {
    publicKey: new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey)),
    privateKey: new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey)),
  };
}

export const KEY_ID_BYTES = 8;

/** A short stable name for a public key: the first 8 bytes of its SHA-256, as hex. */
export async function keyIdOf(publicKey: Uint8Array): Promise<string> {
  return toHex((await sha256(publicKey)).subarray(0, KEY_ID_BYTES));
}
