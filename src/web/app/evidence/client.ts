// Attachments from the workspace's side: stripped and sealed here before upload, opened here after
// download; every opening of a copy is logged by the server, and a verified original is logged
// with the hash this browser computed (sealed).
import { api, apiBytes, apiResponse } from '../session/api.ts';
import { fetchOrgKey } from '../session/org-key.ts';
import type { Vault } from '../session/vault.ts';
import { encodeParts } from '../../../core/api/parts-frame.ts';
import { ATTACHMENT_TYPE, type AttachmentView, type OwnerType } from '../../../core/api/evidence.ts';
import { fromBase64Url, toBase64Url } from '../../../core/crypto/bytes.ts';
import { openAttachmentKey, openAttachmentMeta, openAttachmentPart, openVerifiedOriginal, sealAttachment, sealCustodyDetail, sha256Hex, type AttachmentMeta } from '../../../core/evidence/attachment.ts';
import { strippedImage } from '../../shared/strip-image.ts';
import { LOCALES } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';

/** A file's size as the language writes it: "12 kB", "1,3 МБ" (at least 1 kB: an empty file is not "0"). */
export function fileSize(bytes: number, language: Language): string {
  const mb = bytes >= 1024 * 1024;
  const unit = new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: mb ? 1 : 0 });
  return unit.format(mb ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024));
}

export type { AttachmentView, OwnerType } from '../../../core/api/evidence.ts';

const purposeOf = (owner: OwnerType) => (owner === 'report' ? 'intake' : 'records');

export async function uploadAttachment(vault: Vault, owner: { type: OwnerType; id: string }, file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const working = await strippedImage({ type: file.type, bytes });
  const key = await fetchOrgKey(purposeOf(owner.type), vault.keyring);
  const id = crypto.randomUUID();
  const sealed = await sealAttachment(id, { name: file.name, type: file.type || 'application/octet-stream', bytes }, working, key);
  bytes.fill(0);
  working?.bytes.fill(0);
  const body = encodeParts({ id, ownerType: owner.type, ownerId: owner.id, keyId: sealed.keyId, size: file.size }, [sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt]);
  await apiResponse('/api/attachments', { raw: { bytes: body, type: ATTACHMENT_TYPE } });
}

async function keyFor(vault: Vault, a: AttachmentView): Promise<CryptoKey> {
  const privateKey = vault.keyring.get(a.keyId);
  if (!privateKey) throw new Error('Sealed to a key you have not been given.');
  return openAttachmentKey(fromBase64Url(a.keyEnvelope)!, { privateKey, keyId: a.keyId });
}

export async function metaOf(vault: Vault, a: AttachmentView): Promise<AttachmentMeta | null> {
  try {
    return await openAttachmentMeta(await keyFor(vault, a), a.id, fromBase64Url(a.meta)!);
  } catch {
    return null;
  }
}

const part = (id: string, which: 'working' | 'original'): Promise<Uint8Array> => apiBytes(`/api/attachments/${id}/${which}`, 'application/octet-stream');

export async function workingCopy(vault: Vault, a: AttachmentView, meta: AttachmentMeta): Promise<Blob> {
  const bytes = await openAttachmentPart(await keyFor(vault, a), a.id, 'working', await part(a.id, 'working'));
  return new Blob([bytes as BlobPart], { type: meta.workingType ?? 'application/octet-stream' });
}

/** The original, checked against the hash taken at receipt; the check is logged (hash sealed). */
export async function verifiedOriginal(vault: Vault, a: AttachmentView, meta: AttachmentMeta): Promise<{ blob: Blob; verified: boolean }> {
  const { bytes, verified } = await openVerifiedOriginal(await keyFor(vault, a), a.id, meta, await part(a.id, 'original'));
  if (vault.canTriage) {
    const key = await fetchOrgKey(purposeOf(a.ownerType), vault.keyring).catch(() => null);
    const seen = await sha256Hex(bytes);
    const detail = key && key.keyId === a.keyId ? toBase64Url(await sealCustodyDetail(key, { sha256: seen, matches: String(verified) })) : null;
    await api(`/api/attachments/${a.id}/custody`, { action: 'verified', detail }).catch(() => undefined);
  }
  return { blob: new Blob([bytes as BlobPart], { type: meta.type }), verified };
}
