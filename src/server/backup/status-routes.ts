// GET /api/backups: what administrators see of backups — the schedule (not the folder's path), the
// last success and failure, and a warning when none succeeded for a day.
import type { FastifyPluginAsync } from 'fastify';
import { backupStatus, type BackupStatus } from '../../core/api/backups.ts';
import { backupWarning, everyLabel } from '../../core/backups/schedule.ts';
import { lastOutcomes } from './runs.ts';
import { ADMINS } from '../../core/team/roles.ts';

export const backupStatusRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const { dir, everyMs, keep } = app.vigil.config.backup;

  app.get('/api/backups', { config: { access: ADMINS } }, async (): Promise<BackupStatus> => {
    const { lastSuccess, lastFailure } = await lastOutcomes(db);
    return backupStatus.parse({
      schedule: { folderSet: dir !== null, every: dir === null ? null : everyLabel(everyMs), keep },
      lastSuccess,
      lastFailure,
      warning: backupWarning(lastSuccess?.at ?? null, dir !== null),
    });
  });
};
