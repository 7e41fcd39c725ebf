// What M trustees do with the keys their shares opened: give every key the kit holds to an
// administrator whose keys were made anew in their browser (a forgotten passphrase, an arrested
// administrator) or to a new administrator. The target's old keys, grants and sessions end.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import type { RecoveryGrantRequest } from '../../core/api/recovery.ts';
import { HttpError, base64Param } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, exactGrants } from '../keys/org-keys.ts';
import { isLockedDown } from '../lockdown/lock.ts';
import type { RecoveryKit } from '../keys/recovery-kit.ts';
import { refuseExistingMember } from '../members/new-member.ts';
import { kitGrants } from './kits.ts';
import { stillCurrent } from './challenges.ts';
import { lockOrganization } from '../keys/serialise.ts';

type Target = RecoveryGrantRequest['target'];

/** The target's new member keys as the row stores them. */
function memberRow(secret: ServerSecret, member: Target['member']) {
  return {
    kdf: JSON.stringify(member.kdf),
    login_hash: secret.keyedHash('login', base64Param(member.loginKey, 32)),
    public_key: base64Param(member.publicKey, 32),
    wrapped_private_key: base64Param(member.wrappedPrivateKey),
  };
}

async function resetAdministrator(trx: Transaction<Database>, row: ReturnType<typeof memberRow>, member: Target['member']): Promise<void> {
  const existing = await trx.selectFrom('members').select(['email', 'role', 'status']).where('id', '=', member.id).executeTakeFirst();
  if (!existing || existing.role !== 'admin' || existing.status !== 'active') throw new HttpError(404, 'not-found');
  if (existing.email !== member.email) throw new HttpError(400, 'bad-request');
  await trx.updateTable('members').set(row).where('id', '=', member.id).execute();
  // Whoever holds the old passphrase, a session or a half-done login keeps nothing.
  await trx.deleteFrom('key_grants').where('member_id', '=', member.id).execute();
  await trx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
  await trx.deleteFrom('challenges').where('member_id', '=', member.id).execute();
}

async function addAdministrator(trx: Transaction<Database>, row: ReturnType<typeof memberRow>, member: Target['member'], now: string): Promise<void> {
  await refuseExistingMember(trx, member);
  await trx
    .insertInto('members')
    .values({ id: member.id, email: member.email, role: 'admin', ...row, created_at: now, status: 'active', invited_by: null })
    .execute();
}

/** Gives the target every key the kit (whose challenge was answered) holds; nothing is stored unless all of it is right. */
export async function grantByTrustees(trx: Transaction<Database>, secret: ServerSecret, kit: RecoveryKit, input: RecoveryGrantRequest): Promise<void> {
  await lockOrganization(trx);
  await stillCurrent(trx, secret, kit);
  if (await isLockedDown(trx)) throw new HttpError(423, 'locked-down');
  const { member, kind } = input.target;
  const row = memberRow(secret, member);
  const held = (await kitGrants(trx, secret, kit.id)).map((g) => g.keyId);
  const grants = exactGrants(held, input.grants);
  const now = new Date().toISOString();
  if (kind === 'existing') await resetAdministrator(trx, row, member);
  else await addAdministrator(trx, row, member, now);
  for (const [keyId, sealed] of grants) await addGrant(trx, secret, { memberId: member.id, memberPublicKey: row.public_key, keyId, sealed }, now);
  await appendAudit(trx, { actor: null, action: 'recovery.used', object: member.id, detail: { kit: kit.id, target: kind, keys: grants.size } });
}
