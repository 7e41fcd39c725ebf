// Every backup, scheduled or `vigil backup`, is a backup_runs row and an audit entry: when it
// started, how it ended, its size — and on failure a code, never an error's message (a driver's
// message may quote a row).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { appendAudit } from '../audit/log.ts';
import { BACKUP_ERRORS, type BackupError } from '../../core/backups/schedule.ts';
import { livingInstances } from '../cluster/instance.ts';
import { isUniqueViolation } from '../storage/unique.ts';

/** Node's error codes a run can meet that an operator can fix, in the workspace's words. */
const FIXABLE: Record<string, BackupError> = {
  ENOENT: 'folder-missing',
  ENOTDIR: 'folder-missing',
  EACCES: 'no-access',
  EPERM: 'no-access',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  // Not the operator's to fix: a lockdown aborted the run.
  ABORT_ERR: 'interrupted',
};

/** A failure's code: Node's for the file system, ours when the writer gives one, else 'unexpected'. */
export function backupErrorCode(error: unknown): BackupError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'unexpected';
  if ((BACKUP_ERRORS as readonly string[]).includes(code)) return code as BackupError;
  return FIXABLE[code] ?? 'unexpected';
}

/**
 * Runs `write` as one recorded backup from the command line (`vigil backup`, no file in the
 * schedule's folder): a 'running' row first, then 'ok' with its size or 'failed' with its code, each
 * with its audit entry. A failure is recorded, then rethrown as it was.
 */
export async function recordBackup(db: Kysely<Database>, write: () => Promise<{ bytes: number }>): Promise<{ bytes: number }> {
  const id = randomUUID();
  await db.insertInto('backup_runs').values({ id, started_at: new Date().toISOString(), finished_at: null, outcome: 'running', size: null, file: null, error: null, owner: null }).execute();
  return recordRun(db, id, false, write);
}

/** Writes the run `id` (already 'running') and records how it ended. */
export async function recordRun(db: Kysely<Database>, id: string, scheduled: boolean, write: () => Promise<{ bytes: number }>): Promise<{ bytes: number }> {
  let bytes: number;
  try {
    ({ bytes } = await write());
  } catch (error) {
    await finishRun(db, id, scheduled, { outcome: 'failed', error: backupErrorCode(error) });
    throw error;
  }
  await finishRun(db, id, scheduled, { outcome: 'ok', size: bytes });
  return { bytes };
}

/** The newest scheduled run, as a look saw it: a claim holds only if none started since. */
export interface SeenRun {
  id: string;
  startedAt: string;
  failed: boolean;
}

/**
 * Claims the next scheduled run (file `file`, by server `owner`): its 'running' row, or null when
 * another server's run is under way (the unique index on running scheduled runs, migration 025) or
 * one started since `seen` (a neighbour looked at the same moment and its run already ended). One
 * statement: two servers cannot both pass it.
 */
export async function claimScheduledRun(db: Kysely<Database>, file: string, owner: string, seen: SeenRun | null): Promise<string | null> {
  const id = randomUUID();
  const startedAt = new Date().toISOString();
  try {
    const claimed = await db
      .insertInto('backup_runs')
      .columns(['id', 'started_at', 'outcome', 'file', 'owner'])
      .expression(
        db
          .selectNoFrom((eb) => [eb.val(id).as('id'), eb.val(startedAt).as('started_at'), eb.val('running').as('outcome'), eb.val(file).as('file'), eb.val(owner).as('owner')])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('backup_runs')
                  .select('id')
                  .where('file', 'is not', null)
                  // Newer than `seen` in lastScheduledRun's order.
                  .$if(seen !== null, (q) => q.where((eb) => eb.or([eb('started_at', '>', seen!.startedAt), eb.and([eb('started_at', '=', seen!.startedAt), eb('id', '>', seen!.id)])]))),
              ),
            ),
          ),
      )
      .executeTakeFirst();
    return Number(claimed.numInsertedOrUpdatedRows) === 1 ? id : null;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

type End = { outcome: 'ok'; size: number } | { outcome: 'failed'; error: BackupError };

/** The run's end and its audit entry, together. Scheduled runs are those with a file in the folder. */
async function finishRun(db: Kysely<Database>, id: string, scheduled: boolean, end: End): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('backup_runs').set({ finished_at: new Date().toISOString(), ...end }).where('id', '=', id).execute();
    const detail: Record<string, string | number | boolean> = end.outcome === 'ok' ? { scheduled, size: end.size } : { scheduled, code: end.error };
    await appendAudit(trx, { actor: null, action: end.outcome === 'ok' ? 'backup.made' : 'backup.failed', object: id, detail });
  });
}

/**
 * Scheduled runs left 'running' by a server that stopped or crashed (its row gone or no longer
 * beating; or from before owners were kept): failed ('interrupted'). A living server's run, this
 * one's or a neighbour's, is left alone. Their names, so the schedule removes what they left
 * half-written.
 */
export async function endInterruptedRuns(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('backup_runs')
    .select(['id', 'file'])
    .where('outcome', '=', 'running')
    .where('file', 'is not', null)
    .where((eb) => eb.or([eb('owner', 'is', null), eb('owner', 'not in', livingInstances(db))]))
    .execute();
  for (const row of rows) await finishRun(db, row.id, true, { outcome: 'failed', error: 'interrupted' });
  return rows.map((r) => r.file!);
}

/** The files in VIGIL_BACKUP_DIR the schedule wrote and finished: the only ones it may delete. */
export async function ownBackupFiles(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('backup_runs').select('file').where('outcome', '=', 'ok').where('file', 'is not', null).execute();
  return new Set(rows.map((r) => r.file!));
}

/** The newest scheduled run (read at every look, whichever server made it): when the schedule last tried, and whether that failed. */
export async function lastScheduledRun(db: Kysely<Database>): Promise<SeenRun | null> {
  const row = await db.selectFrom('backup_runs').select(['id', 'started_at', 'outcome']).where('file', 'is not', null).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, startedAt: row.started_at, failed: row.outcome === 'failed' } : null;
}

/** The last success (time, size) and the last failure (time, code), of any kind of run. */
export async function lastOutcomes(db: Kysely<Database>) {
  const last = (outcome: 'ok' | 'failed') =>
    db.selectFrom('backup_runs').select(['started_at', 'size', 'error']).where('outcome', '=', outcome).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  const [ok, failed] = await Promise.all([last('ok'), last('failed')]);
  return {
    lastSuccess: ok ? { at: ok.started_at, size: Number(ok.size) } : null,
    lastFailure: failed ? { at: failed.started_at, code: backupErrorCode({ code: failed.error }) } : null,
  };
}
