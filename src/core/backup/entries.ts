// The body of a backup (gzip'd, then cut into sealed parts by file.ts): a sequence of entries,
// each a type byte, a u32 big-endian length and the payload:
//
//   meta    JSON: format, migration level, every table with its columns and row count, and the
//           administrators' emails (so the one typed at restore is checked before anything is written)
//   table   JSON: a table's name and columns, followed by its rows
//   row     the row's values in column order, each a tag and its bytes (values.ts)
//   secret  the server secret file, byte for byte
//   end     JSON: the row count of each table again
//
// Counts are said twice, before and after, so a body cut short or padded with rows is caught even
// if it somehow decrypted.
import * as z from 'zod';
import { concat, fromUtf8, utf8 } from '../crypto/bytes.ts';
import { ByteReader } from './bytes-reader.ts';
import { BackupError } from './errors.ts';
import { decodeRow, encodeRow, type ColumnKind, type Value } from './values.ts';

export const BODY_FORMAT = 1;
const Entry = { meta: 1, table: 2, row: 3, secret: 4, end: 5 } as const;

const tableShape = z.object({ name: z.string().regex(/^[a-z_]+$/), columns: z.array(z.string().regex(/^[a-z_]+$/)).min(1) });
const metaShape = z.object({
  format: z.literal(BODY_FORMAT),
  migration: z.string(),
  tables: z.array(tableShape.extend({ rows: z.number().int().min(0) })),
  administrators: z.record(z.string(), z.string()),
});
const endShape = z.object({ rows: z.record(z.string(), z.number().int().min(0)) });

export type BackupMeta = z.infer<typeof metaShape>;
export type BackupTable = z.infer<typeof tableShape>;

function entry(type: number, payload: Uint8Array): Uint8Array {
  const prefix = new Uint8Array(5);
  prefix[0] = type;
  new DataView(prefix.buffer).setUint32(1, payload.length);
  return concat(prefix, payload);
}

export const metaEntry = (meta: BackupMeta) => entry(Entry.meta, utf8(JSON.stringify(meta)));
export const tableEntry = (table: BackupTable) => entry(Entry.table, utf8(JSON.stringify({ name: table.name, columns: table.columns })));
export const rowEntry = (values: readonly unknown[], kinds?: readonly ColumnKind[]) => entry(Entry.row, encodeRow(values, kinds));
export const secretEntry = (secret: Uint8Array) => entry(Entry.secret, secret);
export const endEntry = (rows: Record<string, number>) => entry(Entry.end, utf8(JSON.stringify({ rows })));

export type BodyEvent =
  | { type: 'meta'; meta: BackupMeta }
  | { type: 'table'; table: BackupTable }
  | { type: 'row'; values: Value[] }
  | { type: 'secret'; secret: Uint8Array }
  | { type: 'end' };

function json<T>(shape: z.ZodType<T>, payload: Uint8Array): T {
  try {
    return shape.parse(JSON.parse(fromUtf8(payload)));
  } catch {
    throw new BackupError('altered', 'its contents');
  }
}

async function* rawEntries(body: AsyncIterable<Uint8Array>): AsyncGenerator<{ type: number; payload: Uint8Array }> {
  const reader = new ByteReader(body);
  while (!(await reader.atEnd())) {
    const prefix = await reader.read(5);
    const length = prefix.length === 5 ? new DataView(prefix.buffer, prefix.byteOffset, 5).getUint32(1) : 0;
    const payload = await reader.read(length);
    if (prefix.length < 5 || payload.length < length) throw new BackupError('truncated', 'its contents end mid-entry');
    yield { type: prefix[0]!, payload };
  }
}

/**
 * The body's entries in the order they must come — meta, each listed table with exactly its
 * rows, the secret, the end with the same counts — or a BackupError saying where it breaks.
 */
export async function* readBody(body: AsyncIterable<Uint8Array>): AsyncGenerator<BodyEvent> {
  const broken = (what: string): never => {
    throw new BackupError('altered', what);
  };
  let meta: BackupMeta | undefined;
  let table = -1;
  let rows = 0;
  let secret = false;
  let ended = false;
  const closeTable = () => {
    if (meta && table >= 0 && rows !== meta.tables[table]!.rows) broken(`table ${meta.tables[table]!.name} has ${rows} rows, not ${meta.tables[table]!.rows}`);
  };
  for await (const { type, payload } of rawEntries(body)) {
    if (ended) broken('data after its end');
    if (!meta) {
      if (type !== Entry.meta) broken('its contents do not start with their description');
      yield { type: 'meta', meta: (meta = json(metaShape, payload)) };
    } else if (type === Entry.table && !secret) {
      closeTable();
      const next = json(tableShape, payload);
      const expected = meta.tables[++table];
      if (!expected || expected.name !== next.name || expected.columns.join() !== next.columns.join()) broken(`table ${next.name} is not the one listed`);
      rows = 0;
      yield { type: 'table', table: next };
    } else if (type === Entry.row && table >= 0 && !secret) {
      rows += 1;
      yield { type: 'row', values: decodeRow(payload, meta.tables[table]!.columns.length) };
    } else if (type === Entry.secret && !secret) {
      closeTable();
      if (table !== meta.tables.length - 1) broken('tables are missing');
      secret = true;
      yield { type: 'secret', secret: payload };
    } else if (type === Entry.end && secret) {
      const { rows: counted } = json(endShape, payload);
      if (meta.tables.some((t) => counted[t.name] !== t.rows)) broken('its closing counts differ');
      ended = true;
    } else {
      broken('an entry out of place');
    }
  }
  if (!ended) throw new BackupError('truncated', 'its contents end before their closing counts');
  yield { type: 'end' };
}
