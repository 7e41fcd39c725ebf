// The workspace dashboard at scale: 100,000 acts (50,000 people, 2,000 incidents, 12,000
// detentions, 50 places, 20 units, 50,000 involvements, 60,000 sources) in a fresh SQLite database.
// Measures GET /api/dashboard (server time seen by a client on the same machine; median and p95 of
// 30 calls), unfiltered and filtered, computed afresh after a change and answered again from the
// cache, and a drill-down page, against GET /api/me in the same run.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { logIn } from '../test/support/org.ts';
import { ACT_TYPES } from '../src/core/records/vocabulary.ts';
import { IN_CUSTODY } from '../src/core/records/vocabulary-words.ts';
import { addDays } from '../src/core/records/custody.ts';
import { BENCH_EMAIL, BENCH_PASSPHRASE, initVigil, launchVigil, median, stopChild } from './support.ts';

const ACTS = Number(process.env.BENCH_ACTS ?? 100_000);
const CALLS = 30;
const TARGET_MS = 200;

export function seed(dataDir: string): { incidentId: string; placeId: string } {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'));
  const by = (db.prepare('select id from members limit 1').get() as { id: string }).id;
  const keyId = (db.prepare("select id from intake_keys where purpose = 'records'").get() as { id: string }).id;
  const now = new Date().toISOString();
  const sealed = () => randomBytes(300);
  const entry = db.prepare('insert into registry (id, kind, code, labels, place_kind, appeal_days, created_at, created_by) values (?, ?, ?, ?, ?, null, ?, ?)');
  const record = `key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by`;
  const recordValues = `?, ?, ?, 1, ?, ?, ?, ?`;
  const incident = db.prepare(`insert into incidents (id, ${record}, date_start, date_start_precision, date_end_precision, place_ids, monitoring_status) values (?, ${recordValues}, ?, 'day', 'unknown', '[]', 'open')`);
  const person = db.prepare(`insert into persons (id, ${record}, counting_unit, age_range, consent_sharing, name_preference, reprisal_risk) values (?, ${recordValues}, 'individual', 'unknown', 'un', 'initials', 'high')`);
  const act = db.prepare(`insert into acts (id, ${record}, date_start, date_start_precision, date_end_precision, incident_id, person_id, type_code, place_id) values (?, ${recordValues}, ?, ?, 'unknown', ?, ?, ?, ?)`);
  const detention = db.prepare("insert into detentions (act_id, status, held_at, custody_start, lawyer_access, family_access, decision, fine_amount, detention_days, expected_release, released_on, version, updated_at, updated_by) values (?, ?, ?, ?, 'unknown', 'unknown', ?, ?, ?, ?, ?, 1, ?, ?)");
  const involvement = db.prepare(`insert into involvements (id, ${record}, act_id, unit_id, perpetrator_type, degree) values (?, ${recordValues}, ?, ?, 'police', 'perpetrator')`);
  const source = db.prepare(`insert into sources (id, ${record}, target_type, target_id, report_id, connection, reliability, credibility, source_date) values (?, ${recordValues}, ?, ?, null, 'victim', 'B', '2', null)`);
  const common = (id: string) => [id, keyId, sealed(), sealed(), now, by, now, by] as const;
  const places: string[] = [];
  const units: string[] = [];
  const incidents: string[] = [];
  const persons: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 50; i++) {
      places.push(randomUUID());
      entry.run(places[i], 'place', `bench-place-${i}`, JSON.stringify({ en: `Place ${i}`, az: `Yer ${i}`, ru: `Место ${i}` }), 'police', now, by);
    }
    for (let i = 0; i < 20; i++) {
      units.push(randomUUID());
      entry.run(units[i], 'unit', `bench-unit-${i}`, JSON.stringify({ en: `Unit ${i}`, az: `Bölmə ${i}`, ru: `Отдел ${i}` }), null, now, by);
    }
    for (let i = 0; i < 2000; i++) {
      incidents.push(randomUUID());
      incident.run(...common(incidents[i]!), addDays('2026-01-01', i % 300));
      if (i % 2 === 0) for (let s = 0; s < (i % 5) + 1; s++) source.run(...common(randomUUID()), 'incident', incidents[i]);
    }
    for (let i = 0; i < ACTS / 2; i++) {
      persons.push(randomUUID());
      person.run(...common(persons[i]!));
    }
    const detentionTypes = ACT_TYPES.filter((a) => a.detention).map((a) => a.code);
    for (let i = 0; i < ACTS; i++) {
      const id = randomUUID();
      const isDetention = i % 8 === 0 && i / 8 < 12_000;
      const type = isDetention ? detentionTypes[i % detentionTypes.length]! : ACT_TYPES[i % ACT_TYPES.length]!.code;
      const start = addDays('2026-01-01', i % 330);
      // One act in 20 dated only to the month, one in 50 undated.
      const [date, precision] = i % 20 === 1 ? [start.slice(0, 7), 'month'] : i % 50 === 3 ? [null, 'unknown'] : [start, 'day'];
      act.run(...common(id), date, precision, incidents[i % incidents.length], persons[i % persons.length], type, i % 10 === 9 ? null : places[i % places.length]);
      if (isDetention) {
        const held = i / 8 < 3000;
        const decision = ['detention', 'fine', 'pending', 'detention'][(i >> 3) % 4]!;
        const days = decision === 'detention' ? [10, 15, 30, 60][(i >> 5) % 4]! : null;
        detention.run(id, held ? IN_CUSTODY[i % IN_CUSTODY.length] : 'released', places[i % places.length], start, decision, decision === 'fine' ? 200 : null, days, days ? addDays(start, days) : null, held ? null : addDays(start, 5), now, by);
      }
      if (i % 2 === 0) involvement.run(...common(randomUUID()), id, i % 14 === 0 ? null : units[i % units.length]);
      if (i % 5 < 3) for (let s = 0; s < (i % 3) + 1 && s < 2; s++) source.run(...common(randomUUID()), 'act', id);
    }
  })();
  db.close();
  return { incidentId: incidents[7]!, placeId: places[3]! };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;

