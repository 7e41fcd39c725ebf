// Once the organization is locked down, nothing may open a session or store a new member's keys:
// the login steps and invitation acceptance call this first and answer 423 "locked down".
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { HttpError } from '../http/errors.ts';
import { isLockedDown } from './lock.ts';

/** Given the transaction that then stores keys (invitation acceptance), no lockdown slips in between. */
export async function refuseWhenLockedDown(db: Pick<Kysely<Database>, 'selectFrom'>): Promise<void> {
  if (await isLockedDown(db)) throw new HttpError(423, 'locked-down');
}
