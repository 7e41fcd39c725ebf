// Intake throughput: how many reports one server takes per second, sealed in the browser
// (JSON API) and sealed by the server (no-JavaScript form), against a trivial page on the
// same server. The server runs as a child process so its memory is measured on its own.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Request, Result } from 'autocannon';
import { sealTo, SealedKind } from '../src/core/crypto/sealed.ts';
import { utf8, toBase64Url, fromBase64Url, randomBytes } from '../src/core/crypto/bytes.ts';
import { procKb, rssSampler, startVigil, stopChild } from './support.ts';

export const SECONDS = Number(process.env.BENCH_SECONDS || 10);
export const CONNECTIONS = 50;
const SEALED_BODIES = 200;

const TARGETS = { sealedRatio: 0.4, formRatio: 0.08, maxRssMb: 300 };

// About 600 characters: a realistic account, so sealing and storage do real work.
const STORY = (
  'Around eleven at night three men in plain clothes came to our building and asked for my brother by name. ' +
  'They did not show any papers. They took his phone and laptop and told my mother he would be back in the morning. ' +
  'A neighbour saw a grey minivan without plates parked by the entrance for about an hour before. ' +
  'We went to the district police station at eight and were told he is not there. A lawyer we called says ' +
  'he may have been taken to the city department but nobody will confirm it. He has asthma and did not have ' +
  'his inhaler with him. We are afraid to post about it publicly.'
);

export interface Phase {
  name: string;
  result: Result;
  errors: number;
  peakRssMb: number;
}

/** Sealed-intake bodies, made the way the browser makes them, with the server's live key. */
async function sealedBodies(base: string): Promise<string[]> {
  const html = await (await fetch(`${base}/`)).text();
  const publicKey = fromBase64Url(/data-key="([^"]+)"/.exec(html)?.[1] ?? '');
  const keyId = /data-key-id="([^"]+)"/.exec(html)?.[1];
  if (!publicKey || publicKey.length !== 32 || !keyId) throw new Error('intake key not found on GET /');
  const answers = { v: 1, lang: 'en', what: ['detained'], stillHeld: 'yes', story: STORY, consentPublic: 'no', consentLegal: 'yes' };
  const bodies: string[] = [];
  for (let i = 0; i < SEALED_BODIES; i++) {
    const envelope = await sealTo(SealedKind.report, { publicKey, keyId }, utf8(JSON.stringify(answers)));
    bodies.push(JSON.stringify({ v: 1, lang: 'en', envelope: toBase64Url(envelope), statusKey: toBase64Url(randomBytes(32)) }));
  }
  return bodies;
}

/**
 * Each connection walks through all bodies in turn, so the server sees many different envelopes.
 * A plain list (no per-request callback) keeps the load generator's own CPU use as low as for
 * the baseline, which matters on a 2-core machine where both share the CPU.
 */
function rotating(bodies: string[]): Request[] {
  return bodies.map((body) => ({ method: 'POST', path: '/api/reports', headers: { 'content-type': 'application/json' }, body }));
}

/** What a reporter on a slow phone downloads: the form page in each language, and the sealing script. */
async function printPageWeights(base: string): Promise<void> {
  const gzKb = (body: Uint8Array | string) => (gzipSync(body).length / 1024).toFixed(1);
  const pages = await Promise.all(['en', 'az', 'ru'].map(async (lang) => [lang, await (await fetch(`${base}/?lang=${lang}`)).text()] as const));
  const script = /<script src="([^"]+)"/.exec(pages[0]![1])?.[1];
  const scriptBytes = script ? new Uint8Array(await (await fetch(`${base}${script}`)).arrayBuffer()) : new Uint8Array();
  console.log(`Page weight, gzipped: form ${pages.map(([lang, html]) => `${lang} ${gzKb(html)} KB`).join(', ')}; sealing script ${gzKb(scriptBytes)} KB`);
}

/** The no-JavaScript form's body: the same account as the sealed one. */
export const FORM = new URLSearchParams([
  ['lang', 'en'], ['what', 'detained'], ['what', 'raid'], ['city', 'Baku'], ['stillHeld', 'yes'],
  ['story', STORY], ['consentPublic', 'no'], ['consentLegal', 'yes'],
]).toString();

export interface PhaseOptions {
  /** Sampled for each phase's peak memory. */
  sampler?: ReturnType<typeof rssSampler>;
  /** Each request's headers (e.g. X-Forwarded-For naming a client), cycled through with the bodies. */
  headers?: Record<string, string>[];
  /** Passed to autocannon (e.g. workers: 1, to leave this thread to a proxy). */
  load?: Record<string, unknown>;
}

