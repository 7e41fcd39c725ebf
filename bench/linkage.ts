// Linkage at scale (issue 11): 20,000 and 100,000 generated person records (test/support/
// linkage-people.ts, labelled, so the run's F1 is known) linked (a) by `vigil link` from the
// command line — the compiled CLI in its own process: wall time, its CPU time and its peak RSS
// (getrusage's maxRSS, read by a preload as it exits) — and (b) in a Web Worker in Chromium, as the
// workspace runs it: the engine bundled with esbuild and served from a loopback-only server; wall
// time from handing the people to the worker to its answer, and the peak RSS (VmHWM) of the tab's
// renderer process, which holds the worker. The baseline is 1,000 records the same way in the same
// run (mostly start-up). Prints pairs compared and pairwise precision/recall/F1 against the truth;
// targets: 100,000 records ≤ 60 s and ≤ 1 GB, 20,000 ≤ 15 s. Never fails on a missed target.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { launchChromium } from '../test/support/browser.ts';
import { labelledPeople, pairwiseScores, type LabelledRecord } from '../test/support/linkage-people.ts';
import { csvLine } from '../src/core/exports/csv.ts';
import { procKb, VIGIL } from './support.ts';

const SIZES = (process.env.BENCH_LINKAGE_SIZES ?? '20000,100000').split(',').map(Number);
const WHERE = (process.env.BENCH_LINKAGE_WHERE ?? 'cli,browser').split(',');
const BASELINE = 1_000;
const TARGET_SECONDS: Record<number, number> = { 20_000: 15, 100_000: 60 };
const TARGET_MB = 1024;

interface Run {
  where: 'cli' | 'browser';
  records: number;
  seconds: number;
  /** CLI: the process's user + system CPU; browser: the engine's own time inside the worker. */
  innerSeconds: number;
  peakMb: number;
  pairsCompared: number;
  scores: ReturnType<typeof pairwiseScores>;
}

/** `records` people written to about 1.9 records each, cut at exactly `records`; the same on every run. */
function dataset(records: number): LabelledRecord[] {
  return labelledPeople({ seed: 11, people: Math.ceil(records / 1.9) }).slice(0, records);
}

function peopleCsv(records: readonly LabelledRecord[]): string {
  let out = csvLine(['id', 'name', 'other_names', 'birth_year', 'city', 'event_date']);
  for (const r of records) out += csvLine([r.id, r.name, (r.otherNames ?? []).join(';'), r.birthYear ?? null, r.place ?? null, r.eventDate ?? null]);
  return out;
}

/** Writes getrusage's figures to file descriptor 3 as the CLI exits. */
const RUSAGE_PRELOAD = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, JSON.stringify(process.resourceUsage())));")}`;

