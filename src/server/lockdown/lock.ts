// Emergency lockdown: every session ends and every wrapped private key and grant on the server is
// destroyed, in one transaction, so a seized server and a coerced passphrase open nothing. The
// ciphertexts stay (a backup and the trustees' shares open them on a new server); logins are
// refused from now on (organization.locked_at).
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { appendAudit } from '../audit/log.ts';
import { HttpError } from '../http/errors.ts';
import { lockOrganization } from '../keys/serialise.ts';

export type LockedBy = 'administrator' | 'trustees';

export async function lockDown(trx: Transaction<Database>, by: { actor: string | null; kind: LockedBy }, now = new Date().toISOString()): Promise<void> {
  await lockOrganization(trx);
  await trx.updateTable('organization').set({ locked_at: now }).where('id', '=', 1).execute();
  await trx.deleteFrom('sessions').execute();
  await trx.deleteFrom('challenges').execute();
  await trx.deleteFrom('key_grants').execute();
  await trx.deleteFrom('recovery_grants').execute();
  await trx.updateTable('members').set({ wrapped_private_key: new Uint8Array(0), login_hash: '' }).execute();
  await appendAudit(trx, { actor: by.actor, action: 'organization.locked-down', object: null, detail: { by: by.kind } });
}

export async function isLockedDown(trx: Pick<Transaction<Database>, 'selectFrom'>): Promise<boolean> {
  const row = await trx.selectFrom('organization').select('locked_at').where('id', '=', 1).executeTakeFirst();
  return !!row?.locked_at;
}

/** Lockdown as administrators and trustees ask for it: confirmed by the organization's exact name (400 otherwise, nothing changed). */
export async function lockDownByName(trx: Transaction<Database>, organizationName: string, by: { actor: string | null; kind: LockedBy }): Promise<void> {
  await lockOrganization(trx);
  if (await isLockedDown(trx)) throw new HttpError(423, 'locked-down');
  const org = await trx.selectFrom('organization').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
  if (org.name !== organizationName) throw new HttpError(400, 'not-the-name');
  await lockDown(trx, by);
}
