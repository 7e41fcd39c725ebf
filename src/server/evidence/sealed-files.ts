// A frame of sealed files, as members' and reporters' scripts send it: a header naming the files,
// then five sealed parts per file. Each part's length is checked before its bytes arrive, and its
// kind and key as soon as they have, so a frame that lies is refused while it is still arriving.
import type { FrameExpectation } from '../../core/api/parts-frame.ts';
import { REPORTER_FILES_MOST } from '../../core/api/evidence.ts';
import type { SealedAttachment } from '../../core/evidence/attachment.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import { HttpError } from '../http/errors.ts';

/** AES-GCM adds a header, a nonce and a tag to each part. */
const OVERHEAD = 64;
/** A file's sealed key, sealed metadata and receipt are small; its copies are the bulk. */
const SMALL_PART = 16 * 1024;
/** Room for a frame's or a form's own bytes beside its files. */
export const FRAMING = 64 * 1024;
/** The largest sealed copy of `n` bytes: parts are padded (Padmé, ≤ 12 %) before encryption. */
const sealedMost = (n: number) => Math.ceil(n * 1.13) + OVERHEAD;
/** Where each of a file's five sealed parts sits in a frame. */
const PART = { keyEnvelope: 0, meta: 1, original: 2, working: 3, receipt: 4 } as const;
const PARTS_PER_FILE = 5;

/** The largest frame for files of `limit` bytes together: their sealed copies and small parts. */
export const frameMost = (limit: number) => 2 * sealedMost(limit) + REPORTER_FILES_MOST * PARTS_PER_FILE * (4 + SMALL_PART) + FRAMING;

/** The files a frame's header names: the key they are sealed to and their sizes. */
interface NamedFiles {
  keyId: string;
  sizes: number[];
}

/**
 * How a frame of sealed files is read: its header names the files (within `limit` together),
 * each part's length is checked before its bytes arrive and its kind and key as soon as it has.
 */
export function sealedFilesFrame(limit: number, readHeader: (header: unknown) => NamedFiles): FrameExpectation & { maxBytes: number } {
  let files: NamedFiles | undefined;
  let workingLeft = sealedMost(limit);
  return {
    maxBytes: frameMost(limit),
    parts(header) {
      files = readHeader(header);
      if (files.sizes.reduce((a, b) => a + b, 0) > limit) throw new HttpError(413, 'too-large');
      return PARTS_PER_FILE * files.sizes.length;
    },
    partLimit(index) {
      const slot = index % PARTS_PER_FILE;
      if (slot === PART.original) return sealedMost(files!.sizes[Math.floor(index / PARTS_PER_FILE)]!);
      return slot === PART.working ? workingLeft : SMALL_PART;
    },
    onPart(index, part) {
      const slot = index % PARTS_PER_FILE;
      if (slot === PART.working && part) workingLeft -= part.length;
      if (!partIsSound(slot, part, files!.keyId)) throw new HttpError(400, 'bad-envelope');
    },
  };
}

/** A part of a sealed file is of the kind its place says, sealed to the key the upload names. */
function partIsSound(slot: number, part: Uint8Array | null, keyId: string): boolean {
  try {
    if (slot === PART.working) return !part || inspectWrapped(part, WrappedKind.attachmentWorking);
    if (!part) return false;
    if (slot === PART.keyEnvelope) return inspectSealed(part, SealedKind.attachmentKey).keyId === keyId;
    if (slot === PART.receipt) return inspectSealed(part, SealedKind.custodyDetail).keyId === keyId;
    return inspectWrapped(part, slot === PART.meta ? WrappedKind.attachmentMeta : WrappedKind.attachmentOriginal);
  } catch {
    return false;
  }
}

/** One file's five parts, each already checked as it arrived. */
export function sealedFile(keyId: string, parts: (Uint8Array | null)[]): SealedAttachment {
  const [keyEnvelope, meta, original, working, receipt] = parts;
  return { keyId, keyEnvelope: keyEnvelope!, meta: meta!, original: original!, working: working ?? null, receipt: receipt! };
}

/** The files of a frame, in the order its header named them. */
export function sealedFiles(keyId: string, parts: (Uint8Array | null)[], count: number): SealedAttachment[] {
  return Array.from({ length: count }, (_, i) => sealedFile(keyId, parts.slice(PARTS_PER_FILE * i, PARTS_PER_FILE * (i + 1))));
}
