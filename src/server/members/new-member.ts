// A new member (an accepted invitation, or an administrator the trustees make) takes an address
// and an id no member has yet.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { HttpError } from '../http/errors.ts';

/** 409 already-member when the email or the id is taken. */
export async function refuseExistingMember(trx: Transaction<Database>, member: { id: string; email: string }): Promise<void> {
  const existing = await trx.selectFrom('members').select('id').where((eb) => eb.or([eb('email', '=', member.email), eb('id', '=', member.id)])).executeTakeFirst();
  if (existing) throw new HttpError(409, 'already-member');
}
