// A framed body (src/core/api/parts-frame.ts) read from the request as it arrives: refused at the
// first thing wrong, never held whole before it is checked.
import type { Readable } from 'node:stream';
import { FrameReader, FrameTooLarge, type FrameExpectation } from '../../core/api/parts-frame.ts';
import { HttpError } from './errors.ts';

export async function readFrame(body: unknown, expect: FrameExpectation & { maxBytes: number }): Promise<{ header: unknown; parts: (Uint8Array | null)[] }> {
  if (!isReadable(body)) throw new HttpError(415, 'bad-content-type');
  const reader = new FrameReader(expect);
  let received = 0;
  try {
    for await (const chunk of body) {
      received += (chunk as Buffer).length;
      if (received > expect.maxBytes) throw new FrameTooLarge('body too large');
      reader.push(chunk as Buffer);
    }
    return reader.finish();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(error instanceof FrameTooLarge ? 413 : 400, error instanceof FrameTooLarge ? 'too-large' : 'bad-request');
  }
}

const isReadable = (value: unknown): value is Readable => typeof (value as Readable | null)?.[Symbol.asyncIterator] === 'function';
