// Every transaction that changes who holds which key (rotations, role changes, removal,
// confirmation, invitation acceptance, a first key, recovery kits and grants, lockdown, a
// passphrase change) starts here. PostgreSQL runs them at READ COMMITTED: without one lock two
// could each read the team, then both write — a new key sealed to a member just demoted, two
// current keys of one purpose, grants stored after a lockdown. The organization's single row is
// that lock. SQLite already runs one writer at a time; taking its write lock at the start keeps
// a transaction from reading a team another process changes before it writes.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { columnTypes } from '../storage/dialect.ts';

/** Waits for, then holds until commit, the one lock all key changes take. */
export async function lockOrganization(trx: Transaction<Database>): Promise<void> {
  if (columnTypes(trx).isSqlite) await sql`update organization set id = id where id = 1`.execute(trx);
  else await sql`select id from organization where id = 1 for update`.execute(trx);
}
