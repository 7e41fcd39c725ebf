// A member enrolling an authenticator app (a secret, then a code proving it was set up) and
// removing a factor; the first factor also brings recovery codes.
import { randomBytes, randomUUID } from 'node:crypto';
import type { VigilContext } from '../context.ts';
import type { Member } from './sessions.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { issueRecoveryCodes, totpFor } from './second-factor.ts';

/** Recovery codes come with the first factor; later factors keep the ones the member has. */
export async function recoveryCodesIfFirst(vigil: VigilContext, memberId: string): Promise<string[] | null> {
  const left = await vigil.storage.db.selectFrom('recovery_codes').select('code_hash').where('member_id', '=', memberId).executeTakeFirst();
  return left ? null : issueRecoveryCodes(vigil, memberId);
}

/** A new, unconfirmed authenticator secret (replacing one not confirmed), for the app to scan. */
export async function startTotp(vigil: VigilContext, me: Pick<Member, 'id' | 'email'>) {
  const { db } = vigil.storage;
  const secret = randomBytes(20);
  const id = randomUUID();
  await db.deleteFrom('second_factors').where('member_id', '=', me.id).where('kind', '=', 'totp').where('confirmed', '=', 0).execute();
  await db
    .insertInto('second_factors')
    .values({ id, member_id: me.id, kind: 'totp', name: 'Authenticator app', created_at: new Date().toISOString(), confirmed: 0, totp_secret: vigil.secret.encrypt('totp', secret), credential_id: null, public_key: null, counter: null, transports: null })
    .execute();
  const totp = totpFor(secret, me.email, 'Vigil');
  return { id, secret: totp.secret.base32, uri: totp.toString() };
}

/** The authenticator's first code confirms it. */
export async function confirmTotp(vigil: VigilContext, me: Pick<Member, 'id' | 'email'>, id: string, code: string): Promise<void> {
  const { db } = vigil.storage;
  const factor = await db.selectFrom('second_factors').selectAll().where('id', '=', id).where('member_id', '=', me.id).where('confirmed', '=', 0).executeTakeFirst();
  if (!factor?.totp_secret) throw new HttpError(404, 'not-found');
  const totp = totpFor(vigil.secret.decrypt('totp', factor.totp_secret), me.email, 'Vigil');
  const now = Date.now();
  const delta = totp.validate({ token: code, window: 1, timestamp: now });
  if (delta === null) throw new HttpError(400, 'wrong-code');
  await db.transaction().execute(async (trx) => {
    // The code typed to enrol is used up too: it cannot open a login as well.
    await trx.updateTable('second_factors').set({ confirmed: 1, totp_last_step: totp.counter({ timestamp: now }) + delta }).where('id', '=', factor.id).execute();
    await appendAudit(trx, { actor: me.id, action: 'second-factor.enrolled', object: me.id, detail: { kind: 'totp' } });
  });
}

/** Removes one of the member's factors; the last one only if the organization does not require one. */
export async function removeFactor(vigil: VigilContext, memberId: string, id: string): Promise<void> {
  await vigil.storage.db.transaction().execute(async (trx) => {
    const factors = await trx.selectFrom('second_factors').select(['id', 'kind']).where('member_id', '=', memberId).where('confirmed', '=', 1).execute();
    const factor = factors.find((f) => f.id === id);
    if (!factor) throw new HttpError(404, 'not-found');
    const org = await trx.selectFrom('organization').select('require_second_factor').executeTakeFirstOrThrow();
    if (org.require_second_factor && factors.length === 1) throw new HttpError(409, 'second-factor-required');
    await trx.deleteFrom('second_factors').where('id', '=', id).execute();
    if (factors.length === 1) await trx.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
    await appendAudit(trx, { actor: memberId, action: 'second-factor.removed', object: memberId, detail: { kind: factor.kind } });
  });
}
