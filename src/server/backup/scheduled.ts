// The running server's schedule: writeBackup into the folder's files (see folder.ts for how they
// are made whole), failures told to the server's log by code only.
import { createWriteStream } from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context.ts';
import { writeBackup } from './write.ts';
import { scheduleBackups, type BackupScheduler } from './schedule.ts';
import { tellNotices } from '../notices/events.ts';

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

/** Starts the schedule when VIGIL_BACKUP_DIR is set; null otherwise. */
export function startBackupSchedule(vigil: VigilContext, log: FastifyBaseLogger): BackupScheduler | null {
  const { dir, everyMs, keep } = vigil.config.backup;
  if (dir === null) return null;
  const scheduler = scheduleBackups(vigil.storage.db, { dir, everyMs, keep }, {
    write: (path, signal) => writeBackupFile(vigil, path, signal),
    onFailure: (what, code) => {
      log.warn({ code }, `scheduled ${what} failed`);
      if (what === 'backup') tellNotices(vigil, 'backup');
    },
  });
  scheduler.start();
  return scheduler;
}
