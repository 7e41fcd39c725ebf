// The pieces every workspace API shape is built of: bytes as unpadded base64url, typed text, key
// derivation parameters, ids, and the header that marks a workspace call.
import * as z from 'zod';
import { MIN_KDF } from '../crypto/passphrase.ts';

export const b64 = (maxChars: number) => z.string().regex(/^[A-Za-z0-9_-]*$/).max(maxChars);
export const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
/** Text a person typed: no NUL (PostgreSQL refuses it in text columns). */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(/^[^\u0000]*$/);

export const kdfParams = z.object({
  v: z.literal(1),
  salt: b64(64).min(22),
  memoryKiB: z.number().int().min(MIN_KDF.memoryKiB).max(1024 * 1024),
  iterations: z.number().int().min(MIN_KDF.iterations).max(64),
  parallelism: z.number().int().min(1).max(16),
});

/** A UUID path parameter, checked before it reaches a query. */
export const uuid = z.uuid();

/** A member's own keys as their browser uploads them: public key, wrapped private key, login key. */
export const memberKeys = z.object({
  id: z.uuid(),
  email,
  kdf: kdfParams,
  loginKey: b64(64),
  publicKey: b64(64),
  wrappedPrivateKey: b64(256),
});

/** A key's id as `keyIdOf` (crypto/keys.ts) writes it: 16 hex digits. */
export const keyId = z.string().regex(/^[0-9a-f]{16}$/);

/** Custom header every state-changing workspace call sends: a cross-site form cannot. */
export const CSRF_HEADER = 'x-vigil-request';
