// Proof of work: what it costs a reporter (solve time in Node and in Chromium, at full speed and
// slowed 4× as Chromium's own "low-end mobile" preset does), what it costs the server (issuing and
// checking, against a plain page), and what it buys: a flood of reports without proofs from one
// address (everyone behind Tor) while a reporter whose browser solves proofs keeps sending.
// Figures are medians or ratios to a baseline measured in the same run; nothing here fails on a
// missed target.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Options } from 'autocannon';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../test/support/browser.ts';
import { sealedSubmission } from '../test/support/intake.ts';
import { PROOF_FIELD, PROOF_HEADER, checkProof, issueChallenge, solve, solveSome, type PowFamily } from '../src/core/pow/proof.ts';
import { formatCodename, newCodename } from '../src/core/crypto/codename.ts';
import { startVigil, stopChild } from './support.ts';

const SOLVES = Number(process.env.BENCH_POW_SOLVES || 20);
const BROWSER_SOLVES = Number(process.env.BENCH_POW_BROWSER_SOLVES || 8);
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const FLOOD = { requests: 2000, perSecond: 100 };
const REAL_REPORTS = 20;
/** The per-client limit the flood runs into: the default. */
const INTAKE_PER_MINUTE = 30;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const nonceOf = (proof: string) => Number(proof.slice(proof.lastIndexOf('.') + 1));

async function challenge(base: string, family: PowFamily): Promise<{ challenge: string; bits: number }> {
  return (await (await fetch(`${base}/api/pow?for=${family}`)).json()) as { challenge: string; bits: number };
}

/** Solves as the page does, in slices, so the flood this process also drives keeps its pace. */
async function solveInSlices(text: string, bits: number): Promise<string> {
  for (let from = 0; ; await new Promise((r) => setImmediate(r))) {
    for (const slice = performance.now() + 40; performance.now() < slice; from += 256) {
      const proof = solveSome(text, bits, from, 256);
      if (proof) return proof;
    }
  }
}

/** Solve times in Node at the server's bits. */
async function nodeSolves(base: string): Promise<{ bits: number; ms: number[]; hashesPerSecond: number[] }> {
  const out = { bits: 0, ms: [] as number[], hashesPerSecond: [] as number[] };
  for (let i = 0; i < SOLVES; i++) {
    const c = await challenge(base, 'report');
    out.bits = c.bits;
    const started = performance.now();
    const proof = await solveInSlices(c.challenge, c.bits);
    const ms = performance.now() - started;
    out.ms.push(ms);
    out.hashesPerSecond.push((nonceOf(proof) + 1) / (ms / 1000));
  }
  return out;
}

