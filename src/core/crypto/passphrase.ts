// A member's passphrase never leaves the browser. Argon2id stretches it once; HKDF splits the
// result into two unrelated keys: the login key (sent to the server, which keeps only a keyed
// hash of it) and the wrapping key (never sent; it unwraps the member's private key).
import { argon2id } from 'hash-wasm';
import { randomBytes, toBase64Url, fromBase64Url, utf8 } from './bytes.ts';
import { EnvelopeError } from './errors.ts';

export interface KdfParams {
  v: 1;
  /** base64url, 16 random bytes */
  salt: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** DEVELOPERS.md: Argon2id, 64 MiB, t=3. */
export const DEFAULT_KDF = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
/**
 * The browser refuses weaker parameters, whatever the server sends: a server that asked for a
 * cheap Argon2id could then guess passphrases from the login key cheaply.
 */
export const MIN_KDF = { memoryKiB: 64 * 1024, iterations: 3 } as const;

export function newKdfParams(): KdfParams {
  return { v: 1, salt: toBase64Url(randomBytes(16)), ...DEFAULT_KDF };
}

export interface MemberKeys {
  /** 32 bytes proving knowledge of the passphrase to the server. */
  loginKey: Uint8Array;
  /** AES-256-GCM key, not extractable, that wraps the member's private key. */
  wrapKey: CryptoKey;
}

export async function deriveMemberKeys(passphrase: string, params: KdfParams): Promise<MemberKeys> {
  const salt = fromBase64Url(params.salt);
  if (params.v !== 1 || !salt || salt.length < 16) throw new EnvelopeError('unknown-version');
  if (params.memoryKiB < MIN_KDF.memoryKiB || params.iterations < MIN_KDF.iterations) throw new EnvelopeError('weak-parameters');
  const stretched = await argon2id({
    password: passphrase.normalize('NFKC'),
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const base = await crypto.subtle.importKey('raw', stretched as BufferSource, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdf = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(label) as BufferSource });
  const loginKey = new Uint8Array(await crypto.subtle.deriveBits(hkdf('vigil/member/v1/login'), base, 256));
  const wrapKey = await crypto.subtle.deriveKey(hkdf('vigil/member/v1/wrap'), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  stretched.fill(0);
  return { loginKey, wrapKey };
}
