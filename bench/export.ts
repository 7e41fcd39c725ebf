// Exports at scale: 1,000,000 acts (200,000 people, 5,000 incidents, 125,000 detentions) written
// straight into a fresh SQLite database, then exported as CSV and as JSON through the real server
// (compiled, in its own process) to a sink that only counts bytes. Reports the time, rows per
// second, the server's peak resident memory (VmHWM) and how far its memory grew over the idle
// server in the same run; memory must stay ≤ 300 MB and flat (no growth with the rows written:
// CSV, JSON, then CSV three more times on the same server — V8 lets the heap grow for a few
// million rows before a major collection, so fewer runs cannot tell lazy collection from a leak). Also checks that a page is still answered
// promptly while an export runs.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { logIn } from '../test/support/org.ts';
import { ACT_TYPES } from '../src/core/records/vocabulary.ts';
import { addDays } from '../src/core/records/custody.ts';
import { BENCH_EMAIL, BENCH_PASSPHRASE, initVigil, launchVigil, procKb, stopChild } from './support.ts';

const ACTS = Number(process.env.BENCH_ACTS ?? 1_000_000);
const TARGET_PEAK_MB = 300;
const TARGET_PAGE_MS = 250;
/**
 * "Flat": after two million rows have gone out, a third export (CSV again) must not take the
 * server's memory more than this above the highest it reached during the first two. The V8 heap
 * fills with garbage until a full collection, so RSS rises and falls (a saw-tooth whose phase
 * differs from run to run by some 20 MB); what must not happen is that it keeps rising with the
 * rows — a leak of even 40 bytes a row would add 80 MB here.
 */
const FLAT_MB = 25;

export function seed(dataDir: string): void {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const by = (db.prepare('select id from members limit 1').get() as { id: string }).id;
  const keyId = (db.prepare("select id from intake_keys where purpose = 'records'").get() as { id: string }).id;
  const now = new Date().toISOString();
  // Acts' sealed parts are never read by an export: small stand-ins keep the file small.
  const blob = () => randomBytes(48);
  const places = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), code: `bench-place-${i}` }));
  const registry = db.prepare("insert into registry (id, kind, code, labels, place_kind, appeal_days, created_at, created_by) values (?, 'place', ?, ?, 'police', null, ?, ?)");
  const incident = db.prepare("insert into incidents (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end_precision, place_ids, monitoring_status) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'day', 'unknown', ?, 'open')");
  const person = db.prepare("insert into persons (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, counting_unit, age_range, consent_sharing, name_preference, reprisal_risk) values (?, ?, ?, ?, 1, ?, ?, ?, ?, 'individual', '26-35', ?, ?, 'high')");
  const act = db.prepare("insert into acts (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end_precision, incident_id, person_id, type_code, place_id) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'day', 'unknown', ?, ?, ?, ?)");
  const detention = db.prepare("insert into detentions (act_id, status, held_at, custody_start, lawyer_access, family_access, decision, decision_date, detention_days, expected_release, version, updated_at, updated_by) values (?, ?, ?, ?, ?, 'unknown', 'detention', ?, 30, ?, 1, ?, ?)");
  const incidents: string[] = [];
  const persons: string[] = [];
  db.transaction(() => {
    for (const p of places) registry.run(p.id, p.code, JSON.stringify({ en: `Police ${p.code}`, az: `Polis ${p.code}`, ru: `Полиция ${p.code}` }), now, by);
    for (let i = 0; i < 5000; i++) {
      const id = randomUUID();
      incidents.push(id);
      incident.run(id, keyId, blob(), blob(), now, by, now, by, addDays('2026-01-01', i % 300), JSON.stringify([places[i % places.length]!.id]));
    }
    for (let i = 0; i < ACTS / 5; i++) {
      const id = randomUUID();
      persons.push(id);
      person.run(id, keyId, blob(), blob(), now, by, now, by, ['none', 'un', 'public'][i % 3], ['name', 'initials', 'anonymous'][i % 3]);
    }
  })();
  const detentionTypes = ACT_TYPES.filter((a) => a.detention).map((a) => a.code);
  const batch = 100_000;
  for (let from = 0; from < ACTS; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(ACTS, from + batch); i++) {
        const id = randomUUID();
        const isDetention = i % 8 === 0;
        const start = addDays('2026-01-01', i % 330);
        const place = places[i % places.length]!.id;
        act.run(id, keyId, blob(), blob(), now, by, now, by, start, incidents[i % incidents.length], persons[i % persons.length], isDetention ? detentionTypes[i % detentionTypes.length]! : ACT_TYPES[i % ACT_TYPES.length]!.code, place);
        if (isDetention) detention.run(id, i % 3 ? 'released' : 'held', place, start, ['none', 'ngo', 'unknown', 'yes'][i % 4], start, addDays(start, 30), now, by);
      }
    })();
    process.stderr.write(`  ${Math.min(ACTS, from + batch)} acts\r`);
  }
  process.stderr.write('\n');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

