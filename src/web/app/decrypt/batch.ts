// A batch of envelopes as the decryption workers receive it: all in one buffer, transferred
// rather than copied. (Envelopes are views into a whole inbox page; cloning a view clones the page.)
export type Item = { id: string; keyId: string; envelope: Uint8Array };

export interface PackedBatch {
  ids: string[];
  keyIds: string[];
  /** Where each envelope ends in `bytes`. */
  ends: Uint32Array;
  bytes: Uint8Array;
}

export function pack(items: Item[]): PackedBatch {
  const ends = new Uint32Array(items.length);
  let size = 0;
  items.forEach((item, i) => (ends[i] = size += item.envelope.length));
  const bytes = new Uint8Array(size);
  items.forEach((item, i) => bytes.set(item.envelope, ends[i]! - item.envelope.length));
  return { ids: items.map((i) => i.id), keyIds: items.map((i) => i.keyId), ends, bytes };
}

export function unpack(batch: PackedBatch): Item[] {
  return batch.ids.map((id, i) => ({ id, keyId: batch.keyIds[i]!, envelope: batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]!, batch.ends[i]!) }));
}
