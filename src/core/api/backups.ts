// GET /api/backups (administrators): the schedule, the last success and failure, and the warning.
// Nothing of a backup's content, and not the folder's path (a seized browser tab need not say where
// the backups are).
import * as z from 'zod';
import { BACKUP_ERRORS } from '../backups/schedule.ts';

export const backupStatus = z.object({
  schedule: z.object({
    /** VIGIL_BACKUP_DIR is set: the server makes backups on its own. */
    folderSet: z.boolean(),
    /** "6h": VIGIL_BACKUP_EVERY as a duration; null without a folder. */
    every: z.string().nullable(),
    /** How many of its own files the schedule keeps. */
    keep: z.number().int().min(1),
  }),
  /** When the last successful backup started, and its size in bytes (scheduled or `vigil backup`). */
  lastSuccess: z.object({ at: z.string(), size: z.number().int().min(0) }).nullable(),
  lastFailure: z.object({ at: z.string(), code: z.enum(BACKUP_ERRORS) }).nullable(),
  warning: z.enum(['none-for-a-day', 'none-yet']).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;