/** CPU time the server process has used so far (user + system, ms; /proc counts in clock ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

let serverPid = 0;

/** Wall times of the calls, and the server's CPU time per call (averaged: the clock ticks are coarse). */
async function timed(call: () => Promise<Response>, before?: () => Promise<void>): Promise<{ times: number[]; cpu: number }> {
  const times: number[] = [];
  let cpu = 0;
  for (let i = 0; i < CALLS + 2; i++) {
    await before?.();
    const cpuBefore = await cpuMs(serverPid);
    const start = performance.now();
    const response = await call();
    await response.arrayBuffer();
    const wall = performance.now() - start;
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    // The first two warm the caches (SQLite pages, the JIT); they are not counted.
    if (i >= 2) {
      times.push(wall);
      cpu += (await cpuMs(serverPid)) - cpuBefore;
    }
  }
  return { times, cpu: cpu / CALLS };
}

export async function runDashboardBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-dashboard-'));
  let child: ChildProcess | undefined;
  try {
    await initVigil(dataDir);
    process.stderr.write(`writing ${ACTS} acts…\n`);
    const { incidentId, placeId } = seed(dataDir);
    const server = await launchVigil(dataDir);
    child = server.child;
    serverPid = child.pid!;
    const member = await logIn({ url: server.base } as never, BENCH_EMAIL, BENCH_PASSPHRASE);
    // "after a change": an administrator adds a registry entry before each call (audited, so the
    // dashboard's cache is dropped and the counts are computed afresh); "again": the same call repeated.
    let changes = 0;
    const change = async () => {
      const response = await member.post('/api/registry', { kind: 'unit', code: `bench-change-${changes++}`, labels: { en: 'x', az: 'x', ru: 'x' }, placeKind: null, appealDays: null });
      if (response.status !== 201) throw new Error(`change: ${response.status}`);
    };
    const dashboards = [
      ['unfiltered, by day', '/api/dashboard'],
      ['unfiltered, by week', '/api/dashboard?bucket=week'],
      ['one month', '/api/dashboard?from=2026-03-01&to=2026-03-31'],
      ['one incident', `/api/dashboard?incident=${incidentId}`],
      ['incident and range', `/api/dashboard?incident=${incidentId}&from=2026-01-01&to=2026-06-30&bucket=week`],
    ] as const;
    const results: { what: string; times: number[]; cpu: number; target: boolean }[] = [{ what: 'baseline: GET /api/me', ...(await timed(() => member.get('/api/me'))), target: false }];
    for (const [what, path] of dashboards) results.push({ what: `dashboard, ${what}, after a change`, ...(await timed(() => member.get(path), change)), target: true });
    for (const [what, path] of dashboards) results.push({ what: `dashboard, ${what}, again`, ...(await timed(() => member.get(path))), target: true });
    results.push({ what: 'drill-down: acts at a place, page 1', ...(await timed(() => member.get(`/api/dashboard/acts?by=place&value=${placeId}`))), target: false });
    results.push({ what: 'drill-down: people held, page 1', ...(await timed(() => member.get('/api/dashboard/acts?by=held'))), target: false });

    const baseline = median(results[0]!.times);
    console.log(`\nDashboard benchmark (${ACTS} acts, SQLite; ${CALLS} calls each after 2 warm-up calls; baseline = GET /api/me, same run; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    console.table(results.map((r) => ({ request: r.what, 'median ms': median(r.times).toFixed(1), 'p95 ms': p95(r.times).toFixed(1), 'median vs baseline': (median(r.times) / baseline).toFixed(1), 'server CPU ms per call': r.cpu.toFixed(1) })));
    console.log('Targets (server time ≤ 200 ms, judged on the median; p95 shown):');
    for (const r of results.filter((r) => r.target)) {
      const ms = median(r.times);
      console.log(`  ${ms <= TARGET_MS ? 'PASS' : 'FAIL'}  ${r.what}: median ${ms.toFixed(1)} ms, p95 ${p95(r.times).toFixed(1)} ms (server CPU ${r.cpu.toFixed(1)} ms a call)`);
    }
  } finally {
    if (child) await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Run directly: `npm run --silent build && node --import tsx bench/dashboard.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await runDashboardBench();
