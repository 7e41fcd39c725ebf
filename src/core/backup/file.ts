// A backup file, version 1 (docs/crypto.md, "Backup files"):
//
//   bytes 0-7    "VIGILBAK"
//   byte 8       format version (1)
//   bytes 9-12   header length, u32 big-endian
//   header       JSON (header.ts): the file id, the content key sealed to the backup key, and the
//                unlock slots; padded with spaces so the header's size does not count anything
//   parts        each: u32 big-endian length, then a WrappedKind.backupChunk blob under the content
//                key whose context binds the file id, the header's SHA-256, the part's number and
//                whether it is the last; inside: u32 payload length, payload, zeros to PART_BYTES
//                (every part the same length, the last data part too: no length says where the body ends)
//
// The payloads, joined, are the gzip'd body (entries.ts). Zero-only parts after the body round
// the file up to its Padmé length (in whole parts), so its size says little about how much the
// organization holds. Files written before every part was full still open (the reader takes any
// payload length the sealed part states), so the format version stays 1.
import { concat, sha256, toHex, utf8 } from '../crypto/bytes.ts';
import { EnvelopeError } from '../crypto/errors.ts';
import { padmeLength } from '../crypto/padding.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from '../crypto/wrapped.ts';
import { ByteReader } from './bytes-reader.ts';
import { BackupError } from './errors.ts';
import { parseHeader, type BackupHeader } from './header.ts';

export const MAGIC = utf8('VIGILBAK');
export const FORMAT_VERSION = 1;
const PREFIX_BYTES = MAGIC.length + 1 + 4;
/** Payload bytes per part: big enough that framing is noise, small enough to hold a few in memory. */
export const PART_BYTES = 1024 * 1024;
const HEADER_BLOCK = 4096;
const MAX_HEADER_BYTES = 1024 * 1024;
/** A wrapped part: version, kind, nonce and tag around the payload's length, payload and padding. */
const MAX_PART_BLOB = 2 + 12 + 16 + 4 + PART_BYTES;
/** How far a part out of place is looked for, to say "out of order" rather than "altered". */
const REORDER_SEARCH = 64;

/** What every part's context binds: this file and this header. */
export interface FileBinding {
  fileId: string;
  headerDigest: string;
}

const partContext = (binding: FileBinding, n: number, last: boolean) => `vigil/backup/v1\n${binding.fileId}\n${binding.headerDigest}\n${n}\n${last ? 'last' : 'more'}`;

const u32 = (n: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
};
const readU32 = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);

/** The file's opening bytes, and the binding its parts carry. */
export async function encodeHeader(header: BackupHeader): Promise<{ bytes: Uint8Array; binding: FileBinding }> {
  const json = utf8(JSON.stringify(header));
  const padded = Math.ceil((PREFIX_BYTES + json.length) / HEADER_BLOCK) * HEADER_BLOCK - PREFIX_BYTES;
  const body = new Uint8Array(padded).fill(0x20);
  body.set(json);
  const bytes = concat(MAGIC, new Uint8Array([FORMAT_VERSION]), u32(padded), body);
  return { bytes, binding: { fileId: header.file, headerDigest: toHex(await sha256(bytes)) } };
}

/** Reads and checks the header; the reader is left at the first part. */
export async function readHeader(reader: ByteReader): Promise<{ header: BackupHeader; binding: FileBinding }> {
  const prefix = await reader.read(PREFIX_BYTES);
  const magic = prefix.subarray(0, MAGIC.length);
  if (magic.length === 0 || magic.some((b, i) => b !== MAGIC[i])) throw new BackupError('not-a-backup');
  if (prefix.length < PREFIX_BYTES) throw new BackupError('truncated', 'in its header');
  if (prefix[MAGIC.length]! > FORMAT_VERSION) throw new BackupError('newer-format');
  if (prefix[MAGIC.length] !== FORMAT_VERSION) throw new BackupError('not-a-backup');
  const length = readU32(prefix.subarray(MAGIC.length + 1));
  if (length > MAX_HEADER_BYTES) throw new BackupError('altered', 'its header');
  const body = await reader.read(length);
  if (body.length < length) throw new BackupError('truncated', 'in its header');
  const header = parseHeader(body);
  return { header, binding: { fileId: header.file, headerDigest: toHex(await sha256(concat(prefix, body))) } };
}

