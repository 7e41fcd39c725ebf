// Wrapped secret, version 1: AES-256-GCM under a symmetric key (WebCrypto).
//
//   byte 0      version (1)
//   byte 1      kind (what is inside)
//   bytes 2-13  nonce, 96 random bits from crypto.getRandomValues
//   bytes 14-   ciphertext and 128-bit tag; AAD = bytes 0-1 and the caller's context
//                (e.g. the member id), so a blob moved to another row does not open.
import { concat, randomBytes } from '../bytes.ts';
import { EnvelopeError } from '../errors.ts';

export const VERSION = 1;
const NONCE_BYTES = 12;
const HEADER_BYTES = 2;

export async function wrap(kind: number, key: CryptoKey, secret: Uint8Array, context: Uint8Array): Promise<Uint8Array> {
  const header = new Uint8Array([VERSION, kind]);
  const nonce = randomBytes(NONCE_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce as BufferSource, additionalData: concat(header, context) as BufferSource },
    key,
    secret as BufferSource,
  );
  return concat(header, nonce, new Uint8Array(ct));
}

/** Without a key: is this a well-formed version-1 blob of this kind? */
export function inspect(blob: Uint8Array, kind: number): boolean {
  return blob.length >= HEADER_BYTES + NONCE_BYTES + 16 && blob[0] === VERSION && blob[1] === kind;
}

export async function unwrap(blob: Uint8Array, key: CryptoKey, context: Uint8Array): Promise<{ kind: number; secret: Uint8Array }> {
  if (blob.length < HEADER_BYTES + NONCE_BYTES + 16) throw new EnvelopeError('malformed');
  const header = blob.subarray(0, HEADER_BYTES);
  try {
    const pt = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: blob.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES) as BufferSource,
        additionalData: concat(header, context) as BufferSource,
      },
      key,
      blob.subarray(HEADER_BYTES + NONCE_BYTES) as BufferSource,
    );
    return { kind: blob[1]!, secret: new Uint8Array(pt) };
  } catch {
    // A wrong passphrase and a tampered blob look the same to AES-GCM.
    throw new EnvelopeError('wrong-key');
  }
}
