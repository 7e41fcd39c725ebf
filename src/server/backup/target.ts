// Where a restore goes: an empty data folder (SQLite) or an empty PostgreSQL database. All or
// nothing: everything happens in one transaction on one connection — SQLite's in a temporary file
// renamed into place at the end — and the server secret is written beside it under a temporary
// name, renamed last. A failure leaves the target as it was.
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { sqliteFileIn } from '../storage/open.ts';
import { flushToDisk } from './flush.ts';

export interface RestoreTarget {
  dataDir: string;
  databaseUrl?: string | undefined;
  secretFile: string;
}

/** The target holds something already: a restore never writes over data. */
export class TargetNotEmpty extends Error {}

/** A database the restore has begun a transaction in, and how to keep or drop it. */
export interface OpenTarget {
  db: Kysely<Database>;
  isSqlite: boolean;
  /** Commits, then puts the database and the server secret in place. */
  keep(secret: Uint8Array): Promise<void>;
  /** Rolls back and removes whatever the restore made. */
  drop(): Promise<void>;
}

function postgresPool(url: string): pg.Pool {
  // One connection, never closed while idle: the whole restore is one transaction on it.
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', () => {});
  return pool;
}

export async function assertEmptyTarget(target: RestoreTarget): Promise<void> {
  if (existsSync(target.secretFile)) throw new TargetNotEmpty(`A server secret already exists at ${target.secretFile}: restore into an empty data folder (VIGIL_DATA) or move it away first.`);
  if (!target.databaseUrl) {
    if (existsSync(sqliteFileIn(target.dataDir))) throw new TargetNotEmpty(`The data folder ${target.dataDir} already holds a database: restore into an empty folder (VIGIL_DATA).`);
    return;
  }
  const pool = postgresPool(target.databaseUrl);
  try {
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from information_schema.tables where table_schema = current_schema()').catch(() => {
      throw new TargetNotEmpty('Cannot reach the PostgreSQL database in DATABASE_URL: check the address, and that the database exists.');
    });
    if (Number(rows[0]!.n) > 0) throw new TargetNotEmpty('The PostgreSQL database in DATABASE_URL already holds tables: restore into an empty database.');
  } finally {
    await pool.end();
  }
}

/** Writes the secret under a temporary name (flushed to disk); returns how to put it in place or remove it. */
async function stageSecret(file: string, secret: Uint8Array): Promise<{ place(): void; remove(): void }> {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const staged = `${file}.restoring`;
  writeFileSync(staged, secret, { mode: 0o600 });
  await flushToDisk(staged);
  return { place: () => placeWithoutOverwriting(staged, file), remove: () => rmSync(staged, { force: true }) };
}

/** Like a rename, but a file made at `to` since the emptiness check is kept and this fails (EEXIST). */
function placeWithoutOverwriting(from: string, to: string): void {
  linkSync(from, to);
  rmSync(from);
}

async function openSqlite(target: RestoreTarget): Promise<OpenTarget> {
  mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  const final = sqliteFileIn(target.dataDir);
  const temporary = `${final}.restoring`;
  const remove = () => ['', '-journal', '-wal', '-shm'].forEach((end) => rmSync(`${temporary}${end}`, { force: true }));
  remove();
  const file = new SqliteDatabase(temporary);
  // Loading, not serving: nothing is synced until the end, when the whole file is.
  file.pragma('synchronous = OFF');
  file.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  await sql`begin`.execute(db);
  return {
    db,
    isSqlite: true,
    async keep(secret) {
      await sql`commit`.execute(db);
      await db.destroy();
      await flushToDisk(temporary);
      const staged = await stageSecret(target.secretFile, secret);
      // The database first: a crash in between leaves a database without its secret, which
      // refuses to start, rather than a secret beside no database, which a new setup would use.
      try {
        placeWithoutOverwriting(temporary, final);
      } catch (error) {
        staged.remove();
        throw error;
      }
      try {
        staged.place();
      } catch (error) {
        rmSync(final, { force: true });
        staged.remove();
        throw error;
      }
    },
    async drop() {
      await db.destroy().catch(() => undefined);
      remove();
    },
  };
}

async function openPostgres(url: string, target: RestoreTarget): Promise<OpenTarget> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(url) }) });
  await sql`begin`.execute(db);
  return {
    db,
    isSqlite: false,
    async keep(secret) {
      const staged = await stageSecret(target.secretFile, secret);
      try {
        await sql`commit`.execute(db);
      } catch (error) {
        staged.remove();
        throw error;
      } finally {
        await db.destroy();
      }
      staged.place();
    },
    async drop() {
      await sql`rollback`.execute(db).catch(() => undefined);
      await db.destroy().catch(() => undefined);
    },
  };
}

export const openTarget = (target: RestoreTarget): Promise<OpenTarget> => (target.databaseUrl ? openPostgres(target.databaseUrl, target) : openSqlite(target));
