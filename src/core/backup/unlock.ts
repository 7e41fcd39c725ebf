// Opening a backup file without its database: an administrator's passphrase (or the trustees'
// recovery key) opens their slot, the slot's grant gives the backup private key, and that opens
// the file's content key. Writing one: a fresh content key sealed to the backup public key.
import { fromBase64Url, randomBytes, toBase64Url } from '../crypto/bytes.ts';
import { EnvelopeError } from '../crypto/errors.ts';
import { keyIdOf } from '../crypto/keys.ts';
import { deriveMemberKeys } from '../crypto/passphrase.ts';
import { SealedKind, inspectSealed, openSealed, sealTo } from '../crypto/sealed.ts';
import { WrappedKind, unwrapSecret } from '../crypto/wrapped.ts';
import { combineShares, type RecoveryShare } from '../recovery/shares.ts';
import { BackupError } from './errors.ts';
import type { AdministratorSlot, BackupHeader, KitSlot } from './header.ts';

const bytes = (text: string): Uint8Array => {
  const decoded = fromBase64Url(text);
  if (!decoded) throw new BackupError('altered', 'its header');
  return decoded;
};

const importContentKey = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);

/** A new file's header and the content key its parts are wrapped under. */
export async function newBackupHeader(input: {
  backupKey: { publicKey: Uint8Array; keyId: string };
  administrators: AdministratorSlot[];
  kit: KitSlot | null;
}): Promise<{ header: BackupHeader; contentKey: CryptoKey }> {
  const raw = randomBytes(32);
  const sealed = await sealTo(SealedKind.backupKey, input.backupKey, raw);
  const contentKey = await importContentKey(raw);
  raw.fill(0);
  const header = { file: toBase64Url(randomBytes(16)), contentKey: toBase64Url(sealed), administrators: input.administrators, kit: input.kit };
  return { header, contentKey };
}

/** Opens a grant of the backup key sealed to a holder (member or kit) whose private key is known. */
async function openGrant(grant: string, holder: { privateKey: Uint8Array; publicKey: Uint8Array }): Promise<Uint8Array> {
  try {
    return await openSealed(SealedKind.keyGrant, bytes(grant), { privateKey: holder.privateKey, keyId: await keyIdOf(holder.publicKey) });
  } catch (error) {
    if (error instanceof EnvelopeError) throw new BackupError('altered', 'its header');
    throw error;
  }
}

/**
 * Tries the passphrase on each administrator's slot (one Argon2id each: administrators are few).
 * Returns whose slot opened, so the caller can check the email against that member's row.
 */
export async function backupKeyFromPassphrase(header: BackupHeader, passphrase: string): Promise<{ memberId: string; backupKey: Uint8Array }> {
  for (const slot of header.administrators) {
    const { wrapKey } = await deriveMemberKeys(passphrase, slot.kdf);
    let privateKey: Uint8Array;
    try {
      privateKey = await unwrapSecret(WrappedKind.memberPrivateKey, wrapKey, bytes(slot.wrappedPrivateKey), slot.member);
    } catch (error) {
      if (error instanceof EnvelopeError) continue;
      throw error;
    }
    try {
      return { memberId: slot.member, backupKey: await openGrant(slot.grant, { privateKey, publicKey: bytes(slot.publicKey) }) };
    } finally {
      privateKey.fill(0);
    }
  }
  throw new BackupError('wrong-passphrase');
}

/**
 * The trustees' way in: their shares, combined against the kit the file names, give the recovery
 * key, which opens the kit's slot. A ShareError names a share of another kit, a duplicate, too few
 * or a wrong one.
 */
export async function backupKeyFromShares(header: BackupHeader, shares: RecoveryShare[]): Promise<Uint8Array> {
  if (!header.kit) throw new BackupError('no-kit');
  const publicKey = bytes(header.kit.publicKey);
  const kitPrivateKey = await combineShares(shares, { id: header.kit.id, publicKey });
  try {
    return await openGrant(header.kit.grant, { privateKey: kitPrivateKey, publicKey });
  } finally {
    kitPrivateKey.fill(0);
  }
}

/** The content key; a backup key that does not open it belongs to another organization. */
export async function openContentKey(header: BackupHeader, backupKey: Uint8Array): Promise<CryptoKey> {
  const sealed = bytes(header.contentKey);
  let raw: Uint8Array;
  try {
    raw = await openSealed(SealedKind.backupKey, sealed, { privateKey: backupKey, keyId: inspectSealed(sealed, SealedKind.backupKey).keyId });
  } catch (error) {
    if (error instanceof EnvelopeError) throw new BackupError('foreign');
    throw error;
  }
  try {
    return await importContentKey(raw);
  } finally {
    raw.fill(0);
  }
}
