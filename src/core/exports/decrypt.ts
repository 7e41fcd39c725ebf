// The exporter's side of an export, the same in the browser and the CLI: reads the server's
// stream (CSV or JSON), opens each row's sealed identity with the member's records key and writes
// the identity fields in its place, dropping the internal `_identity` column. Plain rows pass
// through re-encoded. It yields text in pieces of about 64 KB, so memory stays flat however
// long the export is.
import type { Keyring } from '../keyring.ts';
import { CSV_BOM, CsvReader, csvLine } from './csv.ts';
import { EXPORT_SCHEMA, IDENTITY_COLUMN, type Cell, type ExportFormat } from './fields.ts';
import { IdentityOpener, type Identity } from './identity.ts';
import { rowCountOf } from './json.ts';

export class ExportStreamError extends Error {}

export interface FinishOptions {
  format: ExportFormat;
  /** The member's opened keys; null opens nothing (identity cells stay empty). */
  keyring: Keyring | null;
  /** Called after each batch of rows with the running total. */
  onRows?: (rows: number) => void;
}

export interface FinishResult {
  rows: number;
  /** Rows whose identity could not be opened (a records key this member does not hold). */
  unopened: number;
}

const PIECE = 64 * 1024;

async function* text(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // ignoreBOM keeps a byte-order mark in the text, so it can be written out again.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for await (const chunk of body) {
    const piece = decoder.decode(chunk, { stream: true });
    if (piece) yield piece;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Turns the server's export stream into the final file's text, piece by piece. */
export async function* finishExport(body: AsyncIterable<Uint8Array>, options: FinishOptions, result: FinishResult = { rows: 0, unopened: 0 }): AsyncGenerator<string> {
  const opener = options.keyring ? new IdentityOpener(options.keyring) : null;
  const open = async (cell: string): Promise<Identity | null> => (opener && cell ? opener.open(cell) : null);
  try {
    if (options.format === 'csv') yield* finishCsv(text(body), open, options, result);
    else yield* finishJson(text(body), open, options, result);
  } finally {
    result.unopened = opener?.unopened ?? 0;
    opener?.forget();
  }
}

async function* finishCsv(pieces: AsyncIterable<string>, open: (cell: string) => Promise<Identity | null>, options: FinishOptions, result: FinishResult): AsyncGenerator<string> {
  const reader = new CsvReader();
  let header: string[] | null = null;
  let identityAt = -1;
  let out = '';
  const write = async (record: string[]): Promise<void> => {
    if (!header) {
      header = record;
      if (header[0]?.startsWith(CSV_BOM)) {
        header[0] = header[0].slice(1);
        out += CSV_BOM;
      }
      identityAt = header.indexOf(IDENTITY_COLUMN);
      out += csvLine(identityAt < 0 ? header : header.filter((_, i) => i !== identityAt));
      return;
    }
    const cells: Cell[] = record;
    if (identityAt >= 0) {
      const identity = await open(record[identityAt] ?? '');
      if (identity) header.forEach((name, i) => name in identity && (cells[i] = identity[name as keyof Identity]));
      cells.splice(identityAt, 1);
    }
    out += csvLine(cells);
    result.rows += 1;
  };
  for await (const piece of pieces) {
    for (const record of reader.push(piece)) await write(record);
    if (out.length >= PIECE) {
      yield out;
      out = '';
      options.onRows?.(result.rows);
    }
  }
  const last = reader.end();
  if (last) await write(last);
  if (!header) throw new ExportStreamError('the export is empty');
  if (out) yield out;
  options.onRows?.(result.rows);
}

async function* finishJson(pieces: AsyncIterable<string>, open: (cell: string) => Promise<Identity | null>, options: FinishOptions, result: FinishResult): AsyncGenerator<string> {
  let partial = '';
  let headSeen = false;
  let expected: number | null = null;
  let out = '';
  const line = async (raw: string): Promise<void> => {
    if (expected !== null) {
      if (raw.trim()) throw new ExportStreamError('text after the end of the export');
      return;
    }
    if (!headSeen) {
      const head = raw.endsWith(',"rows":[') ? (JSON.parse(`${raw.slice(0, -',"rows":['.length)}}`) as { schema?: unknown }) : null;
      if (head?.schema !== EXPORT_SCHEMA) throw new ExportStreamError('not a vigil-export/1 stream');
      headSeen = true;
      out += `${raw}\n`;
      return;
    }
    const count = rowCountOf(raw);
    if (count !== null) {
      if (count !== result.rows) throw new ExportStreamError('the export was cut off');
      expected = count;
      out += `${result.rows ? '\n' : ''}${raw}\n`;
      return;
    }
    const comma = raw.endsWith(',');
    const row = JSON.parse(comma ? raw.slice(0, -1) : raw) as Record<string, Cell>;
    if (IDENTITY_COLUMN in row) {
      const identity = await open(String(row[IDENTITY_COLUMN] ?? ''));
      delete row[IDENTITY_COLUMN];
      if (identity) for (const name of Object.keys(identity) as (keyof Identity)[]) if (name in row) row[name] = identity[name];
    }
    out += `${result.rows ? ',\n' : ''}${JSON.stringify(row)}`;
    result.rows += 1;
  };
  for await (const piece of pieces) {
    partial += piece;
    let start = 0;
    let at: number;
    while ((at = partial.indexOf('\n', start)) >= 0) {
      await line(partial.slice(start, at));
      start = at + 1;
    }
    partial = partial.slice(start);
    if (out.length >= PIECE) {
      yield out;
      out = '';
      options.onRows?.(result.rows);
    }
  }
  if (partial) await line(partial);
  if (expected === null) throw new ExportStreamError('the export was cut off');
  yield out;
  options.onRows?.(result.rows);
}
