// The export's one query: acts joined to their incident, victim and (if any) detention
// (records/case-query.ts), in entry order, read a batch at a time. On SQLite it runs on a read-only
// connection of its own: Kysely's SQLite driver holds its single connection for as long as a stream is open, and an export of a
// million rows must not stop every other request meanwhile. WAL lets that reader see one
// consistent snapshot while the server goes on writing. PostgreSQL streams through a cursor
// (Kysely's `.stream()` over pg-cursor) on a pooled connection.
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql, type SelectQueryBuilder } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from '../storage/schema.ts';
import type { VigilContext } from '../context.ts';
import type { ExportSourceRow } from '../../core/exports/fields.ts';
import { CASE_CELLS, actsWithCase } from '../records/case-query.ts';

export interface ExportFilters {
  from: string | null;
  to: string | null;
  incidentId: string | null;
}

export interface ExportReader {
  db: Kysely<Database>;
  /** SQLite only: the reader's own connection, to step through rows without an await per row. */
  file: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export function openExportReader(vigil: VigilContext): ExportReader {
  if (vigil.storage.kind !== 'sqlite') return { db: vigil.storage.db, file: null, close: async () => {} };
  const file = new SqliteDatabase(join(vigil.config.dataDir, 'vigil.sqlite'), { readonly: true, fileMustExist: true });
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  return { db, file, close: () => db.destroy() };
}

type ActsQuery = SelectQueryBuilder<Database, 'acts', object>;

/**
 * Filters on the act's initial date. A date known only to the month or year counts when its
 * period overlaps the range: '2026-11' is compared with the first 7 characters of `from`.
 */
function filtered<Q extends ActsQuery>(query: Q, filters: ExportFilters): Q {
  let q = query as ActsQuery;
  if (filters.from) q = q.where(sql<boolean>`acts.date_start >= substr(${filters.from}, 1, length(acts.date_start))`);
  if (filters.to) q = q.where('acts.date_start', '<=', filters.to);
  if (filters.incidentId) q = q.where('acts.incident_id', '=', filters.incidentId);
  return q as Q;
}

export async function countActs(db: Kysely<Database>, filters: ExportFilters): Promise<number> {
  const query = filtered(db.selectFrom('acts') as ActsQuery, filters) as unknown as SelectQueryBuilder<Database, 'acts', object>;
  const row = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type StreamedRow = ExportSourceRow & { p_key_id?: string; p_key_envelope?: Uint8Array; p_sealed?: Uint8Array };

/** Rows are handed on in batches of this many: one await per batch, not per row. */
const BATCH = 256;

/**
 * The rows in entry order, in batches. PostgreSQL: Kysely's `.stream()` over a pg-cursor. SQLite:
 * the same Kysely query, stepped through synchronously on the reader's own connection —
 * Kysely's SQLite stream awaits once per row, and those per-row promises were most of the
 * export's time and garbage (bench/export.ts).
 */
export async function* actBatches(reader: ExportReader, filters: ExportFilters, withIdentity: boolean): AsyncGenerator<StreamedRow[]> {
  const query = actsQuery(reader.db, filters, withIdentity);
  if (reader.file) {
    const { sql: text, parameters } = query.compile();
    const rows = reader.file.prepare(text).iterate(...(parameters as unknown[])) as IterableIterator<StreamedRow>;
    try {
      for (;;) {
        const batch: StreamedRow[] = [];
        let next: IteratorResult<StreamedRow>;
        while (batch.length < BATCH && !(next = rows.next()).done) batch.push(next.value);
        if (batch.length > 0) yield batch;
        if (batch.length < BATCH) return;
        // Stepping SQLite is synchronous: without a turn of the event loop between batches, a long
        // export would hold up every other request (and timers) until it ended.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      rows.return?.();
    }
  }
  let batch: StreamedRow[] = [];
  for await (const row of query.stream(1000) as AsyncIterable<StreamedRow>) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function actsQuery(db: Kysely<Database>, filters: ExportFilters, withIdentity: boolean) {
  const base = actsWithCase(db).select([...CASE_CELLS]);
  // The sealed part is read only when identity fields were asked for (and allowed).
  const query = withIdentity ? base.select(['p.key_id as p_key_id', 'p.key_envelope as p_key_envelope', 'p.sealed as p_sealed']) : base;
  return filtered(query as unknown as ActsQuery, filters).orderBy('acts.seq');
}
