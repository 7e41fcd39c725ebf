// The server's own backups (VIGIL_BACKUP_DIR, VIGIL_BACKUP_EVERY, VIGIL_BACKUP_KEEP): one run at a
// time across every server on the database. It looks every minute (or every period, if shorter)
// whether a run is due — a period after the newest run any server started, sooner (an hour) after a
// failure — reading that run from the database at each look, and claims the run there, so two
// servers looking at once start one. None runs — and nothing is pruned — before setup or while the
// organization is locked down: a backup made then could only hold destroyed keys. Stopping waits
// for a run under way, so no file is left half-renamed; a lockdown aborts it instead (abort): its
// snapshot holds the keys the lockdown just destroyed.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { BackupSchedule } from '../config/backup.ts';
import type { BackupError } from '../../core/backups/schedule.ts';
import { isLockedDown } from '../lockdown/lock.ts';
import { backupErrorCode, claimScheduledRun, endInterruptedRuns, lastScheduledRun, ownBackupFiles, recordRun, type SeenRun } from './runs.ts';
import { backupFileName, prune, removePartials, writeAtomically } from './folder.ts';

const LOOK_EVERY_MS = 60_000;
const RETRY_AFTER_MS = 3_600_000;

export type RunResult = 'made' | 'failed' | 'busy' | 'not-set-up' | 'locked-down' | 'stopped';

export interface BackupScheduler {
  /** Starts looking whether a run is due: at once, then every minute. */
  start(): void;
  /** A run now, whether due or not (unless one is under way here or on another server: 'busy'). */
  runNow(): Promise<RunResult>;
  /** No more runs; resolves once a run under way has ended. */
  stop(): Promise<void>;
  /** Aborts a run under way (its .partial removed, recorded 'interrupted'); resolves once it has ended. */
  abort(): Promise<void>;
}

export interface ScheduleOptions {
  /** This server's instance id: its runs are its own, ended by others only once it stops beating. */
  owner: string;
  /** Writes one backup file at `path` (the server's writeBackup), giving up when `signal` aborts. */
  write: (path: string, signal: AbortSignal) => Promise<{ bytes: number }>;
  /** Told of each failure, by code only (the server's log). */
  onFailure?: (what: 'backup' | 'prune' | 'schedule', code: BackupError) => void;
  /**
   * Called at each look that finds the organization locked down: the lockdown's announcement may
   * have been lost (a server that died between its commit and its notify), so this is the backstop.
   */
  onLockedDown?: () => Promise<unknown>;
}

export function scheduleBackups(db: Kysely<Database>, schedule: BackupSchedule & { dir: string }, options: ScheduleOptions): BackupScheduler {
  const { dir, everyMs, keep } = schedule;
  const fail = options.onFailure ?? (() => {});
  let running: Promise<RunResult> | null = null;
  let aborting: AbortController | null = null;
  let looking: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** `seen`: the newest run when the run was found due; the claim fails if another started since. */
  async function run(seen: () => Promise<SeenRun | null>): Promise<RunResult> {
    if (stopped) return 'stopped';
    if (!(await db.selectFrom('organization').select('id').executeTakeFirst())) return 'not-set-up';
    if (await isLockedDown(db)) {
      await options.onLockedDown?.();
      return 'locked-down';
    }
    const name = backupFileName(new Date());
    const id = await claimScheduledRun(db, name, options.owner, await seen());
    if (id === null) return 'busy';
    const { signal } = (aborting = new AbortController());
    try {
      await recordRun(db, id, true, () => writeAtomically(dir, name, (path) => options.write(path, signal)));
    } catch (error) {
      fail('backup', backupErrorCode(error));
      return 'failed';
    }
    // The new file is whole and recorded: only now may old ones go.
    await prune(dir, await ownBackupFiles(db), keep).catch((error: unknown) => fail('prune', backupErrorCode(error)));
    return 'made';
  }

  function start(seen: () => Promise<SeenRun | null>): Promise<RunResult> {
    if (running) return Promise.resolve('busy');
    running = run(seen).finally(() => (running = null));
    return running;
  }

  const due = (last: SeenRun | null, now: number) => !last || now >= Date.parse(last.startedAt) + (last.failed ? Math.min(everyMs, RETRY_AFTER_MS) : everyMs);

  async function look(): Promise<void> {
    // Where a stopped server left off: its unfinished run (never a living one's), and what it left half-written.
    await removePartials(dir, await endInterruptedRuns(db)).catch(() => undefined);
    const last = await lastScheduledRun(db);
    if (due(last, Date.now())) await start(async () => last);
  }

  function lookLater(delay: number): void {
    timer = setTimeout(() => {
      looking = look()
        .catch((error: unknown) => fail('schedule', backupErrorCode(error)))
        .finally(() => {
          looking = null;
          if (!stopped) lookLater(Math.min(everyMs, LOOK_EVERY_MS));
        });
    }, delay);
  }

  return {
    start: () => lookLater(0),
    runNow: () => start(() => lastScheduledRun(db)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await looking;
      await running?.catch(() => undefined);
    },
    async abort() {
      aborting?.abort();
      await running?.catch(() => undefined);
    },
  };
}