/** The real script on the status page: from the challenge's arrival to the form leaving with its proof. */
async function browserSolves(base: string, slowdown: number, jitless = false, solves = BROWSER_SOLVES): Promise<{ ms: number[]; hashesPerSecond: number[]; gaveUp: number }> {
  const args = jitless ? [...CHROMIUM_FLAGS, '--js-flags=--jitless'] : CHROMIUM_FLAGS;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  const out = { ms: [] as number[], hashesPerSecond: [] as number[], gaveUp: 0 };
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    for (let i = 0; i < solves; i++) {
      await page.goto(`${base}/status?lang=en`);
      await page.fill('#codename', formatCodename(newCodename()));
      const issued = page.waitForResponse((r) => r.url().includes('/api/pow'), { timeout: 120_000 }).then(() => performance.now());
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/status?'), { timeout: 120_000 }).then((r) => ({ at: performance.now(), body: r.postData() ?? '' }));
      const navigated = page.waitForNavigation({ timeout: 120_000 });
      await page.click('button[type=submit]');
      const [from, request] = await Promise.all([issued, sent, navigated]);
      const proof = new URLSearchParams(request.body).get(PROOF_FIELD);
      out.ms.push(request.at - from);
      // Without a proof: the script judged this device too slow and sent the form as it was.
      if (proof) out.hashesPerSecond.push((nonceOf(proof) + 1) / ((request.at - from) / 1000));
      else out.gaveUp += 1;
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Hashes per second of V8 without its JIT (as in Tor Browser's "Safer" level), in a child Node. */
function jitlessHashRate(): number {
  const code = `import('./src/core/pow/proof.ts').then(({ solveSome }) => { let n = 0; const end = performance.now() + 2000; const t = performance.now(); while (performance.now() < end) { solveSome('1.report.40.0.${'A'.repeat(22)}.${'0'.repeat(32)}', 40, n, 256); n += 256; } console.log(n / ((performance.now() - t) / 1000)); })`;
  const child = spawnSync(process.execPath, ['--jitless', '--import', 'tsx', '-e', code], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
  return Number(child.stdout.trim());
}

/**
 * Requests per second of a plain GET, of issuing a challenge, and of a report refused on arrival
 * without a proof (429) and with a spent proof (400, checked in full: MAC, age, difficulty,
 * SHA-256, spent set). Interleaved rounds, medians: other load on the machine drifts.
 */
async function serverCost(base: string, spentProof: string): Promise<{ name: string; rps: number }[]> {
  const report = { url: `${base}/api/reports`, method: 'POST', body: '{}' };
  const plan: { name: string; options: Options }[] = [
    { name: 'baseline GET /favicon.ico (204)', options: { url: `${base}/favicon.ico` } },
    { name: 'issue GET /api/pow', options: { url: `${base}/api/pow?for=report` } },
    { name: 'report without proof, past the limit (429)', options: { ...report, headers: { 'content-type': 'application/json' } } },
    { name: 'report with a spent proof (400)', options: { ...report, headers: { 'content-type': 'application/json', [PROOF_HEADER]: spentProof } } },
  ];
  const rps = plan.map(() => [] as number[]);
  for (let round = 0; round < 3; round++) {
    for (const [i, { name, options }] of plan.entries()) {
      process.stderr.write(`round ${round + 1}: ${name} for ${SECONDS} s…\n`);
      rps[i]!.push((await autocannon({ ...options, connections: 20, duration: SECONDS })).requests.average);
    }
  }
  return plan.map(({ name }, i) => ({ name, rps: median(rps[i]!) }));
}

/**
 * The flood, from its own process (so the reporter's solving here does not slow it): status counts,
 * and requests that got no answer (a refused request's unread body closes its connection; the
 * flood's connections beyond its share are refused).
 */
function floodFromChild(base: string): Promise<Record<string, number>> {
  const options = { url: `${base}/api/reports`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', connections: 10, amount: FLOOD.requests, overallRate: FLOOD.perSecond };
  const code = `import('autocannon').then(async ({ default: autocannon }) => { const r = await autocannon(${JSON.stringify(options)}); console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(r.statusCodeStats).map(([c, s]) => [c, s.count])), 'no answer (connection closed or refused)': r.errors + r.timeouts })); })`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (status) => (status === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`the flood exited with ${status}`))));
  });
}

/**
 * A reporter's browser, as the script does it, for reports sealed beforehand: a challenge, solved,
 * then the report with its proof; a refused proof (the difficulty rose meanwhile) is solved once
 * more. The latency is the POST's alone (solving is the reporter's own CPU, not the server's).
 */
async function realReporter(base: string, bodies: string[], floodOn = () => false): Promise<{ accepted: number; duringFlood: number; resolved: number; bits: number; ms: number[] }> {
  const out = { accepted: 0, duringFlood: 0, resolved: 0, bits: 0, ms: [] as number[] };
  for (const body of bodies) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const c = await challenge(base, 'report');
      out.bits = c.bits;
      const proof = await solveInSlices(c.challenge, c.bits);
      const started = performance.now();
      const response = await fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', [PROOF_HEADER]: proof }, body });
      await response.arrayBuffer();
      out.ms.push(performance.now() - started);
      if (response.status === 201) out.accepted += 1;
      if (response.status === 201 && floodOn()) out.duringFlood += 1;
      if (response.status !== 400) break;
      out.resolved += 1;
    }
  }
  return out;
}

const sealedBodies = (base: string) => Promise.all(Array.from({ length: REAL_REPORTS }, async () => JSON.stringify((await sealedSubmission({ url: base }, 'A real report sent during a flood.')).body)));

