import { resolve } from 'node:path';
import { parseEvery } from '../../core/backups/schedule.ts';
import { ConfigError, integer } from './read.ts';

/** Scheduled backups (VIGIL_BACKUP_DIR, VIGIL_BACKUP_EVERY, VIGIL_BACKUP_KEEP). */
export interface BackupSchedule {
  /** Where the server writes its backups; null = no schedule (`vigil backup` still works). */
  dir: string | null;
  /** How often, in ms (VIGIL_BACKUP_EVERY: 30m, 6h, 1d; default 1d). */
  everyMs: number;
  /** How many of its own files it keeps (VIGIL_BACKUP_KEEP, default 7); older ones it deletes. */
  keep: number;
}

export function backupFromEnv(env: NodeJS.ProcessEnv): BackupSchedule {
  const every = env.VIGIL_BACKUP_EVERY?.trim() || '';
  const everyMs = every === '' ? parseEvery('1d')! : parseEvery(every);
  if (everyMs === null) throw new ConfigError(`VIGIL_BACKUP_EVERY must be a whole number of minutes, hours or days (e.g. 30m, 6h, 1d), got "${every}"`);
  if (every !== '' && !env.VIGIL_BACKUP_DIR) throw new ConfigError('VIGIL_BACKUP_EVERY is set but VIGIL_BACKUP_DIR is not: say which folder the backups go to');
  const keep = integer('VIGIL_BACKUP_KEEP', env.VIGIL_BACKUP_KEEP, 7);
  if (keep < 1) throw new ConfigError('VIGIL_BACKUP_KEEP must be at least 1');
  return { dir: env.VIGIL_BACKUP_DIR ? resolve(env.VIGIL_BACKUP_DIR) : null, everyMs, keep };
}