async function viaCli(dir: string, records: readonly LabelledRecord[]): Promise<Run> {
  const input = join(dir, `people-${records.length}.csv`);
  const output = join(dir, `clusters-${records.length}.csv`);
  await writeFile(input, peopleCsv(records));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RUSAGE_PRELOAD, VIGIL, 'link', '--in', input, '--out', output, '--force'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let usage = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdio[3]!.on('data', (c: Buffer) => (usage += c.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`vigil link exited ${code}: ${stderr}`);
  const { maxRSS, userCPUTime, systemCPUTime } = JSON.parse(usage) as NodeJS.ResourceUsage;
  // clusters.csv: one "id,cluster" row per record, in input order.
  const labels = (await readFile(output, 'utf8')).trim().split('\r\n').slice(1).map((line) => line.slice(line.indexOf(',') + 1));
  const numbers = new Map<string, number>();
  const clusterOf = labels.map((label) => numbers.get(label) ?? numbers.set(label, numbers.size).size - 1);
  return {
    where: 'cli',
    records: records.length,
    seconds,
    innerSeconds: (userCPUTime + systemCPUTime) / 1e6,
    peakMb: maxRSS / 1024,
    pairsCompared: Number(/([\d,]+) pairs compared/.exec(stderr)![1]!.replace(/,/g, '')),
    scores: pairwiseScores(records, clusterOf),
  };
}

/** The worker script and the people lists, served on 127.0.0.1 only. */
async function startStaticServer(datasets: Map<number, LabelledRecord[]>) {
  const bundled = await build({ entryPoints: [join(import.meta.dirname, 'linkage-worker.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'warning' });
  const worker = bundled.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    const size = /^\/people-(\d+)\.json$/.exec(request.url ?? '')?.[1];
    if (request.url === '/worker.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(worker);
    else if (size && datasets.has(Number(size))) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(datasets.get(Number(size))!.map(({ id, name, otherNames, birthYear, place, eventDate }) => ({ id, name, otherNames, birthYear, place, eventDate }))));
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>linkage bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** One fresh browser per run, so the renderer's peak RSS is this run's. */
async function inBrowser(base: string, records: readonly LabelledRecord[]): Promise<Run> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(base);
    const result = await page.evaluate(async (size) => {
      const people = (await (await fetch(`/people-${size}.json`)).json()) as unknown[];
      const worker = new Worker('/worker.js');
      const started = performance.now();
      const answer = await new Promise<{ clusterOf: Int32Array; pairsCompared: number; engineMs: number }>((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data as never);
        worker.onerror = (event) => reject(new Error(event.message));
        worker.postMessage(people);
      });
      const ms = performance.now() - started;
      worker.terminate();
      return { ms, engineMs: answer.engineMs, pairsCompared: answer.pairsCompared, clusterOf: Array.from(answer.clusterOf) };
    }, records.length);
    // The renderer processes of this browser (the page's holds its worker): the highest peak RSS.
    const { processInfo } = (await (await browser.newBrowserCDPSession()).send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const peaks = await Promise.all(processInfo.filter((p) => p.type === 'renderer').map((p) => procKb(p.id, 'VmHWM')));
    return {
      where: 'browser',
      records: records.length,
      seconds: result.ms / 1000,
      innerSeconds: result.engineMs / 1000,
      peakMb: Math.max(...peaks.map((kb) => kb ?? 0)) / 1024,
      pairsCompared: result.pairsCompared,
      scores: pairwiseScores(records, result.clusterOf),
    };
  } finally {
    await browser.close();
  }
}

export async function runLinkageBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-linkage-'));
  const sizes = [BASELINE, ...SIZES];
  const datasets = new Map(sizes.map((n) => [n, dataset(n)]));
  const load = loadavg()[0]!;
  const runs: Run[] = [];
  try {
    if (WHERE.includes('cli')) {
      for (const n of sizes) {
        process.stderr.write(`vigil link, ${n.toLocaleString('en')} records…\n`);
        runs.push(await viaCli(dir, datasets.get(n)!));
      }
    }
    if (WHERE.includes('browser')) {
      const server = await startStaticServer(datasets);
      try {
        for (const n of sizes) {
          process.stderr.write(`Chromium worker, ${n.toLocaleString('en')} records…\n`);
          runs.push(await inBrowser(server.base, datasets.get(n)!));
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  console.log(`\nLinkage benchmark (generated records, seed 11; baseline = ${BASELINE.toLocaleString('en')} records the same way, same run; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
  console.table(
    runs.map((r) => {
      const baseline = runs.find((b) => b.where === r.where && b.records === BASELINE)!;
      return {
        where: r.where === 'cli' ? 'vigil link (CLI)' : 'Chromium worker',
        records: r.records,
        'wall s': r.seconds.toFixed(1),
        'vs baseline': (r.seconds / baseline.seconds).toFixed(1),
        'CPU s / engine s': r.innerSeconds.toFixed(1),
        'peak RSS MB': r.peakMb.toFixed(0),
        'peak vs baseline': (r.peakMb / baseline.peakMb).toFixed(1),
        'pairs compared': r.pairsCompared,
        precision: r.scores.precision.toFixed(3),
        recall: r.scores.recall.toFixed(3),
        F1: r.scores.f1.toFixed(3),
      };
    }),
  );
  console.log('CPU s: the CLI process\'s user + system time; engine s: linkPeople inside the worker. Peak RSS: the CLI process (maxRSS) / the tab\'s renderer process, which holds the worker (VmHWM).');
  console.log('Targets:');
  for (const r of runs.filter((r) => TARGET_SECONDS[r.records] !== undefined)) {
    const where = r.where === 'cli' ? 'CLI' : 'browser';
    console.log(`  ${r.seconds <= TARGET_SECONDS[r.records]! ? 'PASS' : 'FAIL'}  ${where}, ${r.records.toLocaleString('en')} records ≤ ${TARGET_SECONDS[r.records]} s (${r.seconds.toFixed(1)} s)`);
    if (r.records === 100_000) console.log(`  ${r.peakMb <= TARGET_MB ? 'PASS' : 'FAIL'}  ${where}, ${r.records.toLocaleString('en')} records ≤ 1 GB (${r.peakMb.toFixed(0)} MB)`);
  }
}
