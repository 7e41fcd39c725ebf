// The running server's schedule: writeBackup into the folder's files (see folder.ts for how they
// are made whole), failures told to the server's log by code only. A lockdown on any server (heard
// through the change feed, or found on reconnecting to it) aborts this server's run under way and
// deletes the backups in its folder: each holds the wrapped keys the lockdown destroyed.
import { createWriteStream } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context.ts';
import { writeBackup } from './write.ts';
import { scheduleBackups, type BackupScheduler } from './schedule.ts';
import { backupErrorCode } from './runs.ts';
import { tellNotices } from '../notices/events.ts';
import { isLockedDown } from '../lockdown/lock.ts';
import { deleteOwnBackups } from '../lockdown/erase.ts';

/** Writes one backup to `path` and waits until the file is closed (then it can be flushed and renamed). */
export async function writeBackupFile(vigil: Pick<VigilContext, 'storage' | 'secret' | 'config'>, path: string, signal?: AbortSignal): Promise<{ bytes: number }> {
  const out = createWriteStream(path, { mode: 0o600 });
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  try {
    return await writeBackup(vigil, out, { signal });
  } finally {
    out.destroy();
    await closed;
  }
}

/**
 * When any server locks the organization down (or the feed reconnects and finds it locked down):
 * the run under way here is aborted and the backups in this server's folder are deleted.
 */
export function endOnLockdown(vigil: Pick<VigilContext, 'storage' | 'config' | 'changes'>, scheduler: Pick<BackupScheduler, 'abort'>, log: FastifyBaseLogger): void {
  const end = async () => {
    await scheduler.abort();
    await deleteOwnBackups(vigil);
  };
  vigil.changes.subscribe((change) => {
    const locked = change === 'lockdown' ? Promise.resolve(true) : change === 'all' ? isLockedDown(vigil.storage.db) : Promise.resolve(false);
    void locked.then((yes) => (yes ? end() : undefined)).catch((error: unknown) => log.error({ code: backupErrorCode(error) }, "lockdown: this server's backup files could not all be deleted"));
  });
}

/** Starts the schedule when VIGIL_BACKUP_DIR is set; null otherwise. */
export function startBackupSchedule(vigil: VigilContext, log: FastifyBaseLogger): BackupScheduler | null {
  const { dir, everyMs, keep } = vigil.config.backup;
  if (dir === null) return null;
  const scheduler = scheduleBackups(vigil.storage.db, { dir, everyMs, keep }, {
    owner: vigil.instanceId,
    write: (path, signal) => writeBackupFile(vigil, path, signal),
    onFailure: (what, code) => {
      log.warn({ code }, `scheduled ${what} failed`);
      if (what === 'backup') tellNotices(vigil, 'backup');
    },
    // Deleting what is already gone costs a directory read: safe to repeat at every look.
    onLockedDown: () => deleteOwnBackups(vigil).catch((error: unknown) => log.error({ code: backupErrorCode(error) }, "lockdown: this server's backup files could not all be deleted")),
  });
  endOnLockdown(vigil, scheduler, log);
  scheduler.start();
  return scheduler;
}
