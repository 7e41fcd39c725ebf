// What follows a committed lockdown. The deletions are committed, but copies remain: the schedule's
// own backup files in VIGIL_BACKUP_DIR (often on a drive seized with the server; each holds every
// administrator's wrapped key and backup grant, so one coerced passphrase would open it), a backup
// under way (its snapshot predates the lockdown, and its read transaction holds SQLite's log), and
// the database's files: SQLite's write-ahead log keeps old pages until a checkpoint, PostgreSQL keeps
// dead row versions until the table is rewritten. All are removed here, so a disk seized after the
// lockdown holds no copy of a wrapped key (the file system's free blocks and PostgreSQL's own
// write-ahead log are left to disk encryption). Copies kept off the server are the way back.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Storage } from '../storage/open.ts';
import type { VigilContext } from '../context.ts';
import { ownBackupFiles } from '../backup/runs.ts';
import { prune } from '../backup/folder.ts';

/** Each try already waits up to the connection's busy timeout (5 s) for the readers. */
const CHECKPOINT_TRIES = 3;
const CHECKPOINT_PAUSE_MS = 100;

/** An erasure that could not finish; the lockdown itself stands. */
class EraseIncomplete extends Error {
  readonly code = 'wal-busy';
}

export async function eraseOldCopies(storage: Storage): Promise<void> {
  if (storage.kind === 'postgres') {
    await sql`vacuum full members, key_grants, recovery_grants`.execute(storage.db);
    return;
  }
  // Busy while a reader still holds an old snapshot: it ends soon (a request), so try again briefly.
  for (let tries = 1; ; tries++) {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(storage.db);
    if (rows[0]?.busy === 0) return;
    if (tries === CHECKPOINT_TRIES) throw new EraseIncomplete();
    await sleep(CHECKPOINT_PAUSE_MS);
  }
}

/** Deletes every backup file the schedule made in its folder: files kept elsewhere are untouched. */
export async function deleteOwnBackups(vigil: Pick<VigilContext, 'storage' | 'config'>): Promise<string[]> {
  const { dir } = vigil.config.backup;
  return dir === null ? [] : prune(dir, await ownBackupFiles(vigil.storage.db), 0);
}

const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unexpected';
};

/**
 * After the lockdown's transaction: tell every server (each aborts its backup under way and deletes
 * its schedule's files: backup/scheduled.ts), do the same here and wait for it, erase the database's
 * old copies. The lockdown is committed whatever happens here: a failure is logged by its code
 * (never a message, which could quote a row) and the request still succeeds.
 */
export async function afterLockdown(vigil: VigilContext, log: FastifyBaseLogger): Promise<void> {
  await vigil.changes.publish('lockdown').catch((error: unknown) => log.error({ code: codeOf(error) }, 'lockdown: the other servers could not be told'));
  await vigil.backupSchedule?.abort();
  await deleteOwnBackups(vigil).catch((error: unknown) => log.error({ code: codeOf(error) }, 'lockdown: the schedule\'s backup files could not all be deleted'));
  await eraseOldCopies(vigil.storage).catch((error: unknown) => log.error({ code: codeOf(error) }, 'lockdown: old copies in the database files could not be erased'));
}