/** The body cut into payloads of PART_BYTES (the last one shorter). */
async function* payloads(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let part = new Uint8Array(PART_BYTES);
  let filled = 0;
  for await (const chunk of body) {
    for (let at = 0; at < chunk.length; ) {
      const n = Math.min(PART_BYTES - filled, chunk.length - at);
      part.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === PART_BYTES) {
        yield part;
        part = new Uint8Array(PART_BYTES);
        filled = 0;
      }
    }
  }
  if (filled) yield part.subarray(0, filled);
}

/** A part's plaintext: the payload's length, the payload, zeros to PART_BYTES — every part the same size. */
function partPlaintext(payload: Uint8Array): Uint8Array {
  const plaintext = new Uint8Array(4 + PART_BYTES);
  plaintext.set(u32(payload.length));
  plaintext.set(payload, 4);
  return plaintext;
}

/**
 * Each part's plaintext: the body's payloads, then zero-only parts up to the Padmé length (in
 * whole parts). Every part is full, so no part's length says where the body ends.
 */
async function* plaintexts(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let total = 0;
  let parts = 0;
  for await (const payload of payloads(body)) {
    total += payload.length;
    parts++;
    yield partPlaintext(payload);
  }
  for (let n = Math.max(1, Math.ceil(padmeLength(total) / PART_BYTES)) - parts; n > 0; n--) yield partPlaintext(new Uint8Array(0));
}

/** The parts of a file, framed, each wrapped under the content key. */
export async function* sealParts(body: AsyncIterable<Uint8Array>, key: CryptoKey, binding: FileBinding): AsyncGenerator<Uint8Array> {
  let n = 0;
  let held: Uint8Array | undefined;
  // One part is held back: only the next one's arrival (or the end) says whether it is the last.
  const seal = async (plaintext: Uint8Array, last: boolean) => {
    const blob = await wrapSecret(WrappedKind.backupChunk, key, plaintext, partContext(binding, n++, last));
    return concat(u32(blob.length), blob);
  };
  for await (const plaintext of plaintexts(body)) {
    if (held) yield await seal(held, false);
    held = plaintext;
  }
  yield await seal(held!, true);
}

async function openPart(key: CryptoKey, blob: Uint8Array, binding: FileBinding, n: number, last: boolean): Promise<Uint8Array | null> {
  try {
    return await unwrapSecret(WrappedKind.backupChunk, key, blob, partContext(binding, n, last));
  } catch (error) {
    if (error instanceof EnvelopeError) return null;
    throw error;
  }
}

/** A part that opens under no context of its place: moved from elsewhere in this file, or altered. */
async function diagnose(key: CryptoKey, blob: Uint8Array, binding: FileBinding, n: number): Promise<never> {
  for (let m = 0; m < n + REORDER_SEARCH; m++) {
    if (m === n) continue;
    if ((await openPart(key, blob, binding, m, false)) || (await openPart(key, blob, binding, m, true))) {
      throw new BackupError('reordered', `part ${m + 1} is where part ${n + 1} belongs`);
    }
  }
  throw new BackupError('altered', `part ${n + 1}`);
}

/** The body's payloads, each checked in place; ends only at the part marked last, with nothing after it. */
export async function* openParts(reader: ByteReader, key: CryptoKey, binding: FileBinding): AsyncGenerator<Uint8Array> {
  for (let n = 0; ; n++) {
    const length = await reader.read(4);
    if (length.length < 4) throw new BackupError('truncated', `after part ${n}`);
    const size = readU32(length);
    if (size > MAX_PART_BLOB) throw new BackupError('altered', `part ${n + 1}`);
    const blob = await reader.read(size);
    if (blob.length < size) throw new BackupError('truncated', `in part ${n + 1}`);
    let last = false;
    let plaintext = await openPart(key, blob, binding, n, false);
    if (!plaintext) {
      plaintext = await openPart(key, blob, binding, n, true);
      last = true;
    }
    if (!plaintext) return diagnose(key, blob, binding, n);
    const payloadLength = plaintext.length >= 4 ? readU32(plaintext) : -1;
    if (payloadLength < 0 || payloadLength > plaintext.length - 4) throw new BackupError('altered', `part ${n + 1}`);
    if (payloadLength) yield plaintext.subarray(4, 4 + payloadLength);
    if (last) {
      if (!(await reader.atEnd())) throw new BackupError('altered', 'data after its last part');
      return;
    }
  }
}

export { ByteReader };
