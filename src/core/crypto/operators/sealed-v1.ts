// Sealed envelope, version 1: HPKE base mode to one recipient public key.
//
//   byte 0      version (1)
//   byte 1      kind (what is inside; bound into HPKE info so a grant can't pass as a report)
//   bytes 2-9   key id of the recipient public key (first 8 bytes of its SHA-256)
//   bytes 10-41 HPKE encapsulated key (X25519, 32 bytes)
//   bytes 42-   ChaCha20-Poly1305 ciphertext of the padded plaintext, with bytes 0-9 as AAD
import { hpkeSuite } from '../suite.ts';
import { concat, toHex, utf8 } from '../bytes.ts';
import { HpkeRecipient } from '../hpke-open.ts';
import { EnvelopeError } from '../errors.ts';
import { KEY_ID_BYTES } from '../keys.ts';
import { pad, unpad, PAD_BUCKET } from '../padding.ts';

export const VERSION = 1;
const ENC_BYTES = 32;
const HEADER_BYTES = 2 + KEY_ID_BYTES;
export const MIN_LENGTH = HEADER_BYTES + ENC_BYTES + PAD_BUCKET + 16;

const infos = new Map<number, Uint8Array>();
/** The HPKE info for a kind; the same array each time, so openers can cache what derives from it. */
function info(kind: number): Uint8Array {
  let bytes = infos.get(kind);
  if (!bytes) infos.set(kind, (bytes = utf8(`vigil/sealed/v1/kind-${kind}`)));
  return bytes;
}

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
    { recipientPublicKey: publicKey, info: exact(info(kind)) },
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

// Opening thousands of reports with one private key: prepare it once per key array. Where the
// platform's WebCrypto has X25519, the lean single-shot opener does the work (see hpke-open.ts);
// elsewhere @hpke/core does, with the key parsed once.
type Prepared = { lean: HpkeRecipient } | { hpke: CryptoKey | CryptoKeyPair };
const prepared = new WeakMap<Uint8Array, Promise<Prepared>>();

async function prepare(raw: Uint8Array): Promise<Prepared> {
  const lean = await HpkeRecipient.fromRawPrivateKey(raw);
  if (lean) return { lean };
  const suite = await hpkeSuite();
  return { hpke: await suite.kem.deserializePrivateKey(exact(raw)) };
}

function preparedKey(raw: Uint8Array): Promise<Prepared> {
  let key = prepared.get(raw);
  if (!key) prepared.set(raw, (key = prepare(raw)));
  return key;
}

export async function open(
  envelope: Uint8Array,
  recipient: { privateKey: Uint8Array; keyId: string },
): Promise<{ kind: number; plaintext: Uint8Array }> {
  const { kind, keyId } = readHeader(envelope);
  if (keyId !== recipient.keyId) throw new EnvelopeError('wrong-key');
  const key = await preparedKey(recipient.privateKey);
  const aad = envelope.subarray(0, HEADER_BYTES);
  const enc = envelope.subarray(HEADER_BYTES, HEADER_BYTES + ENC_BYTES);
  const ciphertext = envelope.subarray(HEADER_BYTES + ENC_BYTES);
  let padded: Uint8Array;
  try {
    if ('lean' in key) padded = await key.lean.open(enc, ciphertext, aad, info(kind));
    else {
      const suite = await hpkeSuite();
      padded = new Uint8Array(await suite.open({ recipientKey: key.hpke, enc: exact(enc), info: exact(info(kind)) }, exact(ciphertext), exact(aad)));
    }
  } catch {
    throw new EnvelopeError('tampered');
  }
  return { kind, plaintext: unpad(padded) };
}
