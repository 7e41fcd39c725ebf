// A framed body (src/core/api/parts-frame.ts) read from the request as it arrives: refused at the
// first thing wrong, never held whole before it is checked.
import type { Readable } from 'node:stream';
import { FrameReader, FrameTooLarge, type FrameExpectation } from '../../core/api/parts-frame.ts';
import { HttpError } from './errors.ts';

/**
 * `admitHeader` runs (awaited) once the header has arrived and before the parts are read on: the
 * place for a check that needs the database, such as whether the report it names exists.
 */
export async function readFrame(
  body: unknown,
  expect: FrameExpectation & { maxBytes: number; admitHeader?: (header: unknown) => Promise<void> },
): Promise<{ header: unknown; parts: (Uint8Array | null)[] }> {
  if (!isReadable(body)) throw new HttpError(415, 'bad-content-type');
  let header: { value: unknown } | undefined;
  const reader = new FrameReader({
    ...expect,
    parts(value) {
      const count = expect.parts(value);
      header = { value };
      return count;
    },
  });
  let admitted = !expect.admitHeader;
  let received = 0;
  try {
    for await (const chunk of body) {
      received += (chunk as Buffer).length;
      if (received > expect.maxBytes) throw new FrameTooLarge('body too large');
      reader.push(chunk as Buffer);
      if (!admitted && header) {
        await expect.admitHeader!(header.value);
        admitted = true;
      }
    }
    return reader.finish();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(error instanceof FrameTooLarge ? 413 : 400, error instanceof FrameTooLarge ? 'too-large' : 'bad-request');
  }
}

const isReadable = (value: unknown): value is Readable => typeof (value as Readable | null)?.[Symbol.asyncIterator] === 'function';
