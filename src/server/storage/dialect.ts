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

/**
 * The database's own clock as ISO 8601 text (as toISOString writes it), `secondsAgo` back: what
 * several servers compare must be read off one clock, not each machine's own.
 */
export function databaseNow(db: Kysely<any>, secondsAgo = 0) {
  const seconds = Number(secondsAgo.toFixed(3));
  if (columnTypes(db).isSqlite) return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${seconds} seconds`})`;
  return sql<string>`to_char((clock_timestamp() - make_interval(secs => ${seconds})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
