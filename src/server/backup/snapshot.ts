// One consistent view of the whole database for the length of a backup, while the server goes on
// writing. SQLite: one read transaction on a connection of the backup's own (WAL keeps its
// snapshot while writers carry on; the server's own connection is never held up). Not SQLite's
// online backup API: that copies the database file as it is — one format, this one, must restore
// into either database, and an unsealed copy of the database must never be written to disk.
// PostgreSQL: a REPEATABLE READ, READ ONLY transaction; rows come through a cursor.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Storage } from '../storage/open.ts';

export async function inSnapshot<T>(storage: Storage, sqliteFile: string, read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (storage.kind === 'postgres') {
    return storage.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  }
  const file = new SqliteDatabase(sqliteFile, { readonly: true, fileMustExist: true });
  file.pragma('busy_timeout = 5000');
  const own = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  try {
    return await own.transaction().execute(read);
  } finally {
    await own.destroy();
  }
}
