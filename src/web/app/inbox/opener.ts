// Opens sealed envelopes with the member's keyring. Opening tens of thousands of reports is the
// workspace's heaviest work, so the HPKE key pair for each intake key is imported once and
// reused (openSealed would import the private key and re-derive its public half per envelope).
// The fast path is only a shortcut: any envelope it cannot open goes through openSealed, the
// reference implementation, which decides.
import { SealedKind, inspectSealed, openSealed } from '../../../core/crypto/sealed.ts';
import { VERSION as SEALED_V1 } from '../../../core/crypto/operators/sealed-v1.ts';
import { hpkeSuite } from '../../../core/crypto/suite.ts';
import { unpad } from '../../../core/crypto/padding.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import { fromBase64Url, utf8 } from '../../../core/crypto/bytes.ts';
import type { Keyring } from '../../../core/keyring.ts';
import type { Forgettable } from '../vault.ts';

type Kind = (typeof SealedKind)[keyof typeof SealedKind];

/** Envelope layout, version 1 (see core/crypto/operators/sealed-v1.ts). */
const HEADER_BYTES = 10;
const ENC_BYTES = 32;
const INFO = new Map<number, ArrayBuffer>();
const infoFor = (kind: number) => {
  let info = INFO.get(kind);
  if (!info) INFO.set(kind, (info = utf8(`vigil/sealed/v1/kind-${kind}`).buffer as ArrayBuffer));
  return info;
};
const exact = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer as ArrayBuffer;

export class MissingKeyError extends Error {}

export class Opener implements Forgettable {
  private readonly pairs = new Map<string, Promise<CryptoKeyPair | null>>();
  private forgotten = false;

  constructor(private readonly keyring: Keyring) {}

  holds(keyId: string): boolean {
    return !this.forgotten && this.keyring.has(keyId);
  }

  async open(kind: Kind, envelope: Uint8Array, keyId: string): Promise<Uint8Array> {
    const privateKey = this.forgotten ? undefined : this.keyring.get(keyId);
    if (!privateKey) throw new MissingKeyError(keyId);
    if (envelope[0] === SEALED_V1) {
      const pair = await this.pairFor(keyId, privateKey);
      if (pair) {
        try {
          if (inspectSealed(envelope, kind).keyId === keyId) return await openV1(pair, kind, envelope);
        } catch {
          // Decided below.
        }
      }
    }
    return openSealed(kind, envelope, { privateKey, keyId });
  }

  /** Opens a base64url envelope holding {v:1, text} (notes, replies, answers). */
  async openText(kind: Kind, envelope: string, keyId: string): Promise<string> {
    const bytes = fromBase64Url(envelope);
    if (!bytes) throw new Error('malformed');
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await this.open(kind, bytes, keyId))) as { v?: unknown; text?: unknown };
    if (value.v !== 1 || typeof value.text !== 'string') throw new Error('unknown content');
    return value.text;
  }

  private pairFor(keyId: string, privateKey: Uint8Array): Promise<CryptoKeyPair | null> {
    let pair = this.pairs.get(keyId);
    if (!pair) this.pairs.set(keyId, (pair = importPair(keyId, privateKey)));
    return pair;
  }

  forget(): void {
    this.forgotten = true;
    this.pairs.clear();
  }
}

/** The intake key pair as HPKE key objects, or null where the platform cannot (then every envelope takes the reference path). */
async function importPair(keyId: string, privateKey: Uint8Array): Promise<CryptoKeyPair | null> {
  try {
    const suite = await hpkeSuite();
    const secret = (await suite.kem.deserializePrivateKey(exact(privateKey))) as CryptoKey;
    // WebCrypto's JWK of an X25519 private key carries its public half.
    const { x } = await crypto.subtle.exportKey('jwk', secret);
    const publicKey = x ? fromBase64Url(x) : null;
    if (!publicKey || (await keyIdOf(publicKey)) !== keyId) return null;
    return { privateKey: secret, publicKey: (await suite.kem.deserializePublicKey(exact(publicKey))) as CryptoKey };
  } catch {
    return null;
  }
}

async function openV1(pair: CryptoKeyPair, kind: number, envelope: Uint8Array): Promise<Uint8Array> {
  const suite = await hpkeSuite();
  const padded = await suite.open(
    { recipientKey: pair, enc: exact(envelope.subarray(HEADER_BYTES, HEADER_BYTES + ENC_BYTES)), info: infoFor(kind) },
    exact(envelope.subarray(HEADER_BYTES + ENC_BYTES)),
    exact(envelope.subarray(0, HEADER_BYTES)),
  );
  return unpad(new Uint8Array(padded));
}