export async function runPowBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-'));
  let child: ChildProcess | undefined;
  try {
    const server = await startVigil(dataDir, { VIGIL_INTAKE_PER_MINUTE: String(INTAKE_PER_MINUTE) });
    child = server.child;
    const base = server.base;

    process.stderr.write(`solving ${SOLVES} challenges in Node…\n`);
    const node = await nodeSolves(base);
    process.stderr.write(`solving ${BROWSER_SOLVES} challenges in Chromium, at full speed and slowed 4×…\n`);
    const fast = await browserSolves(base, 1);
    const slow = await browserSolves(base, 4);
    // Tor Browser's "Safer" level turns the JavaScript JIT off; V8's --jitless is the nearest Chromium has.
    const jitless = await browserSolves(base, 1, true, 3);
    const jitlessNode = jitlessHashRate();

    // A proof spent once is what a check costs: all of it (MAC, age, difficulty, SHA-256, spent set) but the storing.
    const spent = solve((await challenge(base, 'report')).challenge);
    const first = await sealedSubmission({ url: base }, 'spends the proof');
    if ((await fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', [PROOF_HEADER]: spent }, body: JSON.stringify(first.body) })).status !== 201) throw new Error('a proof-carrying report was not taken');
    const costs = await serverCost(base, spent);

    process.stderr.write(`a reporter sends ${REAL_REPORTS} reports with proofs, no flood…\n`);
    const quiet = await realReporter(base, await sealedBodies(base));
    const bodies = await sealedBodies(base);
    process.stderr.write(`flooding POST /api/reports: ${FLOOD.requests} requests without a proof at ${FLOOD.perSecond}/s, the reporter sends ${REAL_REPORTS} more…\n`);
    let flooding = true;
    const floodStarted = performance.now();
    const flood = floodFromChild(base).finally(() => (flooding = false));
    const during = await realReporter(base, bodies, () => flooding);
    const reporterSeconds = (performance.now() - floodStarted) / 1000;
    const floodCodes = await flood;
    const floodSeconds = (performance.now() - floodStarted) / 1000;

    const cpu = cpus();
    const script = await stat(join(import.meta.dirname, '..', 'dist', 'web', 'public', 'vigil.js'));
    console.log(`\nProof-of-work benchmark at the default difficulty: ${node.bits} bits (VIGIL_POW_BITS)`);
    console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}; public script ${(script.size / 1024).toFixed(1)} KB\n`);
    const expectedMs = (rate: number) => Math.round((1000 * Math.LN2 * 2 ** node.bits) / rate);
    const solveRow = (where: string, s: { ms: number[]; hashesPerSecond: number[]; gaveUp?: number }) => {
      const rate = s.hashesPerSecond.length ? median(s.hashesPerSecond) : NaN;
      return { where, tries: s.ms.length, 'gave up': s.gaveUp ?? 0, 'median ms': Math.round(median(s.ms)), 'hashes/s': Math.round(rate), 'expected median ms': expectedMs(rate) };
    };
    console.log('What a reporter pays (solve time is random: the expected median follows from the hash rate):');
    console.table([
      solveRow('Node', node),
      solveRow('Chromium', fast),
      solveRow('Chromium, CPU slowed 4×', slow),
      solveRow('Chromium without JIT', jitless),
      { where: 'Node without JIT (2 s of hashing)', tries: 1, 'gave up': 0, 'median ms': NaN, 'hashes/s': Math.round(jitlessNode), 'expected median ms': expectedMs(jitlessNode) },
    ]);
    console.log(`Without JIT (Tor Browser "Safer") solving is that much slower; the script gives up after 2 s if the average would pass 30 s, and sends the form without a proof.\n`);

    const baseline = costs[0]!.rps;
    console.log('What the server pays:');
    console.table(costs.map((c) => ({ target: c.name, 'req/s': Math.round(c.rps), 'vs baseline': (c.rps / baseline).toFixed(2) })));
    // In-process: a proof solved here at 8 bits (the check's cost does not depend on the bits), its MAC a real HMAC.
    const key = randomBytes(32);
    const mac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
    const now = Math.floor(Date.now() / 1000);
    const local = solve(issueChallenge({ family: 'report', bits: 8, issuedAt: now, id: 'A'.repeat(22) }, mac));
    const checks = 20_000;
    const started = performance.now();
    for (let i = 0; i < checks; i++) if (!checkProof(local, { family: 'report', minBits: 8, now, mac }).ok) throw new Error('the local proof did not check');
    console.log(`One proof checked in-process (parse, HMAC, SHA-256): ${((1000 * (performance.now() - started)) / checks).toFixed(1)} µs\n`);

    console.log(`Flood: ${FLOOD.requests} reports without a proof from one address at ${FLOOD.perSecond}/s (limit ${INTAKE_PER_MINUTE}/min), while a reporter with proofs sends ${REAL_REPORTS}:`);
    console.log(`  flood answers over ${floodSeconds.toFixed(1)} s: ${JSON.stringify(floodCodes)}`);
    console.log(`  the reporter's reports accepted: ${during.accepted} of ${REAL_REPORTS} in ${reporterSeconds.toFixed(1)} s, ${during.duringFlood} of them while the flood ran (without the flood: ${quiet.accepted} of ${REAL_REPORTS})`);
    console.log(`  solved again after a rise in difficulty: ${during.resolved} (${quiet.resolved} without); bits asked at the end: ${during.bits}`);
    console.log(`  the reporter's median latency: ${median(during.ms).toFixed(1)} ms with the flood, ${median(quiet.ms).toFixed(1)} ms without: ratio ${(median(during.ms) / median(quiet.ms)).toFixed(2)}`);
  } finally {
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Run directly: `npm run --silent build && node --import tsx bench/pow.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await runPowBench();
