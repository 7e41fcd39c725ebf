// Length padding before encryption, so a sealed report's size says little about how much the
// reporter wrote. Layout: u32 big-endian length, the data, zero bytes up to a bucket boundary.
import { EnvelopeError } from './errors.ts';

export const PAD_BUCKET = 512;

export function pad(data: Uint8Array, bucket = PAD_BUCKET): Uint8Array {
  return padTo(data, Math.ceil((data.length + 4) / bucket) * bucket);
}

/**
 * Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication with
 * PURBs", PETS 2019): rounds a length up so that it leaks O(log log n) bits, at most ~12 % larger.
 * For files, whose exact size would otherwise confirm a copy the adversary already holds.
 */
export function padmeLength(length: number): number {
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const mask = 2 ** (e - s) - 1;
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/** Pads a file to its Padmé length (with the 4-byte length header counted). */
export const padFile = (data: Uint8Array): Uint8Array => padTo(data, padmeLength(data.length + 4));

function padTo(data: Uint8Array, total: number): Uint8Array {
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
