// The server secret: 32 random bytes in a file outside the database. Every keyed hash the server
// stores (status lookups, login hashes) is an HMAC under a key derived from it, so a copy of the
// database alone cannot be matched against codenames or login keys.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServerSecret {
  /** HMAC-SHA256 under a key derived for one purpose; hex. */
  keyedHash(purpose: 'status' | 'login' | 'session' | 'decoy-kdf' | 'rate-limit', data: Uint8Array | string): string;
  equal(a: string, b: string): boolean;
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
  };
}