/** Each target — a static page (the baseline), sealed intake, no-JS intake — driven for SECONDS. */
export async function intakePhases(base: string, options: PhaseOptions = {}): Promise<Phase[]> {
  const sealed = rotating(await sealedBodies(base));
  const headers = options.headers ?? [{}];
  const each = (count: number, request: (i: number) => Request): Request[] => Array.from({ length: Math.max(count, headers.length) }, (_, i) => {
    const r = request(i % count);
    return { ...r, headers: { ...r.headers, ...headers[i % headers.length] } };
  });
  const plan = [
    { name: 'baseline GET /exit', expect: 200, options: { url: base, requests: each(1, () => ({ method: 'GET', path: '/exit' })) } },
    { name: 'sealed POST /api/reports', expect: 201, options: { url: base, requests: each(sealed.length, (i) => sealed[i]!) } },
    {
      name: 'form POST /report', expect: 200,
      options: { url: base, requests: each(1, () => ({ method: 'POST', path: '/report?lang=en', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: FORM })) },
    },
  ];
  const phases: Phase[] = [];
  for (const { name, expect, options: target } of plan) {
    process.stderr.write(`running ${name} for ${SECONDS} s…\n`);
    const { sampler } = options;
    if (sampler) {
      await sampler.sample();
      sampler.phaseMaxKb = 0;
    }
    const result = await autocannon({ ...target, connections: CONNECTIONS, duration: SECONDS, ...options.load });
    await sampler?.sample();
    // A 2xx other than the one the route answers (e.g. 200 instead of 201) is also wrong.
    const unexpected2xx = Object.entries(result.statusCodeStats)
      .filter(([code]) => code.startsWith('2') && Number(code) !== expect)
      .reduce((n, [, s]) => n + s.count, 0);
    phases.push({ name, result, errors: result.non2xx + result.errors + result.timeouts + unexpected2xx, peakRssMb: (sampler?.phaseMaxKb ?? 0) / 1024 });
  }
  return phases;
}

/** req/s, p99 and errors of each phase, and its ratio to the first (the static page). */
export function printPhases(phases: Phase[], memory = true): void {
  const baseline = phases[0]!.result.requests.average;
  console.table(
    phases.map((p) => ({
      target: p.name,
      'req/s': Math.round(p.result.requests.average),
      'p99 ms': p.result.latency.p99,
      errors: p.errors,
      ...(memory ? { 'peak RSS MB': Math.round(p.peakRssMb) } : {}),
      'vs baseline': (p.result.requests.average / baseline).toFixed(2),
    })),
  );
}

export async function runIntakeBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-'));
  let child: ChildProcess | undefined;
  let sampler: ReturnType<typeof rssSampler> | undefined;
  try {
    const server = await startVigil(dataDir);
    child = server.child;
    const pid = child.pid!;
    sampler = rssSampler(pid);
    await printPageWeights(server.base);
    const phases = await intakePhases(server.base, { sampler });
    const hwmMb = ((await procKb(pid, 'VmHWM')) ?? 0) / 1024;
    report(phases, hwmMb);
  } finally {
    if (sampler) clearInterval(sampler.timer);
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(phases: Phase[], hwmMb: number): void {
  const baseline = phases[0]!.result.requests.average;
  const ratio = (p: Phase) => p.result.requests.average / baseline;
  const cpu = cpus();
  console.log(`\nIntake benchmark: ${CONNECTIONS} connections, ${SECONDS} s per target`);
  console.log(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
  printPhases(phases);
  console.log(`Server peak resident memory (VmHWM): ${hwmMb.toFixed(0)} MB\n`);

  const [, sealed, form] = phases;
  const checks: [string, boolean][] = [
    [`sealed intake ≥ ${TARGETS.sealedRatio} × baseline (${ratio(sealed!).toFixed(2)})`, ratio(sealed!) >= TARGETS.sealedRatio],
    [`form intake ≥ ${TARGETS.formRatio} × baseline (${ratio(form!).toFixed(2)})`, ratio(form!) >= TARGETS.formRatio],
    [`zero errors (${phases.map((p) => p.errors).join(' / ')})`, phases.every((p) => p.errors === 0)],
    [`peak RSS ≤ ${TARGETS.maxRssMb} MB (${hwmMb.toFixed(0)})`, hwmMb <= TARGETS.maxRssMb && phases.every((p) => p.peakRssMb <= TARGETS.maxRssMb)],
  ];
  console.log('Targets:');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
}
