// A batch as the decryption workers receive it: every envelope and opened-report cache in one
// buffer, transferred rather than copied. (They are views into a whole inbox page; cloning a view
// clones the page.)
export type Item = { id: string; keyId: string; envelope: Uint8Array; cache?: Uint8Array | null };

export interface PackedBatch {
  ids: string[];
  keyIds: string[];
  /** Where each envelope ends in `bytes`; its cache, if any, follows up to `cacheEnds`. */
  ends: Uint32Array;
  cacheEnds: Uint32Array;
  bytes: Uint8Array;
}

export function pack(items: Item[]): PackedBatch {
  const ends = new Uint32Array(items.length);
  const cacheEnds = new Uint32Array(items.length);
  let size = 0;
  items.forEach((item, i) => {
    ends[i] = size += item.envelope.length;
    cacheEnds[i] = size += item.cache?.length ?? 0;
  });
  const bytes = new Uint8Array(size);
  items.forEach((item, i) => {
    bytes.set(item.envelope, ends[i]! - item.envelope.length);
    if (item.cache) bytes.set(item.cache, ends[i]!);
  });
  return { ids: items.map((i) => i.id), keyIds: items.map((i) => i.keyId), ends, cacheEnds, bytes };
}

export function unpack(batch: PackedBatch): Item[] {
  return batch.ids.map((id, i) => {
    const start = i === 0 ? 0 : batch.cacheEnds[i - 1]!;
    const end = batch.ends[i]!;
    const cacheEnd = batch.cacheEnds[i]!;
    return { id, keyId: batch.keyIds[i]!, envelope: batch.bytes.subarray(start, end), cache: cacheEnd > end ? batch.bytes.subarray(end, cacheEnd) : null };
  });
}
