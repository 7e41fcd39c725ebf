// A backup file's header: what opens it with no database at hand. Nothing in it names anyone or
// says when or how much: a random file id, the content key sealed to the backup key, and one
// unlock slot per active administrator (their Argon2id parameters, wrapped private key and the
// backup key's grant to them — what the server would hand them at login) and one for the trustees'
// recovery kit, if the organization has one. Bytes are base64url, as in the API.
import * as z from 'zod';
import { b64, kdfParams, keyId } from '../api/common.ts';
import { fromUtf8 } from '../crypto/bytes.ts';
import { BackupError } from './errors.ts';

const administratorSlot = z.object({
  member: z.uuid(),
  kdf: kdfParams,
  publicKey: b64(64),
  wrappedPrivateKey: b64(256),
  grant: b64(2048),
});

const kitSlot = z.object({
  id: keyId,
  publicKey: b64(64),
  threshold: z.number().int().min(1).max(255),
  grant: b64(2048),
});

export const backupHeader = z.object({
  file: b64(64).min(22),
  contentKey: b64(2048),
  administrators: z.array(administratorSlot).max(1000),
  kit: kitSlot.nullable(),
});

export type BackupHeader = z.infer<typeof backupHeader>;
export type AdministratorSlot = z.infer<typeof administratorSlot>;
export type KitSlot = z.infer<typeof kitSlot>;

export function parseHeader(bytes: Uint8Array): BackupHeader {
  try {
    return backupHeader.parse(JSON.parse(fromUtf8(bytes)));
  } catch {
    throw new BackupError('altered', 'its header');
  }
}
