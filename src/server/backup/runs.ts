// Every backup, scheduled or `vigil backup`, is a backup_runs row and an audit entry: when it
// started, how it ended, its size — and on failure a code, never an error's message (a driver's
// message may quote a row).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { appendAudit } from '../audit/log.ts';
import { BACKUP_ERRORS, type BackupError } from '../../core/backups/schedule.ts';

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
 * Runs `write` as one recorded backup: a 'running' row first, then 'ok' with its size or 'failed'
 * with its code, each with its audit entry. `file` is the name in VIGIL_BACKUP_DIR (null for a
 * file the command line wrote elsewhere). A failure is recorded, then rethrown as it was.
 */
export async function recordBackup(db: Kysely<Database>, file: string | null, write: () => Promise<{ bytes: number }>): Promise<{ bytes: number }> {
  const id = randomUUID();
  await db.insertInto('backup_runs').values({ id, started_at: new Date().toISOString(), finished_at: null, outcome: 'running', size: null, file, error: null }).execute();
  let bytes: number;
  try {
    ({ bytes } = await write());
  } catch (error) {
    await finishRun(db, id, file !== null, { outcome: 'failed', error: backupErrorCode(error) });
    throw error;
  }
  await finishRun(db, id, file !== null, { outcome: 'ok', size: bytes });
  return { bytes };
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
 * Scheduled runs a stopped or crashed server left 'running': failed ('interrupted'). Their names,
 * so the schedule removes what they left half-written.
 */
export async function endInterruptedRuns(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('backup_runs').select(['id', 'file']).where('outcome', '=', 'running').where('file', 'is not', null).execute();
  for (const row of rows) await finishRun(db, row.id, true, { outcome: 'failed', error: 'interrupted' });
  return rows.map((r) => r.file!);
}

/** The files in VIGIL_BACKUP_DIR the schedule wrote and finished: the only ones it may delete. */
export async function ownBackupFiles(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('backup_runs').select('file').where('outcome', '=', 'ok').where('file', 'is not', null).execute();
  return new Set(rows.map((r) => r.file!));
}

/** When the schedule last tried (its newest run), and whether that failed: where it picks up after a restart. */
export async function lastScheduledRun(db: Kysely<Database>): Promise<{ at: number; failed: boolean } | null> {
  const row = await db.selectFrom('backup_runs').select(['started_at', 'outcome']).where('file', 'is not', null).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return row ? { at: Date.parse(row.started_at), failed: row.outcome === 'failed' } : null;
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
