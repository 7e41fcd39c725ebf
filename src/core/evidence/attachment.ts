// Evidence, kept the way courts accept it (Berkeley Protocol): the original unaltered and hashed at
// receipt, a separate working copy with identifying metadata removed, both encrypted; a custody
// log of who did what. This module seals and opens an attachment; stripping happens before it (in
// the browser when JavaScript runs, in the server's memory when it does not), so neither copy is
// ever stored readable.
//
//   intake or records public key <--HPKE (sealed v1, kind 7)-- the attachment's own AES-256 key
//   the attachment's key <--AES-256-GCM (wrapped v1, kinds 3/4/5)-- metadata / original / working copy
// The context bound into each AES-GCM tag is the attachment id and the part, so parts cannot be
// swapped between attachments or between original and working copy.
import { fromUtf8, randomBytes, sha256, toHex, utf8 } from '../crypto/bytes.ts';
import { SealedKind, openSealed, sealTo, type PrivateRecipient, type PublicRecipient } from '../crypto/sealed.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from '../crypto/wrapped.ts';
import { pad, padFile, unpad } from '../crypto/padding.ts';

export interface AttachmentMeta {
  v: 1;
  name: string;
  type: string;
  size: number;
  /** SHA-256 of the original as received, hex. */
  sha256: string;
  /** How the working copy was made: 'image-reencoded' (all metadata dropped), or 'none' (no working copy). */
  stripped: 'image-reencoded' | 'none';
  workingType: string | null;
  workingSha256: string | null;
}

export interface SealedAttachment {
  keyId: string;
  keyEnvelope: Uint8Array;
  meta: Uint8Array;
  original: Uint8Array;
  working: Uint8Array | null;
  /** The custody log's first entry: the hashes seen at receipt, sealed like the key. */
  receipt: Uint8Array;
}

const aesKey = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
const context = (id: string, part: 'meta' | 'original' | 'working') => `vigil/attachment/v1/${id}/${part}`;

export const sha256Hex = async (bytes: Uint8Array) => toHex(await sha256(bytes));

export async function sealAttachment(
  id: string,
  file: { name: string; type: string; bytes: Uint8Array },
  working: { type: string; bytes: Uint8Array } | null,
  recipient: PublicRecipient,
): Promise<SealedAttachment> {
  const raw = randomBytes(32);
  try {
    const key = await aesKey(raw);
    const meta: AttachmentMeta = {
      v: 1,
      name: file.name.slice(0, 200),
      type: file.type.slice(0, 100),
      size: file.bytes.length,
      sha256: await sha256Hex(file.bytes),
      stripped: working ? 'image-reencoded' : 'none',
      workingType: working?.type ?? null,
      workingSha256: working ? await sha256Hex(working.bytes) : null,
    };
    return {
      keyId: recipient.keyId,
      keyEnvelope: await sealTo(SealedKind.attachmentKey, recipient, raw),
      // Padded before encryption: an exact size would let whoever holds a seized copy confirm it.
      meta: await wrapSecret(WrappedKind.attachmentMeta, key, pad(utf8(JSON.stringify(meta))), context(id, 'meta')),
      original: await wrapSecret(WrappedKind.attachmentOriginal, key, padFile(file.bytes), context(id, 'original')),
      working: working ? await wrapSecret(WrappedKind.attachmentWorking, key, padFile(working.bytes), context(id, 'working')) : null,
      receipt: await sealCustodyDetail(recipient, { sha256: meta.sha256, workingSha256: meta.workingSha256 }),
    };
  } finally {
    raw.fill(0);
  }
}

export function sealCustodyDetail(recipient: PublicRecipient, detail: Record<string, string | null>): Promise<Uint8Array> {
  return sealTo(SealedKind.custodyDetail, recipient, utf8(JSON.stringify(detail)));
}

export async function openCustodyDetail(sealed: Uint8Array, recipient: PrivateRecipient): Promise<Record<string, string | null>> {
  return JSON.parse(fromUtf8(await openSealed(SealedKind.custodyDetail, sealed, recipient)));
}

/** The attachment's key, opened with the intake or records private key it was sealed to. */
export async function openAttachmentKey(keyEnvelope: Uint8Array, recipient: PrivateRecipient): Promise<CryptoKey> {
  const raw = await openSealed(SealedKind.attachmentKey, keyEnvelope, recipient);
  try {
    return await aesKey(raw);
  } finally {
    raw.fill(0);
  }
}

export async function openAttachmentMeta(key: CryptoKey, id: string, meta: Uint8Array): Promise<AttachmentMeta> {
  return JSON.parse(fromUtf8(unpad(await unwrapSecret(WrappedKind.attachmentMeta, key, meta, context(id, 'meta')))));
}

export async function openAttachmentPart(key: CryptoKey, id: string, part: 'original' | 'working', blob: Uint8Array): Promise<Uint8Array> {
  return unpad(await unwrapSecret(part === 'original' ? WrappedKind.attachmentOriginal : WrappedKind.attachmentWorking, key, blob, context(id, part)));
}

/** Opens the original and checks it against the hash recorded at receipt. */
export async function openVerifiedOriginal(key: CryptoKey, id: string, meta: AttachmentMeta, blob: Uint8Array): Promise<{ bytes: Uint8Array; verified: boolean }> {
  const bytes = await openAttachmentPart(key, id, 'original', blob);
  return { bytes, verified: (await sha256Hex(bytes)) === meta.sha256 };
}

/** Image types whose working copy is made by decoding and re-encoding (which keeps no metadata). */
export const STRIPPABLE_IMAGES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const isStrippableImage = (type: string) => (STRIPPABLE_IMAGES as readonly string[]).includes(type);
