// Scheduled backups on SQLite and PostgreSQL: each run a backup_runs row and an audit entry; files
// written whole or not at all; only the schedule's own older files pruned, never after a failure;
// a failure told by its code only; no run while locked down, a run under way aborted and the
// schedule's own files deleted by a lockdown; one at a time, and stopping waits.
// The writer here is a stand-in (the real one is the backup format's, tested with it); what
// administrators see through GET /api/backups. The settings: backup-settings.test.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { vigil } from './support/cli.ts';
import { openStorage, type Storage } from '../src/server/storage/open.ts';
import { scheduleBackups, type BackupScheduler } from '../src/server/backup/schedule.ts';
import type { BackupStatus } from '../src/core/api/backups.ts';

const CANARY = 'canary-row-text-7f3a';
const content = (n: number) => async (path: string) => {
  await writeFile(path, Buffer.alloc(n, 1));
  return { bytes: n };
};
const failing = (code: string) => async () => {
  throw Object.assign(new Error(`could not write ${CANARY}`), { code });
};

for (const backend of BACKENDS) {
  describe(`scheduled backups on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let storage: Storage;
    let dir: string;
    let schedule: BackupScheduler;
    const status = async () => (await (await admin.get('/api/backups')).json()) as BackupStatus;
    const files = () => readdirSync(dir).sort();
    const runs = async () => query<{ outcome: string; file: string | null; error: string | null; size: unknown }>(server, 'select outcome, file, error, size from backup_runs order by started_at');

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      // The test's own schedule beside the server (which has none), on the same database.
      storage = await openStorage({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      dir = mkdtempSync(join(tmpdir(), 'vigil-backups-'));
    });
    after(async () => {
      await schedule?.stop();
      await storage?.close();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows administrators no backup and no schedule at first', async () => {
      assert.deepEqual(await status(), { schedule: { folderSet: false, every: null, keep: 7 }, lastSuccess: null, lastFailure: null, warning: null });
    });

    it('writes whole files, records each run, and keeps only the last N of its own', async () => {
      writeFileSync(join(dir, 'vigil-2000-01-01T00-00-00.000Z.backup'), 'not ours, though named like ours');
      writeFileSync(join(dir, 'notes.txt'), 'not ours');
      schedule = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 2 }, { write: content(1000) });
      const made: string[] = [];
      for (let run = 0; run < 3; run++) {
        const before = files();
        assert.equal(await schedule.runNow(), 'made');
        // Its new file (and, from the third run, the oldest of its own gone).
        made.push(files().find((f) => !before.includes(f))!);
      }
      assert.deepEqual(files(), ['notes.txt', 'vigil-2000-01-01T00-00-00.000Z.backup', ...made.slice(1)].sort(), 'the oldest of its own went; nothing else did, no .partial is left');
      const rows = await runs();
      assert.deepEqual(rows.map((r) => [r.outcome, r.file, Number(r.size)]), made.map((f) => ['ok', f, 1000]));
      const audit = await query<{ action: string; detail: string }>(server, "select action, detail from audit_log where action like 'backup.%' order by seq");
      assert.deepEqual(audit, made.map(() => ({ action: 'backup.made', detail: JSON.stringify({ scheduled: true, size: 1000 }) })));
      const seen = await status();
      assert.equal(seen.lastSuccess?.size, 1000);
      assert.equal(seen.warning, null);
    });

    it('records a failure by its code only, leaves no file and prunes nothing', async () => {
      const before = files();
      const failingSchedule = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 1 }, { write: failing('ENOSPC') });
      assert.equal(await failingSchedule.runNow(), 'failed');
      const missing = scheduleBackups(storage.db, { dir: join(dir, 'unmounted'), everyMs: 86_400_000, keep: 1 }, { write: content(10) });
      assert.equal(await missing.runNow(), 'failed');
      assert.deepEqual(files(), before, 'keep 1 would have deleted a file: a failed run deletes nothing');
      const failed = (await runs()).filter((r) => r.outcome === 'failed');
      assert.deepEqual(failed.map((r) => r.error), ['disk-full', 'folder-missing']);
      const stored = JSON.stringify(await query(server, "select * from backup_runs")) + JSON.stringify(await query(server, 'select * from audit_log'));
      assert.ok(!stored.includes(CANARY), "an error's message is never stored");
      assert.deepEqual((await status()).lastFailure?.code, 'folder-missing');
    });

    it('warns administrators when the last success is more than a day old', async () => {
      await query(server, "update backup_runs set started_at = '2020-01-01T00:00:00.000Z' where outcome = 'ok'");
      const seen = await status();
      assert.equal(seen.warning, 'none-for-a-day');
      assert.equal(seen.lastSuccess?.at, '2020-01-01T00:00:00.000Z');
    });

    it('runs one at a time, and stopping waits for the run under way', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const slow = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 7 }, {
        write: async (path) => {
          await held;
          return content(5)(path);
        },
      });
      const first = slow.runNow();
      assert.equal(await slow.runNow(), 'busy');
      let stopped = false;
      const stopping = slow.stop().then(() => (stopped = true));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(stopped, false, 'stop waits for the run');
      release();
      await stopping;
      assert.equal(await first, 'made');
      assert.equal(await slow.runNow(), 'stopped');
    });

    it('on start, ends a run a crash left behind and removes its .partial, then makes one when due', async () => {
      const name = 'vigil-2021-01-01T00-00-00.000Z.backup';
      writeFileSync(join(dir, `${name}.partial`), 'half');
      await query(server, "update backup_runs set started_at = '2020-01-01T00:00:00.000Z'");
      await query(server, `insert into backup_runs (id, started_at, outcome, file) values ('crashed', '2021-01-01T00:00:00.000Z', 'running', '${name}')`);
      const okBefore = (await runs()).filter((r) => r.outcome === 'ok').length;
      const restarted = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 7 }, { write: content(7) });
      restarted.start();
      // The crashed run is the newest it knows of and failed: a run is due at once.
      while ((await runs()).filter((r) => r.outcome === 'ok').length === okBefore) await new Promise((resolve) => setTimeout(resolve, 20));
      await restarted.stop();
      const [crashed] = await query<{ outcome: string; error: string }>(server, "select outcome, error from backup_runs where id = 'crashed'");
      assert.deepEqual({ ...crashed }, { outcome: 'failed', error: 'interrupted' });
      assert.ok(!files().some((f) => f.endsWith('.partial')));
    });

    it('aborts a run under way when a lockdown asks: its .partial removed, recorded as interrupted', async () => {
      const before = files();
      let writing!: () => void;
      const started = new Promise<void>((resolve) => (writing = resolve));
      const held = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 7 }, {
        write: async (path, signal) => {
          await writeFile(path, 'half');
          writing();
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }))));
        },
      });
      const run = held.runNow();
      await started;
      await held.abort();
      assert.deepEqual([await run, files()], ['failed', before]);
      assert.equal((await runs()).at(-1)!.error, 'interrupted');
    });

    it('makes none while the organization is locked down', async () => {
      const before = [files(), (await runs()).length];
      await query(server, "update organization set locked_at = '2026-01-01T00:00:00.000Z'");
      assert.equal(await schedule.runNow(), 'locked-down');
      assert.deepEqual([files(), (await runs()).length], before);
      await query(server, 'update organization set locked_at = null');
    });
  });
}

for (const backend of BACKENDS) {
  describe(`the server's own schedule on ${backend}`, () => {
    let server: TestServer;
    let dir: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-backups-'));
      server = await startTestServer(backend, { VIGIL_BACKUP_DIR: dir, VIGIL_BACKUP_EVERY: '6h', VIGIL_BACKUP_KEEP: '3' });
    });
    after(async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('makes none before setup, then one at start when none was ever made, and says so to administrators', async () => {
      assert.deepEqual(await query(server, 'select id from backup_runs'), [], 'not set up: no run');
      await setUpOrganization(server);
      const admin = await logIn(server);
      const before = (await (await admin.get('/api/backups')).json()) as BackupStatus;
      assert.deepEqual(before.schedule, { folderSet: true, every: '6h', keep: 3 });
      assert.deepEqual([before.lastSuccess, before.warning], [null, 'none-yet'], 'a schedule that never succeeded is warned about');
      // A restart: no backup was ever made, so one is due at once.
      await server.restart();
      let status: BackupStatus;
      for (;;) {
        status = (await (await admin.get('/api/backups')).json()) as BackupStatus;
        if (status.lastSuccess || status.lastFailure) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(status.lastFailure, null);
      assert.equal(status.warning, null);
      const [file] = readdirSync(dir);
      assert.match(file!, /^vigil-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.backup$/);
      assert.equal(statSync(join(dir, file!)).size, status.lastSuccess!.size);
      assert.equal(statSync(join(dir, file!)).mode & 0o777, 0o600, 'readable by the server only');
    });

    it('records `vigil backup --out` as a run too (its file is not in the folder)', async () => {
      const out = join(server.dataDir, 'by-hand.backup');
      const env: Record<string, string> = { VIGIL_DATA: server.dataDir, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) };
      const result = await vigil(['backup', '--out', out], undefined, [], env);
      assert.equal(result.code, 0, result.stderr);
      const [run] = await query<{ outcome: string; file: string | null; size: unknown }>(server, 'select outcome, file, size from backup_runs order by started_at desc limit 1');
      assert.deepEqual([run!.outcome, run!.file, Number(run!.size)], ['ok', null, statSync(out).size]);
      const [made] = await query<{ detail: string }>(server, "select detail from audit_log where action = 'backup.made' order by seq desc limit 1");
      assert.deepEqual(JSON.parse(made!.detail), { scheduled: false, size: statSync(out).size });
    });

    it("a lockdown deletes the schedule's own files (they hold the keys it destroys), nothing else", async () => {
      writeFileSync(join(dir, 'copied-by-hand.backup'), 'not ours');
      const admin = await logIn(server);
      assert.equal((await admin.post('/api/lockdown', { organizationName: 'Test defenders' })).status, 204);
      assert.deepEqual(readdirSync(dir), ['copied-by-hand.backup']);
    });
  });
}
