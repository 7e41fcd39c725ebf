// Sealed envelope, version 1: HPKE base mode to one recipient public key.
//
//   byte 0      version (1)
//   byte 1      kind (what is inside; bound into HPKE info so a grant can't pass as a report)
//   bytes 2-9   key id of the recipient public key (first 8 bytes of its SHA-256)
//   bytes 10-41 HPKE encapsulated key (X25519, 32 bytes)
//   bytes 42-   ChaCha20-Poly1305 ciphertext of the padded plaintext, with bytes 0-9 as AAD
import { hpkeSuite } from '../suite.ts';
import { concat, fromBase64Url, toHex, utf8 } from '../bytes.ts';
import { EnvelopeError } from '../errors.ts';
import { KEY_ID_BYTES } from '../keys.ts';
import { pad, unpad, PAD_BUCKET } from '../padding.ts';

export const VERSION = 1;
const ENC_BYTES = 32;
const HEADER_BYTES = 2 + KEY_ID_BYTES;
export const MIN_LENGTH = HEADER_BYTES + ENC_BYTES + PAD_BUCKET + 16;

const info = (kind: number) => utf8(`vigil/sealed/v1/kind-${kind}`);

/** An exact-size ArrayBuffer copy. Node Buffers (e.g. from a database) are views into a shared pool, so `.buffer` alone would hand over the whole pool. */
const exact = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer as ArrayBuffer;

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export async function seal(
  kind: number,
  recipient: { publicKey: Uint8Array; keyId: string },
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  const suite = await hpkeSuite();
  const header = concat(new Uint8Array([VERSION, kind]), hexToBytes(recipient.keyId));
  const publicKey = await suite.kem.deserializePublicKey(exact(recipient.publicKey));
  const { ct, enc } = await suite.seal(
    { recipientPublicKey: publicKey, info: info(kind).buffer as ArrayBuffer },
    pad(plaintext).buffer as ArrayBuffer,
    header.buffer as ArrayBuffer,
  );
  return concat(header, new Uint8Array(enc), new Uint8Array(ct));
}

export interface SealedHeader {
  version: number;
  kind: number;
  keyId: string;
}

export function readHeader(envelope: Uint8Array): SealedHeader {
  // Ciphertext is the padded plaintext (whole buckets) plus the 16-byte tag: anything else
  // was not made by seal() and can be refused without a key.
  const ciphertext = envelope.length - HEADER_BYTES - ENC_BYTES - 16;
  if (envelope.length < MIN_LENGTH || ciphertext <= 0 || ciphertext % PAD_BUCKET !== 0) throw new EnvelopeError('malformed');
  const keyId = toHex(envelope.subarray(2, HEADER_BYTES));
  return { version: envelope[0]!, kind: envelope[1]!, keyId };
}

// Opening thousands of reports with one private key: parse it once per key array, and with its
// public half where the platform can give it (a WebCrypto X25519 key's JWK carries it), so HPKE
// does not re-derive the public key for every envelope.
const parsedPrivateKeys = new WeakMap<Uint8Array, Promise<CryptoKey | CryptoKeyPair>>();

async function parse(raw: Uint8Array): Promise<CryptoKey | CryptoKeyPair> {
  const suite = await hpkeSuite();
  const privateKey = await suite.kem.deserializePrivateKey(exact(raw));
  try {
    const { x } = await crypto.subtle.exportKey('jwk', privateKey);
    const publicRaw = x ? fromBase64Url(x) : null;
    if (!publicRaw) return privateKey;
    return { privateKey, publicKey: await suite.kem.deserializePublicKey(exact(publicRaw)) };
  } catch {
    return privateKey; // not a WebCrypto key (pure-JS X25519): HPKE derives the public half itself
  }
}

function parsedPrivateKey(raw: Uint8Array): Promise<CryptoKey | CryptoKeyPair> {
  let parsed = parsedPrivateKeys.get(raw);
  if (!parsed) parsedPrivateKeys.set(raw, (parsed = parse(raw)));
  return parsed;
}

export async function open(
  envelope: Uint8Array,
  recipient: { privateKey: Uint8Array; keyId: string },
): Promise<{ kind: number; plaintext: Uint8Array }> {
  const { kind, keyId } = readHeader(envelope);
  if (keyId !== recipient.keyId) throw new EnvelopeError('wrong-key');
  const suite = await hpkeSuite();
  const privateKey = await parsedPrivateKey(recipient.privateKey);
  let padded: ArrayBuffer;
  try {
    padded = await suite.open(
      {
        recipientKey: privateKey,
        enc: exact(envelope.subarray(HEADER_BYTES, HEADER_BYTES + ENC_BYTES)),
        info: info(kind).buffer as ArrayBuffer,
      },
      exact(envelope.subarray(HEADER_BYTES + ENC_BYTES)),
      exact(envelope.subarray(0, HEADER_BYTES)),
    );
  } catch {
    throw new EnvelopeError('tampered');
  }
  return { kind, plaintext: unpad(new Uint8Array(padded)) };
}
