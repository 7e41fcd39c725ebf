// Writes one backup file (format: src/core/backup/file.ts) from one consistent snapshot: every
// table row by row (attachments one at a time), gzip'd, cut into parts sealed under a fresh content
// key, that key sealed to the organization's backup public key. Nothing needs a private key, and
// nothing unsealed touches the disk. Memory stays flat: a row is in flight at a time.
import { readFileSync, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { constants as zlib, createGzip } from 'node:zlib';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Storage } from '../storage/open.ts';
import { sqliteFileIn } from '../storage/open.ts';
import { migrationLevel } from '../storage/migrate.ts';
import { loadServerSecret, type ServerSecret } from '../secret.ts';
import { BODY_FORMAT, endEntry, metaEntry, rowEntry, secretEntry, tableEntry } from '../../core/backup/entries.ts';
import { encodeHeader, sealParts } from '../../core/backup/file.ts';
import { newBackupHeader } from '../../core/backup/unlock.ts';
import { backupHolders, BackupRefused, type Holders } from './holders.ts';
import { describeTables, type TableInfo } from './tables.ts';
import { inSnapshot } from './snapshot.ts';
import { GZIP_CHUNK } from './gzip-chunk.ts';

export interface BackupSource {
  storage: Storage;
  secret: ServerSecret;
  config: { dataDir: string; secretFile: string };
}

export interface BackupProgress {
  rows: number;
  totalRows: number;
  /** Bytes of the file written so far. */
  bytes: number;
}

/** Rows fetched per cursor step; attachments hold megabytes each, so they come one at a time. */
const batchFor = (table: string) => (table === 'attachments' ? 1 : 500);

/**
 * Most of a backup is sealed bytes, which do not compress: deflate searched them for matches at ~25
 * MB/s (level 6 or 1) here. Huffman coding alone still shrinks the plain columns and runs ~3× faster;
 * switching level per table with params() did not help (zlib keeps deflating after a switch to 0).
 */
const GZIP_OPTIONS = { chunkSize: GZIP_CHUNK, level: zlib.Z_BEST_SPEED, strategy: zlib.Z_HUFFMAN_ONLY };

/** The server secret file, as long as it is still the one the running server uses. */
function secretFileBytes(source: BackupSource): Uint8Array {
  const { secretFile } = source.config;
  const same = existsSync(secretFile) && loadServerSecret(secretFile).keyedHash('secret-check', 'backup') === source.secret.keyedHash('secret-check', 'backup');
  if (!same) throw new BackupRefused('secret-changed', `The server secret file ${secretFile} is missing or no longer the one this server started with: put it back before making a backup.`);
  return readFileSync(secretFile);
}

async function* body(trx: Transaction<Database>, tables: TableInfo[], counts: number[], holders: Holders, secret: Uint8Array, progress: (rows: number) => void) {
  const tableList = tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i]! }));
  yield metaEntry({ format: BODY_FORMAT, migration: await migrationLevel(trx), tables: tableList, administrators: holders.emails });
  let rows = 0;
  for (const table of tables) {
    yield tableEntry(table);
    // No order asked: each table is read once, in whatever order is cheapest; the snapshot keeps it whole.
    for await (const row of (trx as Transaction<any>).selectFrom(table.name).select(table.columns).stream(batchFor(table.name))) {
      yield rowEntry(
        table.columns.map((c) => (row as Record<string, unknown>)[c]),
        table.kinds,
      );
      progress(++rows);
    }
  }
  yield secretEntry(secret);
  yield endEntry(Object.fromEntries(tableList.map((t) => [t.name, t.rows])));
}

/**
 * Writes a backup to `out` (and ends it). Throws BackupRefused, before writing anything, when no
 * one could open it; any other error leaves `out` incomplete — callers write to a .partial file.
 */
export async function writeBackup(source: BackupSource, out: NodeJS.WritableStream, options: { onProgress?: (progress: BackupProgress) => void; signal?: AbortSignal | undefined } = {}): Promise<{ bytes: number }> {
  const secret = secretFileBytes(source);
  return inSnapshot(source.storage, sqliteFileIn(source.config.dataDir), async (trx) => {
    const holders = await backupHolders(trx, source.secret);
    const tables = await describeTables(trx, source.storage.kind === 'sqlite');
    const counts = await Promise.all(tables.map(async (t) => Number((await (trx as Transaction<any>).selectFrom(t.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
    const totalRows = counts.reduce((a, b) => a + b, 0);
    const { header, contentKey } = await newBackupHeader({ backupKey: holders.backupKey, administrators: holders.administrators, kit: holders.kit });
    const { bytes: headerBytes, binding } = await encodeHeader(header);
    let bytes = 0;
    let rows = 0;
    const report = () => options.onProgress?.({ rows, totalRows, bytes });
    await pipeline(
      body(trx, tables, counts, holders, secret, (n) => {
        rows = n;
        report();
      }),
      createGzip(GZIP_OPTIONS),
      async function* framed(gzipped: AsyncIterable<Uint8Array>) {
        yield headerBytes;
        yield* sealParts(gzipped, contentKey, binding);
      },
      async function* counted(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          report();
          yield chunk;
        }
      },
      out,
      { signal: options.signal },
    );
    return { bytes };
  });
}
