// Who will be able to open a backup: every active member whose role holds the backup key and who holds it,
// and the trustees' recovery kit. Read in the backup's own snapshot, with every row's MAC checked
// as at login, so a key or grant slipped into the database alone never becomes a way in.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import type { AdministratorSlot, KitSlot } from '../../core/backup/header.ts';
import type { KdfParams } from '../../core/crypto/passphrase.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { currentKey, orgKeys } from '../keys/org-keys.ts';
import { currentRecoveryKit } from '../keys/recovery-kit.ts';
import { grantIsIntact, recoveryGrantIsIntact } from '../keys/integrity.ts';
import { isLockedDown } from '../lockdown/lock.ts';
import { purposesOf, type TeamMember } from '../../core/key-holders.ts';

/** Why no backup was made: nothing was written. The scheduler keeps the code; the CLI shows the message. */
export class BackupRefused extends Error {
  constructor(
    readonly code: 'no-backup-key' | 'no-holder' | 'locked-down' | 'secret-changed',
    message: string,
  ) {
    super(message);
  }
}

export interface Holders {
  backupKey: { publicKey: Uint8Array; keyId: string };
  administrators: AdministratorSlot[];
  /** Each administrator slot's email, for the (sealed) body: checked at restore, never in the header. */
  emails: Record<string, string>;
  kit: KitSlot | null;
}

export async function backupHolders(trx: Transaction<Database>, secret: ServerSecret): Promise<Holders> {
  if (await isLockedDown(trx)) {
    throw new BackupRefused('locked-down', 'The organization is locked down: its keys are destroyed, so a backup made now could be opened by no one. Restore from a backup made before the lockdown.');
  }
  const backup = currentKey(await orgKeys(trx, secret), 'backup');
  if (!backup) throw new BackupRefused('no-backup-key', 'This organization has no backup key yet: an administrator makes one on the Members page (Make the backup key).');
  const rows = await trx
    .selectFrom('members')
    .innerJoin('key_grants', 'key_grants.member_id', 'members.id')
    .select(['members.id', 'members.role', 'members.status', 'members.email', 'members.kdf', 'members.public_key', 'members.wrapped_private_key', 'key_grants.key_id', 'key_grants.sealed', 'key_grants.mac'])
    .where('key_grants.key_id', '=', backup.id)
    .orderBy('members.created_at')
    .execute();
  // Whose role holds the backup key (core/key-holders.ts: administrators), with a grant that checks.
  const held = rows.filter((r) => purposesOf(r as TeamMember).includes('backup') && r.wrapped_private_key.length > 0 && grantIsIntact(secret, { member_id: r.id, key_id: r.key_id, sealed: r.sealed, mac: r.mac }));
  const administrators = held.map((r) => ({
    member: r.id,
    kdf: JSON.parse(r.kdf) as KdfParams,
    publicKey: toBase64Url(r.public_key),
    wrappedPrivateKey: toBase64Url(r.wrapped_private_key),
    grant: toBase64Url(r.sealed),
  }));
  const kit = await kitSlot(trx, secret, backup.id);
  if (!administrators.length && !kit) throw new BackupRefused('no-holder', 'No administrator holds the backup key and there is no recovery kit: a backup made now could be opened by no one.');
  return { backupKey: { publicKey: backup.publicKey, keyId: backup.id }, administrators, emails: Object.fromEntries(held.map((r) => [r.id, r.email])), kit };
}

async function kitSlot(trx: Transaction<Database>, secret: ServerSecret, backupKeyId: string): Promise<KitSlot | null> {
  const kit = await currentRecoveryKit(trx, secret);
  if (!kit) return null;
  const grant = await trx.selectFrom('recovery_grants').selectAll().where('kit_id', '=', kit.id).where('key_id', '=', backupKeyId).executeTakeFirst();
  if (!grant || !recoveryGrantIsIntact(secret, grant)) return null;
  return { id: kit.id, publicKey: toBase64Url(kit.publicKey), threshold: kit.threshold, grant: toBase64Url(grant.sealed) };
}
