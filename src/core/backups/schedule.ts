// Scheduled backups, the parts both the server and the workspace read: how often (VIGIL_BACKUP_EVERY),
// what a failed run may say (a code, never a message that could quote content), and when
// administrators are warned.

const UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNITS;

/** "30m", "6h", "1d" → milliseconds; null for anything else (0, a fraction, another unit). */
export function parseEvery(value: string): number | null {
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(value.trim());
  return match ? Number(match[1]) * UNITS[match[2] as Unit] : null;
}

/** Milliseconds → the largest whole unit: 21,600,000 → "6h". */
export function everyLabel(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) if (ms % UNITS[unit] === 0) return `${ms / UNITS[unit]}${unit}`;
  return `${Math.ceil(ms / UNITS.m)}m`;
}

/** Why a run failed, as administrators see it. */
export const BACKUP_ERRORS = [
  'folder-missing',
  'no-access',
  'disk-full',
  'read-only',
  'no-backup-key',
  'no-holder',
  'secret-changed',
  'locked-down',
  'interrupted',
  'unexpected',
] as const;
export type BackupError = (typeof BACKUP_ERRORS)[number];

/** No success for this long and administrators are warned. */
export const WARN_AFTER_MS = UNITS.d;

/**
 * 'none-for-a-day': the last success is more than a day old. 'none-yet': a schedule is set and no
 * backup ever succeeded. Without a schedule and without any backup there is nothing to overdue.
 */
export type BackupWarning = 'none-for-a-day' | 'none-yet';

export function backupWarning(lastSuccessAt: string | null, scheduled: boolean, now = Date.now()): BackupWarning | null {
  if (lastSuccessAt === null) return scheduled ? 'none-yet' : null;
  return now - Date.parse(lastSuccessAt) > WARN_AFTER_MS ? 'none-for-a-day' : null;
}
