// What the workspace shows administrators of backups (GET /api/backups), in words.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { BackupStatus } from '../../../core/api/backups.ts';
import type { BackupError } from '../../../core/backups/schedule.ts';
import { utcMinute } from '../time.ts';

/** The status once loaded; null while loading or when it cannot be (the page goes on without it). */
export function useBackupStatus(): BackupStatus | null {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    api<BackupStatus>('/api/backups').then(setStatus, () => setStatus(null));
  }, []);
  return status;
}

/** Why the last attempt failed, in words an administrator can act on. */
export const FAILURE_REASONS: Record<BackupError, string> = {
  'folder-missing': 'the backup folder does not exist (is the backup drive attached and mounted?)',
  'no-access': 'the server may not write to the backup folder',
  'disk-full': 'the backup drive is full',
  'read-only': 'the backup drive is read-only',
  'no-backup-key': 'the organization has no backup key',
  'no-holder': 'no administrator holds the backup key, so no one could open it',
  'secret-changed': 'the server secret file is missing or was replaced (put the original back)',
  'locked-down': 'the organization is locked down',
  interrupted: 'the server stopped while making it',
  unexpected: 'of an unexpected error (the server’s log has its code)',
};

/** 12,345,678 bytes → "12.3 MB". */
export function sizeLabel(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** The last failure, when it is newer than the last success (an older one was overcome). */
export function failureSinceSuccess(status: BackupStatus): BackupStatus['lastFailure'] {
  const { lastFailure, lastSuccess } = status;
  return lastFailure && (!lastSuccess || lastFailure.at > lastSuccess.at) ? lastFailure : null;
}

export const whenLabel = (iso: string): string => `${utcMinute(iso)} UTC`;
