import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The few column types that differ between SQLite and PostgreSQL; migrations ask here (and stores, of any schema). */
export function columnTypes(db: Kysely<any>) {
  const isSqlite = !(db.getExecutor().adapter instanceof PostgresAdapter);
  return {
    isSqlite,
    bytes: isSqlite ? sql`blob` : sql`bytea`,
    serial: isSqlite ? sql`integer` : sql`serial`,
  };
}
