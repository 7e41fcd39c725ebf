// Length padding before encryption, so a sealed report's size says little about how much the
// reporter wrote. Layout: u32 big-endian length, the data, zero bytes up to a bucket boundary.
import { EnvelopeError } from './errors.ts';

export const PAD_BUCKET = 512;

export function pad(data: Uint8Array, bucket = PAD_BUCKET): Uint8Array {
  const total = Math.ceil((data.length + 4) / bucket) * bucket;
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(data, 4);
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length < 4) throw new EnvelopeError('malformed');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (length > padded.length - 4) throw new EnvelopeError('malformed');
  return padded.subarray(4, 4 + length);
}
