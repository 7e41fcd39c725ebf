// Backup and restore at scale (issue 13): an organization with 100,000 reports and 1 GB of
// attachments written straight into a fresh SQLite database (random bytes stand in for sealed
// blobs: sealed data does not compress either), then the compiled `vigil backup --out` and `vigil
// restore --in` (into an empty data folder, with the administrator's passphrase), each in its own
// process. Reports wall time, the process's peak RSS (VmHWM) and its highest RSS in each tenth of
// the run (flat: the second half no higher than the first + FLAT_MB), and the backup's size — each
// against a baseline in the same run: copying the database file (time, size) and `vigil help`
// (the CLI's own memory). Target: peak RSS ≤ 300 MB and flat. Never fails on a missed target.
// BENCH_BACKUP_DATA=/some/dir seeds the organization there once and reuses it on later runs.
import { spawn } from 'node:child_process';
import { randomFillSync, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { BENCH_EMAIL, BENCH_PASSPHRASE, VIGIL, initVigil, procKb } from './support.ts';

const REPORTS = Number(process.env.BENCH_BACKUP_REPORTS ?? 100_000);
const ATTACHMENT_MB = Number(process.env.BENCH_BACKUP_ATTACHMENT_MB ?? 1024);
const TARGET_PEAK_MB = 300;
const FLAT_MB = 25;
const MB = 1024 * 1024;
const mb = (kb: number) => kb / 1024;

/** Reports with envelopes and quick copies of a real report's size; one 1 MB attachment per report until ATTACHMENT_MB. */
export function seedOrganization(dataDir: string): void {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'));
  // No journal while seeding (written once, not twice as through the WAL); WAL again for the server.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const keyId = (db.prepare("select id from intake_keys where purpose = 'intake'").get() as { id: string }).id;
  const report = db.prepare("insert into reports (id, key_id, envelope, received_hour, status_lookup, read_hour, state, cache) values (?, ?, ?, ?, ?, null, 'new', ?)");
  const attachment = db.prepare("insert into attachments (id, owner_type, owner_id, key_id, key_envelope, meta, original, working, size, created_at, created_by) values (?, 'report', ?, ?, ?, ?, ?, null, ?, ?, null)");
  const custody = db.prepare("insert into custody_log (attachment_id, at, actor, action, detail) values (?, ?, null, 'received', ?)");
  // One buffer refilled per row (better-sqlite3 copies what it binds): generating stays fast.
  const random = (bytes: Buffer) => randomFillSync(bytes);
  const [envelope, cache, small, file] = [Buffer.alloc(1500), Buffer.alloc(1000), Buffer.alloc(120), Buffer.alloc(MB)];
  const hour = '2026-11-20T10:00Z';
  let attachmentBytes = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = randomUUID();
      report.run(id, keyId, random(envelope), hour, random(small).toString('hex').slice(0, 64), random(cache));
      if (attachmentBytes < ATTACHMENT_MB * MB) {
        const attachmentId = randomUUID();
        attachment.run(attachmentId, id, keyId, random(small), random(small), random(file), MB, hour);
        custody.run(attachmentId, hour, random(small));
        attachmentBytes += MB;
      }
    }
  });
  for (let from = 0; from < REPORTS; from += 5000) batch(from, Math.min(REPORTS, from + 5000));
  db.pragma('journal_mode = WAL');
  db.close();
}

interface Measured {
  seconds: number;
  peakKb: number;
  /** The highest RSS in each tenth of the run, in MB. */
  tenths: number[];
  code: number | null;
  stderr: string;
}

/** `vigil ARGS` in a process of its own: wall time, VmHWM and VmRSS every 100 ms. */
function measured(args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [VIGIL, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const samples: { at: number; kb: number }[] = [];
    let peakKb = 0;
    const sample = async () => {
      const [rss, hwm] = await Promise.all([procKb(child.pid!, 'VmRSS'), procKb(child.pid!, 'VmHWM')]);
      if (rss !== null) samples.push({ at: performance.now() - started, kb: rss });
      if (hwm !== null) peakKb = Math.max(peakKb, hwm);
    };
    const timer = setInterval(() => void sample(), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const tenths = Array.from({ length: 10 }, (_, t) => {
        const inTenth = samples.filter((s) => Math.floor((s.at / 1000 / seconds) * 10) === t).map((s) => s.kb);
        return Math.round(mb(Math.max(0, ...inTenth)));
      });
      resolve({ seconds, peakKb, tenths, code, stderr });
    });
  });
}

function isFlat(run: Measured): boolean {
  const half = run.tenths.length / 2;
  return Math.max(...run.tenths.slice(half)) <= Math.max(...run.tenths.slice(0, half)) + FLAT_MB;
}

