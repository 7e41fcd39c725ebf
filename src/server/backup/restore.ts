// Restores a backup file into an empty target (target.ts), from SQLite or PostgreSQL into either:
// open the file (an administrator's passphrase or the trustees' recovery key), check the body's
// description, migrate the target to the backup's level, load the rows as they arrive (parents
// first, as written), move PostgreSQL's sequences past them, migrate to the latest level, audit,
// and only then keep it all. Any failure — a wrong passphrase, an altered part, a cut file — drops
// everything written.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { GZIP_CHUNK } from './gzip-chunk.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { isKnownMigration, migrateToLatest } from '../storage/migrate.ts';
import { appendAudit } from '../audit/log.ts';
import { ByteReader, openParts, readHeader } from '../../core/backup/file.ts';
import { readBody, type BackupMeta, type BodyEvent } from '../../core/backup/entries.ts';
import { BackupError } from '../../core/backup/errors.ts';
import { backupKeyFromPassphrase, backupKeyFromShares, openContentKey } from '../../core/backup/unlock.ts';
import type { BackupHeader } from '../../core/backup/header.ts';
import type { Value } from '../../core/backup/values.ts';
import type { RecoveryShare } from '../../core/recovery/shares.ts';
import { describeTables, type TableInfo } from './tables.ts';
import { assertEmptyTarget, openTarget, type RestoreTarget } from './target.ts';
import { currentKeyCodes } from './key-codes.ts';

export type Unlock = { email: string; passphrase: string } | { shares: RecoveryShare[] };

export interface RestoreResult {
  rows: number;
  tables: number;
  by: 'administrator' | 'trustees';
  /** The restored organization's key safety codes (key-codes.ts): to compare with the backup's. */
  keyCodes: string;
}

/** Rows per INSERT: few enough for PostgreSQL's 65,535 parameters and a few megabytes at most. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/** The file's parts, opened and joined, decompressed; a compressed stream that does not hold together was altered. */
async function* gunzipped(parts: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const source = Readable.from(parts);
  const gunzip = createGunzip({ chunkSize: GZIP_CHUNK });
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('Z_')) throw new BackupError('altered', 'its compressed contents');
    throw error;
  } finally {
    source.destroy();
  }
}

async function openBody(header: BackupHeader, unlock: Unlock): Promise<{ backupKey: Uint8Array; memberId: string | null }> {
  if ('shares' in unlock) return { backupKey: await backupKeyFromShares(header, unlock.shares), memberId: null };
  const { memberId, backupKey } = await backupKeyFromPassphrase(header, unlock.passphrase);
  return { backupKey, memberId };
}

/** The description comes first: the email and the level are checked before the target is touched. */
function checkMeta(meta: BackupMeta, unlock: Unlock, memberId: string | null): void {
  if ('email' in unlock && meta.administrators[memberId!]?.toLowerCase() !== unlock.email.trim().toLowerCase()) throw new BackupError('wrong-passphrase');
  if (!isKnownMigration(meta.migration)) throw new BackupError('newer-vigil');
}

