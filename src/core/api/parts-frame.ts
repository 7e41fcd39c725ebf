// A JSON header followed by binary parts, in one body: how bytes travel where base64 in JSON
// would cost too much (inbox pages, attachments).
//
//   byte 0        frame version (1)
//   bytes 1-4     length of the header, big-endian
//   then          the header: UTF-8 JSON
//   then, per part: 4-byte big-endian length, the bytes (length 0 = no part)
import { fromUtf8, utf8 } from '../crypto/bytes.ts';

const VERSION = 1;

export class FrameError extends Error {}

export function encodeParts(header: unknown, parts: (Uint8Array | null)[]): Uint8Array {
  const head = utf8(JSON.stringify(header));
  const out = new Uint8Array(5 + head.length + parts.reduce((n, p) => n + 4 + (p?.length ?? 0), 0));
  const view = new DataView(out.buffer);
  out[0] = VERSION;
  view.setUint32(1, head.length);
  out.set(head, 5);
  let at = 5 + head.length;
  for (const part of parts) {
    view.setUint32(at, part?.length ?? 0);
    if (part) out.set(part, at + 4);
    at += 4 + (part?.length ?? 0);
  }
  return out;
}

/** Reads `count` parts after the header (views into `bytes`; empty parts are null). Throws FrameError on anything malformed. */
export function decodeParts(bytes: Uint8Array, count: (header: unknown) => number): { header: unknown; parts: (Uint8Array | null)[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 5 || bytes[0] !== VERSION) throw new FrameError('not a frame');
  const headEnd = 5 + view.getUint32(1);
  if (headEnd > bytes.length) throw new FrameError('truncated');
  let header: unknown;
  try {
    header = JSON.parse(fromUtf8(bytes.subarray(5, headEnd)));
  } catch {
    throw new FrameError('header is not JSON');
  }
  const parts: (Uint8Array | null)[] = [];
  let at = headEnd;
  for (let i = 0, n = count(header); i < n; i++) {
    if (at + 4 > bytes.length) throw new FrameError('truncated');
    const end = at + 4 + view.getUint32(at);
    if (end > bytes.length) throw new FrameError('truncated');
    parts.push(end === at + 4 ? null : bytes.subarray(at + 4, end));
    at = end;
  }
  if (at !== bytes.length) throw new FrameError('trailing bytes');
  return { header, parts };
}
