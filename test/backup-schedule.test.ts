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
import { until } from './support/until.ts';
import { openStorage, type Storage } from '../src/server/storage/open.ts';
import { scheduleBackups, type BackupScheduler, type ScheduleOptions } from '../src/server/backup/schedule.ts';
import { claimScheduledRun, endInterruptedRuns, lastScheduledRun } from '../src/server/backup/runs.ts';
import { endOnLockdown } from '../src/server/backup/scheduled.ts';
import { localChangeFeed, postgresChangeFeed } from '../src/server/cluster/changes.ts';
import type { Config } from '../src/server/config.ts';
import type { FastifyBaseLogger } from 'fastify';
import { startInstance, type Instance } from '../src/server/cluster/instance.ts';
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
    /** The test's schedules run as one server beside the test server. */
    let instance: Instance;
    const status = async () => (await (await admin.get('/api/backups')).json()) as BackupStatus;
    const files = () => readdirSync(dir).sort();
    const runs = async () => query<{ outcome: string; file: string | null; error: string | null; size: unknown }>(server, 'select outcome, file, error, size from backup_runs order by started_at');

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      // The test's own schedule beside the server (which has none), on the same database.
      storage = await openStorage({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      instance = await startInstance(storage.db);
      dir = mkdtempSync(join(tmpdir(), 'vigil-backups-'));
    });
    after(async () => {
      await schedule?.stop();
      await instance?.stop();
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
      schedule = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 2 }, { owner: instance.id, write: content(1000) });
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
      const failingSchedule = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 1 }, { owner: instance.id, write: failing('ENOSPC') });
      assert.equal(await failingSchedule.runNow(), 'failed');
      const missing = scheduleBackups(storage.db, { dir: join(dir, 'unmounted'), everyMs: 86_400_000, keep: 1 }, { owner: instance.id, write: content(10) });
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
        owner: instance.id,
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
      const restarted = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 7 }, { owner: instance.id, write: content(7) });
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
        owner: instance.id,
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

    it('tells at each look that finds a lockdown (its announcement may have been lost)', async () => {
      let told = 0;
      const watching = scheduleBackups(storage.db, { dir, everyMs: 86_400_000, keep: 7 }, { owner: instance.id, write: content(1), onLockedDown: async () => void told++ });
      await query(server, "update organization set locked_at = '2026-01-01T00:00:00.000Z'");
      try {
        assert.equal(await watching.runNow(), 'locked-down');
        assert.equal(await watching.runNow(), 'locked-down');
        assert.equal(told, 2);
      } finally {
        await query(server, 'update organization set locked_at = null');
        await watching.stop();
      }
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

for (const backend of BACKENDS) {
  describe(`scheduled backups with several servers on ${backend}`, () => {
    let server: TestServer;
    let storage: Storage;
    let dir: string;
    const instances: Instance[] = [];
    const schedules: BackupScheduler[] = [];
    const runs = async () => query<{ id: string; outcome: string; owner: string | null; error: string | null }>(server, 'select id, outcome, owner, error from backup_runs where file is not null order by started_at');
    /** Another server's schedule on the same database (its own instance row and folder). */
    async function neighbour(write: ScheduleOptions['write'] = content(10), folder = dir) {
      const instance = await startInstance(storage.db);
      instances.push(instance);
      const schedule = scheduleBackups(storage.db, { dir: folder, everyMs: 86_400_000, keep: 7 }, { owner: instance.id, write });
      schedules.push(schedule);
      return { instance, schedule };
    }
    const holding = () => {
      let release!: () => void;
      let writing!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const started = new Promise<void>((resolve) => (writing = resolve));
      const write = async (path: string, signal: AbortSignal) => {
        await writeFile(path, 'half');
        writing();
        await new Promise<void>((resolve, reject) => {
          void held.then(resolve);
          signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' })));
        });
        return { bytes: 4 };
      };
      return { write, started, release };
    };

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      storage = await openStorage({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
      dir = mkdtempSync(join(tmpdir(), 'vigil-backups-'));
    });
    after(async () => {
      for (const schedule of schedules) await schedule.stop();
      for (const instance of instances) await instance.stop();
      await storage?.close();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('one run at a time across servers: a second server is busy while the first writes', async () => {
      const { write, started, release } = holding();
      const first = await neighbour(write);
      const second = await neighbour();
      const run = first.schedule.runNow();
      await started;
      assert.equal(await second.schedule.runNow(), 'busy');
      release();
      assert.equal(await run, 'made');
      assert.equal(await second.schedule.runNow(), 'made', 'and free once it has ended');
    });

    it('one run a period: two servers finding it due at the same look make one', async () => {
      await query(server, "update backup_runs set started_at = '2020-01-01T00:00:00.000Z'");
      const before = (await runs()).length;
      const seen = await lastScheduledRun(storage.db);
      const [a, b] = await Promise.all([neighbour(), neighbour()]);
      const claims = await Promise.all([claimScheduledRun(storage.db, 'vigil-2026-01-01T00-00-00.000Z.backup', a.instance.id, seen), claimScheduledRun(storage.db, 'vigil-2026-01-01T00-00-01.000Z.backup', b.instance.id, seen)]);
      assert.equal(claims.filter((c) => c !== null).length, 1, 'one claim of two at once');
      await query(server, `update backup_runs set outcome = 'ok' where id = '${claims.find((c) => c !== null)!}'`);
      assert.equal(await claimScheduledRun(storage.db, 'vigil-2026-01-01T00-00-02.000Z.backup', b.instance.id, seen), null, 'a run started since the look: none more, though the first has ended');
      assert.equal((await runs()).length, before + 1);

      // The same through the schedules: both start at once on a database where a run is due.
      await query(server, "update backup_runs set started_at = '2020-01-01T00:00:00.000Z'");
      const count = (await runs()).length;
      a.schedule.start();
      b.schedule.start();
      await until(runs, (rows) => rows.length > count);
      // Stopping waits for a look under way: both have looked once the run is recorded.
      await Promise.all([a.schedule.stop(), b.schedule.stop()]);
      assert.equal((await runs()).length, count + 1);
    });

    it('a run is ended as interrupted only when its server is gone or stopped beating, never a living one’s', async () => {
      const living = await neighbour();
      const longAgo = new Date(Date.now() - 3_600_000).toISOString();
      await query(server, `insert into server_instances (id, started_at, seen_at) values ('stale', '${longAgo}', '${longAgo}')`);
      const owners = { [living.instance.id]: 'vigil-2027-01-01T00-00-00.000Z.backup', stale: 'vigil-2027-01-01T00-00-01.000Z.backup', gone: 'vigil-2027-01-01T00-00-02.000Z.backup' };
      // One at a time, as the unique index on running scheduled runs wants; each checked in turn.
      const ended: string[][] = [];
      for (const [owner, file] of Object.entries(owners)) {
        writeFileSync(join(dir, `${file}.partial`), 'half');
        await query(server, `insert into backup_runs (id, started_at, outcome, file, owner) values ('run-${file}', '2027-01-01T00:00:00.000Z', 'running', '${file}', '${owner}')`);
        ended.push(await endInterruptedRuns(storage.db));
        await query(server, `update backup_runs set outcome = 'failed' where id = 'run-${file}'`);
      }
      assert.deepEqual(ended, [[], [owners.stale], [owners.gone]]);
      const [living_, stale, gone] = await query<{ outcome: string; error: string | null }>(server, `select outcome, error from backup_runs where id like 'run-vigil-2027%' order by file`);
      assert.deepEqual([living_!.error, stale!.error, gone!.error], [null, 'interrupted', 'interrupted']);
    });

    it('a lockdown on another server aborts the run under way here and deletes this server’s backups', async () => {
      const here = mkdtempSync(join(tmpdir(), 'vigil-backups-'));
      const { write, started } = holding();
      const local = await neighbour(content(10), here);
      assert.equal(await local.schedule.runNow(), 'made');
      const { schedule, instance } = await neighbour(write, here);
      writeFileSync(join(here, 'copied-by-hand.backup'), 'not ours');
      // Two servers' change feeds: this one listens, the other locks down and publishes.
      const [listening, locking] = server.databaseUrl
        ? await Promise.all([postgresChangeFeed(storage.db, server.databaseUrl), postgresChangeFeed(storage.db, server.databaseUrl)])
        : [localChangeFeed(), null];
      const errors: unknown[] = [];
      endOnLockdown({ storage, config: { backup: { dir: here } } as Config, changes: listening }, schedule, { error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger);
      const run = schedule.runNow();
      await started;
      await (locking ?? listening).publish('lockdown');
      assert.equal(await run, 'failed');
      assert.deepEqual((await runs()).filter((r) => r.owner === instance.id).map((r) => r.error), ['interrupted']);
      assert.deepEqual(await until(async () => readdirSync(here), (files) => files.length === 1), ['copied-by-hand.backup']);
      assert.deepEqual(errors, []);
      await Promise.all([listening.close(), locking?.close()]);
      rmSync(here, { recursive: true, force: true });
    });
  });
}
