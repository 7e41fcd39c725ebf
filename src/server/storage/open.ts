// Opens the database: SQLite in the data folder by default, PostgreSQL when DATABASE_URL is set.
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

export interface Storage {
  db: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** The SQLite database in a data folder (a backup reads it through a connection of its own). */
export const sqliteFileIn = (dataDir: string): string => join(dataDir, 'vigil.sqlite');

export async function openStorage(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<Storage> {
  let db: Kysely<Database>;
  let kind: Storage['kind'];
  if (options.databaseUrl) {
    kind = 'postgres';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // A dropped connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    // The cursor lets exports stream rows (`.stream()`) instead of loading them all.
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  } else {
    kind = 'sqlite';
    const file = new SqliteDatabase(sqliteFileIn(options.dataDir));
    // WAL for concurrent readers; synchronous=FULL so a commit is on disk before we answer 2xx.
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten, not left readable in free pages.
    file.pragma('secure_delete = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  }
  await migrateToLatest(db);
  return { db, kind, close: () => db.destroy() };
}
