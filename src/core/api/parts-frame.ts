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

/** What a reader expects of a frame: how many parts its header announces, and how large each may be. */
export interface FrameExpectation {
  /** The number of parts after this header; throws (any error) if the header is not acceptable. */
  parts(header: unknown): number;
  /** The largest the part at `index` may be; a larger length is refused before its bytes are read. */
  partLimit?(index: number): number;
  /** Checks a part as soon as it has arrived whole; throws to refuse the frame there. */
  onPart?(index: number, part: Uint8Array | null): void;
  /** The largest header accepted (default 64 KiB). */
  headerLimit?: number;
}

/** A frame (or part) larger than its reader allows. */
export class FrameTooLarge extends FrameError {}

/**
 * Reads a frame as its bytes arrive, so a body is checked piece by piece — header first, each
 * part's length before its bytes — and refused at the first thing wrong instead of after it has
 * all been received. Parts that arrive inside one chunk are views into it, not copies.
 */
export class FrameReader {
  private state: 'prefix' | 'header' | 'length' | 'part' | 'done' = 'prefix';
  private small = new Uint8Array(5);
  private filled = 0;
  private need = 5;
  private count = 0;
  private header: unknown;
  private part: Uint8Array | null = null;
  private readonly parts: (Uint8Array | null)[] = [];

  constructor(private readonly expect: FrameExpectation) {}

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'done') throw new FrameError('trailing bytes');
      if (this.state === 'part' && this.filled === 0 && chunk.length - at >= this.need) {
        const end = at + this.need;
        this.completePart(chunk.subarray(at, end));
        at = end;
        continue;
      }
      // A part that spans chunks is gathered into its own buffer, made once its bytes start coming.
      if (this.state === 'part' && this.filled === 0) this.part = new Uint8Array(this.need);
      const target = this.state === 'part' ? this.part! : this.small;
      const take = Math.min(this.need - this.filled, chunk.length - at);
      target.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.need) this.advance();
    }
  }

  /** The whole frame; throws FrameError if it ended early. */
  finish(): { header: unknown; parts: (Uint8Array | null)[] } {
    if (this.state === 'prefix' && this.filled === 0 && this.need === 5) throw new FrameError('not a frame');
    if (this.state !== 'done') throw new FrameError('truncated');
    return { header: this.header, parts: this.parts };
  }

  private expectBytes(state: 'prefix' | 'header' | 'length', n: number) {
    this.state = state;
    if (this.small.length < n) this.small = new Uint8Array(n);
    this.need = n;
    this.filled = 0;
  }

  private advance() {
    const view = new DataView(this.small.buffer);
    if (this.state === 'prefix') {
      if (this.small[0] !== VERSION) throw new FrameError('not a frame');
      const length = view.getUint32(1);
      if (length === 0) throw new FrameError('header is not JSON');
      if (length > (this.expect.headerLimit ?? 64 * 1024)) throw new FrameTooLarge('header too large');
      this.expectBytes('header', length);
    } else if (this.state === 'header') {
      try {
        this.header = JSON.parse(fromUtf8(this.small.subarray(0, this.need)));
      } catch {
        throw new FrameError('header is not JSON');
      }
      this.count = this.expect.parts(this.header);
      this.nextPart();
    } else if (this.state === 'length') {
      const length = view.getUint32(0);
      if (length > (this.expect.partLimit?.(this.parts.length) ?? Infinity)) throw new FrameTooLarge('part too large');
      if (length === 0) this.completePart(null);
      else {
        this.state = 'part';
        this.need = length;
        this.filled = 0;
      }
    } else if (this.state === 'part') {
      this.completePart(this.part);
    }
  }

  private completePart(part: Uint8Array | null) {
    this.expect.onPart?.(this.parts.length, part);
    this.parts.push(part);
    this.part = null;
    this.nextPart();
  }

  private nextPart() {
    if (this.parts.length < this.count) this.expectBytes('length', 4);
    else this.state = 'done';
  }
}

/** Reads `count` parts after the header (views into `bytes`; empty parts are null). Throws FrameError on anything malformed. */
export function decodeParts(bytes: Uint8Array, count: (header: unknown) => number, headerLimit?: number): { header: unknown; parts: (Uint8Array | null)[] } {
  const reader = new FrameReader({ parts: count, ...(headerLimit ? { headerLimit } : {}) });
  reader.push(bytes);
  return reader.finish();
}