interface Run {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  peakKb: number;
  firstHalfMaxKb: number;
  secondHalfMaxKb: number;
  /** The highest RSS in each tenth of the run, MB. */
  tenths: number[];
  /** The slowest answer to a public page asked for every half second during the export, ms. */
  slowestPageMs: number;
}

/** Reads the export as fast as the bench can, counting rows (line ends) and bytes; samples the server's RSS meanwhile. */
async function exportOnce(member: Awaited<ReturnType<typeof logIn>>, pid: number, format: 'csv' | 'json'): Promise<Run> {
  // VmHWM is the process's all-time high: reset it so each run reports its own peak.
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const samples: { at: number; kb: number }[] = [];
  const timer = setInterval(() => void procKb(pid, 'VmRSS').then((kb) => kb !== null && samples.push({ at: performance.now(), kb })), 100);
  // Another visitor meanwhile: the export must not hold up the server's other answers.
  const pageTimes: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      await new Promise((r) => setTimeout(r, 500));
      const asked = performance.now();
      await (await fetch(`${member.serverUrl}/exit`)).arrayBuffer();
      pageTimes.push(performance.now() - asked);
    }
  })();
  const start = performance.now();
  const response = await member.get(`/api/export?format=${format}`);
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  const end = performance.now();
  clearInterval(timer);
  probing = false;
  await probe;
  const mid = (start + end) / 2;
  const max = (list: { kb: number }[]) => list.reduce((m, s) => Math.max(m, s.kb), 0);
  return {
    format,
    // CSV: a header line; JSON: a head line and a closing line.
    rows: format === 'csv' ? lines - 1 : lines - 2,
    bytes,
    seconds: (end - start) / 1000,
    peakKb: (await procKb(pid, 'VmHWM')) ?? NaN,
    firstHalfMaxKb: max(samples.filter((s) => s.at < mid)),
    secondHalfMaxKb: max(samples.filter((s) => s.at >= mid)),
    slowestPageMs: Math.max(0, ...pageTimes),
    tenths: Array.from({ length: 10 }, (_, i) => Math.round(mb(max(samples.filter((s) => s.at >= start + ((end - start) * i) / 10 && s.at < start + ((end - start) * (i + 1)) / 10))))),
  };
}

const mb = (kb: number) => kb / 1024;