function countsOf(dataDir: string): { reports: number; attachmentBytes: number } {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'), { readonly: true });
  try {
    const reports = (db.prepare('select count(*) as n from reports').get() as { n: number }).n;
    const attachmentBytes = (db.prepare('select coalesce(sum(length(original)), 0) as n from attachments').get() as { n: number }).n;
    return { reports, attachmentBytes };
  } finally {
    db.close();
  }
}

interface Baseline {
  seeded: { reports: number; attachmentBytes: number };
  rawBytes: number;
  copySeconds: number;
  idle: Measured;
}

function printRun(what: string, r: Measured, base: Baseline): void {
  const { rawBytes, copySeconds, idle } = base;
  console.log(
    `${what}: ${r.seconds.toFixed(1)} s (×${(r.seconds / copySeconds).toFixed(1)} copying the file, ${(rawBytes / MB / r.seconds).toFixed(0)} MB/s), ` +
      `peak RSS ${mb(r.peakKb).toFixed(0)} MB (×${(r.peakKb / idle.peakKb).toFixed(1)} vigil help); RSS (MB), highest in each tenth: ${r.tenths.join(' ')}`,
  );
}

function printTargets(what: string, r: Measured): void {
  console.log(`  ${mb(r.peakKb) <= TARGET_PEAK_MB ? 'PASS' : 'FAIL'}  ${what}: peak RSS ≤ ${TARGET_PEAK_MB} MB (${mb(r.peakKb).toFixed(0)} MB)`);
  console.log(`  ${isFlat(r) ? 'PASS' : 'FAIL'}  ${what}: flat (second half's highest RSS ≤ first half's + ${FLAT_MB} MB)`);
}

/** The organization (seeded once into BENCH_BACKUP_DATA if given, and kept there), the copy and `vigil help`. */
async function baseline(source: string, root: string): Promise<Baseline> {
  if (!existsSync(join(source, 'vigil.sqlite'))) {
    await mkdir(source, { recursive: true });
    await initVigil(source);
    const started = performance.now();
    seedOrganization(source);
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const database = join(source, 'vigil.sqlite');
  const started = performance.now();
  await copyFile(database, join(root, 'copy.sqlite'));
  const copySeconds = (performance.now() - started) / 1000;
  await rm(join(root, 'copy.sqlite'));
  return { seeded: countsOf(source), rawBytes: statSync(database).size, copySeconds, idle: await measured(['help'], {}) };
}

export async function runBackupBench(): Promise<void> {
  if (!existsSync(VIGIL)) throw new Error('not built: run `npm run --silent build` first');
  const root = await mkdtemp(join(tmpdir(), 'vigil-bench-backup-'));
  const source = process.env.BENCH_BACKUP_DATA ?? join(root, 'source');
  try {
    const base = await baseline(source, root);
    const { seeded, rawBytes, copySeconds, idle } = base;
    console.log(`\nBackup benchmark (${seeded.reports.toLocaleString('en')} reports, ${(seeded.attachmentBytes / MB).toLocaleString('en')} MB of attachments, SQLite, compiled CLI)`);
    console.log(`Database file ${(rawBytes / MB).toFixed(0)} MB, copied in ${copySeconds.toFixed(1)} s (the baseline); \`vigil help\` peak RSS ${mb(idle.peakKb).toFixed(0)} MB`);
    const file = join(root, 'bench.backup');
    // SQLite both ways, whatever DATABASE_URL the shell has.
    const backup = await measured(['backup', '--out', file], { VIGIL_DATA: source, DATABASE_URL: '' });
    if (backup.code !== 0) throw new Error(`vigil backup failed (${backup.code}): ${backup.stderr}`);
    const backupBytes = statSync(file).size;
    printRun('vigil backup', backup, base);
    console.log(`Backup file ${(backupBytes / MB).toFixed(0)} MB: ×${(backupBytes / rawBytes).toFixed(3)} the database file`);
    const passphraseFile = join(root, 'passphrase.txt');
    await writeFile(passphraseFile, BENCH_PASSPHRASE);
    const restored = join(root, 'restored');
    const restore = await measured(['restore', '--in', file, '--email', BENCH_EMAIL, '--passphrase-file', passphraseFile], { VIGIL_DATA: restored, DATABASE_URL: '' });
    if (restore.code === 0) printRun('vigil restore', restore, base);
    else console.log(`vigil restore failed (exit ${restore.code}): ${restore.stderr.split('\n').find((l) => l.trim()) ?? ''}`);
    console.log('Targets:');
    printTargets('backup', backup);
    if (restore.code !== 0) return console.log('  FAIL  restore: could not run');
    printTargets('restore', restore);
    const back = countsOf(restored);
    const whole = back.reports === seeded.reports && back.attachmentBytes === seeded.attachmentBytes;
    console.log(`  ${whole ? 'PASS' : 'FAIL'}  restored every report (${back.reports.toLocaleString('en')}) and attachment byte (${(back.attachmentBytes / MB).toFixed(0)} MB)`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runBackupBench();
