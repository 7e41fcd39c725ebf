// Backup and restore at scale: 100,000 reports and 1 GB of attachments (1,000 files of 1 MB,
// random bytes, as sealed files are) written straight into a fresh SQLite database; then
// `vigil backup` and `vigil restore` (compiled, each its own process). Reports each one's time,
// peak resident memory (sampled; target ≤ 300 MB, flat whatever the size) and the backup's size
// against the database file's.
import { mkdir, mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import { BENCH_EMAIL, BENCH_PASSPHRASE, VIGIL, initVigil, rssSampler } from './support.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 1_000);
const ATTACHMENT_BYTES = 1024 * 1024;
const TARGET_PEAK_MB = 300;

function seed(dataDir: string): void {
  const db = new SqliteDatabase(join(dataDir, 'vigil.sqlite'));
  db.pragma('synchronous = OFF');
  const keyId = (db.prepare("select id from intake_keys where purpose = 'intake'").get() as { id: string }).id;
  const hour = new Date().toISOString().slice(0, 13) + ':00Z';
  const report = db.prepare('insert into reports (id, key_id, envelope, received_hour, status_lookup) values (?, ?, ?, ?, ?)');
  const attachment = db.prepare("insert into attachments (id, owner_type, owner_id, key_id, key_envelope, meta, original, working, size, created_at) values (?, 'report', ?, ?, ?, ?, ?, null, ?, ?)");
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < REPORTS; i++) {
      const id = randomUUID();
      ids.push(id);
      report.run(id, keyId, randomBytes(1600), hour, randomBytes(32).toString('hex'));
    }
  })();
  for (let i = 0; i < ATTACHMENTS; i++) {
    attachment.run(randomUUID(), ids[i % ids.length], keyId, randomBytes(600), randomBytes(300), randomBytes(ATTACHMENT_BYTES), ATTACHMENT_BYTES, hour);
  }
  db.close();
}

/** Runs the compiled `vigil ARGS`; its time and peak memory. */
async function timed(args: string[], env: Record<string, string>): Promise<{ seconds: number; peakMb: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [VIGIL, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const sampler = rssSampler(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler.timer);
  if (code !== 0) throw new Error(`vigil ${args[0]} failed (${code}): ${stderr}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: Math.round(sampler.phaseMaxKb / 1024), stderr };
}

export async function runBackupBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'vigil-bench-backup-'));
  try {
    const data = join(root, 'data');
    await mkdir(data);
    await initVigil(data);
    seed(data);
    const file = join(root, 'vigil.backup');
    const backup = await timed(['backup', '--out', file], { VIGIL_DATA: data });
    const passphraseFile = join(root, 'passphrase');
    await writeFile(passphraseFile, BENCH_PASSPHRASE);
    const restore = await timed(['restore', '--in', file, '--email', BENCH_EMAIL, '--passphrase-file', passphraseFile], { VIGIL_DATA: join(root, 'restored'), DATABASE_URL: '' });
    const databaseMb = (await stat(join(data, 'vigil.sqlite'))).size / 2 ** 20;
    const fileMb = (await stat(file)).size / 2 ** 20;
    const verdict = (mb: number) => (mb <= TARGET_PEAK_MB ? 'ok' : `ABOVE the ${TARGET_PEAK_MB} MB target`);
    console.log(`\nBackup and restore: ${REPORTS.toLocaleString('en')} reports, ${ATTACHMENTS.toLocaleString('en')} attachments of 1 MB (SQLite)`);
    console.log(`  vigil backup   ${backup.seconds.toFixed(1)} s, peak ${backup.peakMb} MB (${verdict(backup.peakMb)})`);
    console.log(`  vigil restore  ${restore.seconds.toFixed(1)} s, peak ${restore.peakMb} MB (${verdict(restore.peakMb)})`);
    console.log(`  size: backup ${fileMb.toFixed(0)} MB, database file ${databaseMb.toFixed(0)} MB (${((fileMb / databaseMb) * 100).toFixed(0)} %)`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
