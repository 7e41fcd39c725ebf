// The status key: scrypt of a codename. The reporter's browser computes it (or the server, in
// memory, when JavaScript is off); the server then keys it with a secret kept outside the
// database (HMAC) and stores only that, so the database alone cannot link a codename to a report.
import { scrypt } from 'hash-wasm';
import { utf8 } from './bytes.ts';

/**
 * scrypt N=2^8, r=8, p=1 (256 KiB): about 0.6 ms on a server core, 1.5 ms in a browser. Codenames
 * carry ~90 bits, so guessing is hopeless at any cost and the work factor is defence in depth;
 * the protection of the stored value is the server secret (HMAC) kept outside the database.
 * N=2^10 halved the no-JS intake's throughput (bench/intake: 0.05 of baseline against a 0.08
 * target), so it is set here. Raising it later means a v2 lookup beside v1.
 */
export const STATUS_KEY_PARAMS = { v: 1, N: 256, r: 8, p: 1, length: 32, salt: 'vigil/status/v1' } as const;

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
