// A bundle file (.vigil), version 1:
//
//   bytes 0-7   "VIGILBDL"  (so a wrong file is named as such without any key)
//   byte 8      file version (1)
//   bytes 9-    a sealed v1 envelope, kind 9 (bundle), to the partner's records key (HPKE, see
//               crypto/sealed.ts): inside, the document as JSON, gzip-compressed, then padded
//               (Padmé, ≤ 12 %) so the file's size says little about how many records it holds.
//
// Compression comes before encryption (ciphertext does not compress) and after it nothing is
// readable: HPKE's ChaCha20-Poly1305 tag covers every byte after the file version (which must be
// exactly 1, so changing it only gets the file refused), so a changed or cut file does not open. A bundle made for another organization fails on its key id.
import { concat, fromUtf8, utf8 } from '../crypto/bytes.ts';
import { EnvelopeError } from '../crypto/errors.ts';
import { SealedKind, inspectSealed, openSealed, sealTo } from '../crypto/sealed.ts';
import { padFile, unpad } from '../crypto/padding.ts';
import type { Keyring } from '../keyring.ts';
import { bundleDocument, type BundleDocument } from './document.ts';
import type { PartnerKey } from './partner-key.ts';

const MAGIC = utf8('VIGILBDL');
const FILE_VERSION = 1;
const HEADER = MAGIC.length + 1;
/** Far above any real bundle (≈ 1 KB a record compressed), far below what would hurt a browser tab. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

export type BundleProblem = 'not-a-bundle' | 'unknown-version' | 'wrong-key' | 'damaged' | 'too-large';

export class BundleError extends Error {
  constructor(readonly problem: BundleProblem) {
    super(BUNDLE_PROBLEMS[problem]);
    this.name = 'BundleError';
  }
}

export const BUNDLE_PROBLEMS: Record<BundleProblem, string> = {
  'not-a-bundle': 'This file is not a Vigil bundle.',
  'unknown-version': 'This bundle was made by a newer Vigil. Ask the partner which version they use, or update.',
  'wrong-key': 'This bundle was sealed to another key: not to this organization, or to a records key this account does not hold. Ask the partner to check which partner key they used.',
  damaged: 'This bundle is damaged or was changed after it was made (it may be cut short). Nothing was imported. Ask the partner to send it again.',
  'too-large': 'This bundle is too large to open here.',
};

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small file that inflates without end is refused before it fills memory.
    if (size > limit) {
      await reader.cancel();
      throw new BundleError('too-large');
    }
    parts.push(value);
  }
  return concat(...parts);
}

export async function sealBundle(doc: BundleDocument, partner: PartnerKey): Promise<Uint8Array> {
  const json = utf8(JSON.stringify(bundleDocument.parse(doc)));
  const compressed = await through(json, new CompressionStream('gzip'), MAX_BUNDLE_BYTES);
  const envelope = await sealTo(SealedKind.bundle, partner, padFile(compressed));
  return concat(MAGIC, new Uint8Array([FILE_VERSION]), envelope);
}

/** Opens a bundle with whichever of the organization's keys it was sealed to; throws BundleError. */
export async function openBundle(file: Uint8Array, keyring: Keyring): Promise<BundleDocument> {
  if (file.length > MAX_BUNDLE_BYTES) throw new BundleError('too-large');
  if (file.length < HEADER || MAGIC.some((b, i) => file[i] !== b)) throw new BundleError('not-a-bundle');
  if (file[MAGIC.length] !== FILE_VERSION) throw new BundleError('unknown-version');
  const envelope = file.subarray(HEADER);
  let padded: Uint8Array;
  try {
    // The key id is in the envelope's header; the keyring holds the current and older keys.
    const { keyId } = inspectSealed(envelope, SealedKind.bundle, MAX_BUNDLE_BYTES);
    const privateKey = keyring.get(keyId);
    if (!privateKey) throw new EnvelopeError('wrong-key');
    padded = await openSealed(SealedKind.bundle, envelope, { privateKey, keyId }, MAX_BUNDLE_BYTES);
  } catch (e) {
    if (e instanceof EnvelopeError && e.code === 'wrong-key') throw new BundleError('wrong-key');
    if (e instanceof EnvelopeError && e.code === 'unknown-version') throw new BundleError('unknown-version');
    throw new BundleError('damaged');
  }
  let doc: unknown;
  try {
    const json = await through(unpad(padded), new DecompressionStream('gzip'), MAX_DOCUMENT_BYTES);
    doc = JSON.parse(fromUtf8(json));
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('damaged');
  }
  const parsed = bundleDocument.safeParse(doc);
  // Sealed by someone holding only the public key, so still checked like any input.
  if (!parsed.success) throw new BundleError('damaged');
  return parsed.data;
}
