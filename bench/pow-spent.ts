// What remembering spent proofs costs sealed intake: reports each carrying a fresh proof of work
// (the spent-proof store is written once per report) against the same reports without one (the
// store is not touched), and the no-JavaScript form (no proof), on SQLite and on PostgreSQL.
// Challenges are made here with the server's own secret at the highest bits the server could ask
// (base + 4), so the rising difficulty under this load refuses none. Interleaved rounds, medians.
// Run: npm run --silent build && node --import tsx -e "import('./bench/pow-spent.ts').then(m=>m.runSpentBench())"
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Request } from 'autocannon';
import { issueChallenge, solve, PROOF_HEADER } from '../src/core/pow/proof.ts';
import { DEFAULT_RULE } from '../src/core/pow/difficulty.ts';
import { loadServerSecret } from '../src/server/secret.ts';
import { toBase64Url, randomBytes } from '../src/core/crypto/bytes.ts';
import { sealedSubmission } from '../test/support/intake.ts';
import { createTestDatabase } from '../test/support/backends.ts';
import { median, startVigil, stopChild } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
/** More fresh proofs than a phase can send: none is sent twice (a replay would show as not 2xx). */
const PROOFS = 20_000;
const ROUNDS = 3;
const CONNECTIONS = 20;
const BASE_BITS = 1;

function proofs(dataDir: string, count: number): string[] {
  const secret = loadServerSecret(join(dataDir, 'server.secret'));
  const mac = (text: string) => secret.keyedHash('pow', text);
  const issuedAt = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, () => solve(issueChallenge({ family: 'report', bits: BASE_BITS + DEFAULT_RULE.maxExtra, issuedAt, id: toBase64Url(randomBytes(16)) }, mac)));
}

/** Each request takes the next body (and proof, if any) from lists shared by all connections: none is sent twice. */
function sequence(bodies: string[], proofList: string[] | null): Request[] {
  let next = 0;
  return [
    {
      method: 'POST',
      path: '/api/reports',
      setupRequest: (request) => {
        const i = next++;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (proofList) headers[PROOF_HEADER] = proofList[i % proofList.length]!;
        return { ...request, headers, body: bodies[i % bodies.length]! };
      },
    },
  ];
}

async function measure(backend: 'sqlite' | 'postgres'): Promise<Record<string, string | number>[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-'));
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  let child: ChildProcess | undefined;
  try {
    const env = { VIGIL_POW_BITS: String(BASE_BITS), VIGIL_INTAKE_PER_MINUTE: '100000000', ...(database ? { DATABASE_URL: database.url } : {}) };
    // `vigil init` (in startVigil) reads DATABASE_URL from this process's environment.
    if (database) process.env.DATABASE_URL = database.url;
    const server = await startVigil(dataDir, env).finally(() => delete process.env.DATABASE_URL);
    child = server.child;
    const base = server.base;
    const bodies = await Promise.all(Array.from({ length: 100 }, async () => JSON.stringify((await sealedSubmission({ url: base }, 'A report sent with a proof of work.')).body)));
    const form = new URLSearchParams([['lang', 'en'], ['what', 'detained'], ['city', 'Baku'], ['stillHeld', 'no'], ['story', 'A report sent without JavaScript.'], ['consentPublic', 'no'], ['consentLegal', 'no']]).toString();
    const phases = [
      { name: 'sealed, no proof', run: () => autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: sequence(bodies, null) }) },
      { name: 'sealed, fresh proof', run: () => autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: sequence(bodies, proofs(dataDir, PROOFS)) }) },
      { name: 'no-JS form', run: () => autocannon({ url: `${base}/report?lang=en`, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }) },
    ];
    const rps = phases.map(() => [] as number[]);
    const bad = phases.map(() => 0);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, phase] of phases.entries()) {
        process.stderr.write(`${backend} round ${round + 1}: ${phase.name}…\n`);
        const result = await phase.run();
        rps[i]!.push(result.requests.total / result.duration);
        bad[i]! += result.non2xx + result.errors;
      }
    }
    return phases.map((p, i) => ({ backend, phase: p.name, 'req/s (median)': Math.round(median(rps[i]!)), 'all rounds': rps[i]!.map(Math.round).join(' '), 'not 2xx': bad[i]! }));
  } finally {
    if (child) await stopChild(child);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runSpentBench(): Promise<void> {
  // BENCH_SPENT_BACKENDS=postgres to measure one.
  const backends = (process.env.BENCH_SPENT_BACKENDS ?? 'sqlite,postgres').split(',').filter((b) => b === 'sqlite' || (b === 'postgres' && process.env.VIGIL_TEST_PG_URL));
  const rows: Record<string, string | number>[] = [];
  for (const backend of backends) rows.push(...(await measure(backend as 'sqlite' | 'postgres')));
  console.log(`\nSealed intake with and without a fresh proof of work (${SECONDS} s a phase, ${CONNECTIONS} connections, ${ROUNDS} rounds)`);
  console.table(rows);
}
