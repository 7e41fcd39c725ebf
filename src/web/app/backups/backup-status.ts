// What the workspace shows administrators of backups (GET /api/backups), in words of their language.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import type { BackupStatus } from '../../../core/api/backups.ts';
import type { BackupError } from '../../../core/backups/schedule.ts';
import type { Formats } from '../../../core/i18n/format.ts';
import type { backupWords } from './words.ts';

type Say = (key: keyof (typeof backupWords)['en'], args?: Record<string, string | number>) => string;

/** The status once loaded; null while loading or when it cannot be (the page goes on without it). */
export function useBackupStatus(): BackupStatus | null {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    api<BackupStatus>('/api/backups').then(setStatus, () => setStatus(null));
  }, []);
  return status;
}

/** Why the last attempt failed (words an administrator can act on), by the catalog's key. */
export const FAILURE_REASONS = {
  'folder-missing': 'folderMissing',
  'no-access': 'noAccess',
  'disk-full': 'diskFull',
  'read-only': 'readOnly',
  'no-backup-key': 'noBackupKey',
  'no-holder': 'noHolder',
  'secret-changed': 'secretChanged',
  'locked-down': 'lockedDown',
  interrupted: 'interrupted',
  unexpected: 'unexpected',
} as const satisfies Record<BackupError, string>;

const SIZE_UNITS = ['kilobytes', 'megabytes', 'gigabytes', 'terabytes'] as const;

/** 12,345,678 bytes → "12.3 MB" ("12,3 МБ"). */
export function sizeLabel(bytes: number, t: Say, f: Formats): string {
  if (bytes < 1000) return t('bytes', { count: bytes });
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return t(SIZE_UNITS[unit]!, { size: f.number(Math.round(value * 10) / 10) });
}

/** The schedule's "6h" (VIGIL_BACKUP_EVERY as the server words it) → "every 6 hours". */
export function everyLabel(every: string, t: Say): string {
  const [, count, unit] = /^(\d+)([mhd])$/.exec(every) ?? [];
  if (!count) return every;
  return t(unit === 'd' ? 'everyDays' : unit === 'h' ? 'everyHours' : 'everyMinutes', { count: Number(count) });
}

/** The last failure, when it is newer than the last success (an older one was overcome). */
export function failureSinceSuccess(status: BackupStatus): BackupStatus['lastFailure'] {
  const { lastFailure, lastSuccess } = status;
  return lastFailure && (!lastSuccess || lastFailure.at > lastSuccess.at) ? lastFailure : null;
}
