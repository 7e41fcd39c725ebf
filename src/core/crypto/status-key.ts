// The status key: scrypt of a codename. The reporter's browser computes it (or the server, in
// memory, when JavaScript is off); the server then keys it with a secret kept outside the
// database (HMAC) and stores only that, so the database alone cannot link a codename to a report.
import { scrypt } from 'hash-wasm';
import { utf8 } from './bytes.ts';

/**
 * scrypt N=2^10, r=8, p=1: about 2 ms on a server core. Codenames carry ~90 bits, so the cost
 * is defence in depth, not the protection; it is kept low enough for the no-JS intake's
 * throughput target (see bench/intake). Stored lookups name the version, so it can change.
 */
export const STATUS_KEY_PARAMS = { v: 1, N: 1024, r: 8, p: 1, length: 32, salt: 'vigil/status/v1' } as const;

export async function statusKeyOf(codenameDigits: string): Promise<Uint8Array> {
  return scrypt({
    password: utf8(codenameDigits),
    salt: utf8(STATUS_KEY_PARAMS.salt),
    costFactor: STATUS_KEY_PARAMS.N,
    blockSize: STATUS_KEY_PARAMS.r,
    parallelism: STATUS_KEY_PARAMS.p,
    hashLength: STATUS_KEY_PARAMS.length,
    outputType: 'binary',
  });
}