export async function runExportBench(): Promise<void> {
  // BENCH_EXPORT_DATA: a folder to seed once and keep (for repeated runs while optimising).
  const kept = process.env.BENCH_EXPORT_DATA;
  const dataDir = kept ?? (await mkdtemp(join(tmpdir(), 'vigil-bench-export-')));
  let child: ChildProcess | undefined;
  try {
    if (!kept || !existsSync(join(dataDir, 'vigil.sqlite'))) {
      await mkdir(dataDir, { recursive: true });
      await initVigil(dataDir);
      process.stderr.write(`writing ${ACTS} acts…\n`);
      const seedStart = performance.now();
      seed(dataDir);
      process.stderr.write(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s\n`);
    }
    // BENCH_SERVER_ENV: extra environment for the server as JSON (e.g. allocator settings while optimising).
    const server = await launchVigil(dataDir, JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') as Record<string, string>);
    child = server.child;
    const pid = child.pid!;
    const member = await logIn({ url: server.base } as never, BENCH_EMAIL, BENCH_PASSPHRASE);
    // Idle: after start-up and a login, settled.
    await new Promise((r) => setTimeout(r, 1000));
    const idleKb = (await procKb(pid, 'VmRSS'))!;
    const idleHwmKb = (await procKb(pid, 'VmHWM'))!;
    const runs: Run[] = [];
    for (const format of (process.env.BENCH_FORMATS ?? 'csv,json,csv,csv,csv').split(',') as ('csv' | 'json')[]) {
      process.stderr.write(`exporting ${format}…\n`);
      runs.push(await exportOnce(member, pid, format));
    }
    console.log(`\nExport benchmark (${ACTS.toLocaleString('en')} acts, SQLite, compiled server, raw stream to a sink)`);
    console.log(`Idle server: RSS ${mb(idleKb).toFixed(0)} MB (peak so far ${mb(idleHwmKb).toFixed(0)} MB)`);
    console.table(
      runs.map((r) => ({
        format: r.format,
        rows: r.rows,
        'MB sent': (r.bytes / 1e6).toFixed(0),
        seconds: r.seconds.toFixed(1),
        'rows/s': Math.round(r.rows / r.seconds),
        'peak RSS MB (this run)': mb(r.peakKb).toFixed(0),
        'growth vs idle MB': mb(r.peakKb - idleKb).toFixed(0),
        '1st half max MB': mb(r.firstHalfMaxKb).toFixed(0),
        '2nd half max MB': mb(r.secondHalfMaxKb).toFixed(0),
        'slowest page meanwhile ms': r.slowestPageMs.toFixed(0),
      })),
    );
    for (const r of runs) console.log(`${r.format}: server RSS (MB), highest in each tenth of the run: ${r.tenths.join(' ')}`);
    console.log('Targets:');
    for (const r of runs) {
      console.log(`  ${r.rows === ACTS ? 'PASS' : 'FAIL'}  ${r.format}: every row exported (${r.rows})`);
      console.log(`  ${r.slowestPageMs <= TARGET_PAGE_MS ? 'PASS' : 'FAIL'}  ${r.format}: other requests answered meanwhile ≤ ${TARGET_PAGE_MS} ms (slowest ${r.slowestPageMs.toFixed(0)} ms)`);
      console.log(`  ${mb(r.peakKb) <= TARGET_PEAK_MB ? 'PASS' : 'FAIL'}  ${r.format}: server peak RSS ≤ ${TARGET_PEAK_MB} MB (${mb(r.peakKb).toFixed(0)} MB)`);
    }
    if (runs.length >= 3) {
      const earlier = Math.max(...runs.slice(0, -1).map((r) => Math.max(r.firstHalfMaxKb, r.secondHalfMaxKb)));
      const last = runs.at(-1)!;
      const lastMax = Math.max(last.firstHalfMaxKb, last.secondHalfMaxKb);
      const flat = lastMax <= earlier + FLAT_MB * 1024;
      console.log(
        `  ${flat ? 'PASS' : 'FAIL'}  flat: after ${((runs.length - 1) * ACTS).toLocaleString('en')} rows, the next export stays ≤ the earlier high + ${FLAT_MB} MB (${mb(lastMax).toFixed(0)} vs ${mb(earlier).toFixed(0)} MB)`,
      );
    }
  } finally {
    if (child) await stopChild(child);
    if (!kept) await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runExportBench();