const asDatabaseValue = (value: Value) => (value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

/** Inserts one table's rows in batches; columns referring to the same table are filled in after. */
class TableLoader {
  #batch: Record<string, unknown>[] = [];
  #bytes = 0;
  #later: [unknown, string, unknown][] = [];

  constructor(
    private readonly db: Kysely<any>,
    readonly info: TableInfo,
    private readonly columns: string[],
  ) {}

  async add(values: Value[]): Promise<void> {
    const row: Record<string, unknown> = {};
    this.columns.forEach((column, i) => (row[column] = asDatabaseValue(values[i]!)));
    for (const { column, referenced } of this.info.selfReferences) {
      if (row[column] === null) continue;
      this.#later.push([row[referenced], column, row[column]]);
      row[column] = null;
    }
    this.#batch.push(row);
    this.#bytes += values.reduce<number>((n, v) => n + (v === null ? 1 : typeof v === 'number' ? 8 : v.length), 0);
    if (this.#batch.length >= Math.min(BATCH_ROWS, Math.floor(60_000 / this.columns.length)) || this.#bytes >= BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#batch.length) await this.db.insertInto(this.info.name).values(this.#batch).execute();
    this.#batch = [];
    this.#bytes = 0;
  }

  async finish(): Promise<void> {
    await this.flush();
    const key = this.info.selfReferences[0]?.referenced;
    for (const [id, column, value] of this.#later) await this.db.updateTable(this.info.name).set({ [column]: value }).where(key!, '=', id).execute();
    for (const column of this.info.serial) {
      await sql`select setval(pg_get_serial_sequence(${this.info.name}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(this.info.name)}`.execute(this.db);
    }
  }
}

/** Loads every table's rows as the body gives them; returns the server secret it carries. */
async function loadRows(db: Kysely<any>, isSqlite: boolean, events: AsyncIterator<BodyEvent>, totalRows: number, onProgress?: (rows: number, total: number) => void): Promise<Uint8Array> {
  const described = await describeTables(db, isSqlite);
  // Migrations seed a few rows (the audit head, default settings); the backup holds their state at its time.
  for (const table of [...described].reverse()) await db.deleteFrom(table.name).execute();
  const tables = new Map(described.map((t) => [t.name, t]));
  let loader: TableLoader | undefined;
  let rows = 0;
  for (let next = await events.next(); !next.done; next = await events.next()) {
    const event = next.value;
    if (event.type === 'table') {
      await loader?.finish();
      const info = tables.get(event.table.name);
      if (!info || event.table.columns.some((c) => !info.columns.includes(c))) throw new BackupError('altered', `table ${event.table.name} is not in this level's database`);
      loader = new TableLoader(db, info, event.table.columns);
    } else if (event.type === 'row') {
      await loader!.add(event.values);
      onProgress?.(++rows, totalRows);
    } else if (event.type === 'secret') {
      await loader?.finish();
      loader = undefined;
      const end = await events.next();
      if (end.done || end.value.type !== 'end') throw new BackupError('truncated');
      return event.secret;
    }
  }
  throw new BackupError('truncated');
}

export async function restoreBackup(file: AsyncIterable<Uint8Array>, unlock: Unlock, target: RestoreTarget, options: { onProgress?: (rows: number, total: number) => void } = {}): Promise<RestoreResult> {
  await assertEmptyTarget(target);
  const reader = new ByteReader(file);
  const { header, binding } = await readHeader(reader);
  const { backupKey, memberId } = await openBody(header, unlock);
  const contentKey = await openContentKey(header, backupKey).finally(() => backupKey.fill(0));
  const events = readBody(gunzipped(openParts(reader, contentKey, binding)))[Symbol.asyncIterator]();
  const first = await events.next();
  if (first.done || first.value.type !== 'meta') throw new BackupError('altered', 'its contents');
  const meta = first.value.meta;
  checkMeta(meta, unlock, memberId);
  const totalRows = meta.tables.reduce((n, t) => n + t.rows, 0);
  const opened = await openTarget(target);
  try {
    await migrateToLatest(opened.db, { level: meta.migration, insideTransaction: true });
    const secret = await loadRows(opened.db, opened.isSqlite, events, totalRows, options.onProgress);
    await migrateToLatest(opened.db, { insideTransaction: true });
    // An invitation link not yet used may be on a seized laptop: it must not open the new server.
    await (opened.db as Kysely<Database>).deleteFrom('invitations').where('member_id', 'is', null).execute();
    const by = memberId ? 'administrator' : 'trustees';
    await appendAudit(opened.db as Kysely<Database>, { actor: memberId, action: 'backup.restored', object: null, detail: { by, rows: totalRows } });
    const keyCodes = await currentKeyCodes(opened.db as Kysely<Database>);
    await opened.keep(secret);
    return { rows: totalRows, tables: meta.tables.length, by, keyCodes };
  } catch (error) {
    await opened.drop();
    throw error;
  }
}
