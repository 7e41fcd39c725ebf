// Multiple systems estimation at scale (issue 12): 100,000 documented people on 8 lists, drawn with a
// seeded generator from a population with pairwise dependence between some lists (a referral from one
// list to another, one list reaching the people another misses). Times, in this process: building the
// capture histories from the 100,000 people (the baseline: what counting them costs), one fit of the
// independence model, the all-pairs model with its profile interval, and every model enumerateModels(8)
// gives with intervals for the ten best (estimatePopulation's default, what `vigil estimate` does); then
// the compiled `vigil estimate` end to end on a CSV of one row per person. Medians of RUNS runs and the
// first (cold) run, wall and CPU time; target: building the histories and fitting every model ≤ 2 s
// (judged on the wall time; the CPU time tells a slow machine from a busy one). Never fails on a missed target.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { historiesFromPeople, observedCount, type CaptureHistories } from '../src/core/estimate/histories.ts';
import { fitModel } from '../src/core/estimate/loglinear.ts';
import { allPairs, enumerateModels, independence } from '../src/core/estimate/models.ts';
import { estimatePopulation, fitWithInterval } from '../src/core/estimate/select.ts';
import { seeded } from '../src/core/linkage/seeded.ts';
import { median, VIGIL } from './support.ts';

const PEOPLE = 100_000;
const LISTS = 8;
const RUNS = Number(process.env.BENCH_ESTIMATE_RUNS || 5);
const TARGET_SECONDS = 2;
const SEED = 12;

/** Each list's chance of documenting a person, before the dependences below. */
const REACH = [0.2, 0.15, 0.1, 0.12, 0.08, 0.18, 0.06, 0.1];

/**
 * People drawn from a population until PEOPLE of them are on some list (the rest are the unseen the
 * estimate is after). List 2 documents far more of list 1's people (a referral); list 5 more of list 4's;
 * list 6 fewer of list 3's (each reaches a different community).
 */
function population(): { people: number[][]; size: number } {
  const random = seeded(SEED);
  const people: number[][] = [];
  let size = 0;
  while (people.length < PEOPLE) {
    size += 1;
    const on: number[] = [];
    const reach = (list: number) => (list === 1 && on.includes(0) ? 0.45 : list === 4 && on.includes(3) ? 0.3 : list === 5 && on.includes(2) ? 0.05 : REACH[list]!);
    for (let list = 0; list < LISTS; list++) if (random() < reach(list)) on.push(list);
    if (on.length) people.push(on);
  }
  return { people, size };
}

interface Timing {
  what: string;
  seconds: number[];
  /** This process's user + system CPU time per run (wall time alone misleads on a busy machine); null for a child process. */
  cpuSeconds: number[] | null;
}

function timed<T>(what: string, run: () => T): { timing: Timing; last: T } {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let last!: T;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    last = run();
    const used = process.cpuUsage(cpu);
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  return { timing: { what, seconds, cpuSeconds }, last };
}

/** The CSV `vigil estimate` reads: one row per person, a 0/1 column per list. */
function peopleCsv(people: readonly number[][]): string {
  const names = Array.from({ length: LISTS }, (_, list) => `list${list + 1}`);
  return `${names.join(',')}\n${people.map((on) => names.map((_, list) => (on.includes(list) ? 1 : 0)).join(',')).join('\n')}\n`;
}

async function viaCli(people: readonly number[][]): Promise<Timing | null> {
  if (!existsSync(VIGIL)) return null; // not built: `npm run bench` builds first
  const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-estimate-'));
  try {
    const input = join(dir, 'histories.csv');
    await writeFile(input, peopleCsv(people));
    const seconds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const child = spawn(process.execPath, [VIGIL, 'estimate', '--in', input, '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      if (code !== 0) throw new Error(`vigil estimate exited ${code}: ${stderr}`);
      seconds.push((performance.now() - started) / 1000);
    }
    return { what: `vigil estimate --in (${PEOPLE.toLocaleString('en')} rows, one per person) --json, compiled, whole process`, seconds, cpuSeconds: null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runEstimateBench(): Promise<void> {
  const load = loadavg()[0]!;
  const { people, size } = population();
  const models = enumerateModels(LISTS);
  const build = timed(`build the capture histories of ${PEOPLE.toLocaleString('en')} people (baseline)`, () => historiesFromPeople(LISTS, people));
  const histories: CaptureHistories = build.last;
  const one = timed('one fit: the independence model, no interval', () => fitModel(histories, independence(LISTS)));
  const pairs = timed(`the all-pairs model (${LISTS * (LISTS - 1) / 2} interactions) with its profile interval`, () => fitWithInterval(histories, allPairs(LISTS)));
  const every = timed(`every model (${models.models.length}), intervals for the 10 best`, () => estimatePopulation(histories));
  const cli = await viaCli(people);
  const timings = [build.timing, one.timing, pairs.timing, every.timing, ...(cli ? [cli] : [])];

  const baseline = median(build.timing.seconds);
  console.log(`\nEstimation benchmark (${PEOPLE.toLocaleString('en')} people on ${LISTS} lists, seed ${SEED}; medians of ${RUNS} runs; baseline = building the histories, same run; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
  console.table(timings.map((t) => ({ what: t.what, 'median s': median(t.seconds).toFixed(3), 'first run s': t.seconds[0]!.toFixed(3), 'vs baseline': (median(t.seconds) / baseline).toFixed(1), 'median CPU s': t.cpuSeconds ? median(t.cpuSeconds).toFixed(3) : '' })));
  const result = every.last;
  const ci = result.ci95!;
  console.log(`Population ${size.toLocaleString('en')}, documented ${observedCount(histories).toLocaleString('en')}; chosen by AIC: ${result.model}, estimate ${Math.round(result.estimate!).toLocaleString('en')} (95 % CI ${Math.round(ci[0]).toLocaleString('en')} – ${ci[1] === null ? 'unbounded' : Math.round(ci[1]).toLocaleString('en')}); all pairs: ${Math.round(pairs.last!.estimate).toLocaleString('en')}.`);
  if (!cli) console.log('vigil estimate (compiled) not timed: run `npm run --silent build` first.');
  const total = median(build.timing.seconds.map((s, i) => s + every.timing.seconds[i]!));
  const totalCpu = median(build.timing.cpuSeconds!.map((s, i) => s + every.timing.cpuSeconds![i]!));
  console.log('Target:');
  console.log(`  ${total <= TARGET_SECONDS ? 'PASS' : 'FAIL'}  ${PEOPLE.toLocaleString('en')} people on ${LISTS} lists, histories built and every model fitted ≤ ${TARGET_SECONDS} s (median ${total.toFixed(2)} s wall, ${totalCpu.toFixed(2)} s CPU)`);
}

// Run directly: `node --import tsx bench/estimate.ts` (`npm run --silent build` first to time the compiled CLI too).
if (import.meta.url === `file://${process.argv[1]}`) await runEstimateBench();
