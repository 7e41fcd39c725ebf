// A row's values as bytes, the same whichever database wrote or reads them: SQLite and PostgreSQL
// return integers, bigints (PostgreSQL: as text), text and blobs differently; here each is one tag.
//
//   0 null   1 text (u32 length, UTF-8)   2 bytes (u32 length, kept exact)
//   3 integer (u8 length, decimal digits)   4 real (float64)
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { BackupError } from './errors.ts';

/** A value as it goes into a database. Integers beyond 2^53 stay decimal text, which both databases accept for an integer column. */
export type Value = null | string | number | Uint8Array;

/** How a column's values are kept: 'integer' turns PostgreSQL's bigint text back into a number. */
export type ColumnKind = 'integer' | 'other';

const Tag = { null: 0, text: 1, bytes: 2, integer: 3, real: 4 } as const;

type Encoded = { tag: number; bytes: Uint8Array | null; number?: number };

function encodeValue(value: unknown, kind: ColumnKind): Encoded {
  if (value === null || value === undefined) return { tag: Tag.null, bytes: null };
  if (value instanceof Uint8Array) return { tag: Tag.bytes, bytes: value };
  if (typeof value === 'bigint' || (kind === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value))) return { tag: Tag.integer, bytes: utf8(String(value)) };
  if (typeof value === 'number') return Number.isInteger(value) ? { tag: Tag.integer, bytes: utf8(String(value)) } : { tag: Tag.real, bytes: null, number: value };
  if (typeof value === 'string') return { tag: Tag.text, bytes: utf8(value) };
  throw new TypeError(`a backup cannot hold a ${typeof value}`);
}

const sizeOf = (e: Encoded) => 1 + (e.tag === Tag.null ? 0 : e.tag === Tag.real ? 8 : e.tag === Tag.integer ? 1 + e.bytes!.length : 4 + e.bytes!.length);

export function encodeRow(values: readonly unknown[], kinds: readonly ColumnKind[] = []): Uint8Array {
  const encoded = values.map((v, i) => encodeValue(v, kinds[i] ?? 'other'));
  const out = new Uint8Array(encoded.reduce((n, e) => n + sizeOf(e), 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const e of encoded) {
    out[at++] = e.tag;
    if (e.tag === Tag.real) {
      view.setFloat64(at, e.number!);
      at += 8;
    } else if (e.tag === Tag.integer) {
      out[at++] = e.bytes!.length;
      out.set(e.bytes!, at);
      at += e.bytes!.length;
    } else if (e.bytes) {
      view.setUint32(at, e.bytes.length);
      out.set(e.bytes, 4 + at);
      at += 4 + e.bytes.length;
    }
  }
  return out;
}

function integer(text: string): number | string {
  if (!/^-?\d+$/.test(text)) throw new Error('not an integer');
  return Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

export function decodeRow(payload: Uint8Array, columns: number): Value[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const values: Value[] = [];
  let at = 0;
  const take = (n: number) => {
    if (at + n > payload.length) throw new BackupError('altered', 'a row');
    at += n;
    return payload.subarray(at - n, at);
  };
  const u32 = () => (take(4), view.getUint32(at - 4));
  try {
    while (values.length < columns) {
      const tag = take(1)[0];
      if (tag === Tag.null) values.push(null);
      else if (tag === Tag.text) values.push(fromUtf8(take(u32())));
      else if (tag === Tag.bytes) values.push(take(u32()));
      else if (tag === Tag.integer) values.push(integer(fromUtf8(take(take(1)[0]!))));
      else if (tag === Tag.real) values.push((take(8), view.getFloat64(at - 8)));
      else throw new Error('unknown tag');
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('altered', 'a row');
  }
  if (at !== payload.length) throw new BackupError('altered', 'a row');
  return values;
}
