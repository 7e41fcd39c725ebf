// The lockdown's deletions are committed, but the database may still hold the rows as they were:
// SQLite's write-ahead log keeps old pages until a checkpoint, PostgreSQL keeps dead row versions
// until the table is rewritten. Both are cleared here, so a disk seized after the lockdown holds no
// copy of a wrapped key in the database's files (the file system's free blocks and PostgreSQL's own
// write-ahead log are left to disk encryption).
import { sql } from 'kysely';
import type { Storage } from '../storage/open.ts';

export async function eraseOldCopies(storage: Storage): Promise<void> {
  if (storage.kind === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(storage.db);
  else await sql`vacuum full members, key_grants, recovery_grants`.execute(storage.db);
}
