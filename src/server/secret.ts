// The server secret: 32 random bytes in a file outside the database. Every keyed hash the server
// stores (status lookups, login hashes) is an HMAC under a key derived from it, so a copy of the
// database alone cannot be matched against codenames or login keys.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServerSecret {
  /** HMAC-SHA256 under a key derived for one purpose; hex. */
  keyedHash(purpose: 'status' | 'login' | 'session' | 'decoy-kdf' | 'rate-limit' | 'recovery' | 'challenge' | 'key-integrity' | 'recovery-challenge' | 'device' | 'login-guard' | 'pow' | 'secret-check', data: Uint8Array | string): string;
  equal(a: string, b: string): boolean;
  /** AES-256-GCM under a key derived from the secret: for what the server itself must read back (TOTP seeds). */
  encrypt(purpose: 'totp' | 'webhook' | 'notice-webhook', data: Uint8Array): Uint8Array;
  decrypt(purpose: 'totp' | 'webhook' | 'notice-webhook', blob: Uint8Array): Uint8Array;
}

export function loadServerSecret(file: string): ServerSecret {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const master = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (master.length !== 32) throw new Error(`The server secret in ${file} is not 64 hex digits.`);
  const subkeys = new Map<string, Buffer>();
  const subkey = (purpose: string) => {
    let key = subkeys.get(purpose);
    if (!key) subkeys.set(purpose, (key = createHmac('sha256', master).update(`vigil/secret/v1/${purpose}`).digest()));
    return key;
  };
  return {
    keyedHash: (purpose, data) => createHmac('sha256', subkey(purpose)).update(data).digest('hex'),
    equal: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
    encrypt(purpose, data) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', subkey(`encrypt/${purpose}`), nonce);
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      return Buffer.concat([Buffer.from([1]), nonce, body, cipher.getAuthTag()]);
    },
    decrypt(purpose, blob) {
      const bytes = Buffer.from(blob);
      if (bytes[0] !== 1 || bytes.length < 29) throw new Error('unknown secret format');
      const decipher = createDecipheriv('aes-256-gcm', subkey(`encrypt/${purpose}`), bytes.subarray(1, 13));
      decipher.setAuthTag(bytes.subarray(bytes.length - 16));
      return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]);
    },
  };
}
