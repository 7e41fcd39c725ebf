// The steps every way of logging in shares: opening the session once every factor passed, a
// failed attempt counted, and one try at a login challenge's second factor.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { VigilContext } from '../context.ts';
import type { MemberTable } from '../storage/schema.ts';
import type { LoginResponse } from '../../core/api/auth.ts';
import type { Role } from '../../core/team/roles.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError } from '../http/errors.ts';
import { audit } from '../audit/log.ts';
import { grantsHeldBy } from '../keys/org-keys.ts';
import { refuseWhenLockedDown } from '../lockdown/refuse.ts';
import { startSession } from './sessions.ts';
import { claimTry, dropChallenge, endSpentChallenge, findChallenge, mustEnrol } from './second-factor.ts';
import type { Attempt, loginGuard } from './login-guard.ts';

type LoggingIn = Pick<MemberTable, 'id' | 'email' | 'role' | 'public_key' | 'wrapped_private_key'>;
/** Checks a second factor; the factor's name when right, null when wrong. */
export type FactorCheck = (member: Selectable<MemberTable>, webauthnChallenge: string | null) => Promise<string | null>;

export function loginSteps(vigil: VigilContext, guard: ReturnType<typeof loginGuard>) {
  const { db } = vigil.storage;

  /** Passphrase and (if any) second factor passed: open a session and hand over the wrapped keys. */
  async function complete(member: LoggingIn, reply: FastifyReply, factor: string): Promise<LoginResponse> {
    const [org, grants] = await Promise.all([
      db.selectFrom('organization').selectAll().executeTakeFirstOrThrow(),
      grantsHeldBy(db, vigil.secret, { id: member.id, role: member.role as Role }),
    ]);
    await startSession(vigil, reply, member.id);
    guard.remember(reply, member.id);
    await audit(db, { actor: member.id, action: 'login.succeeded', object: member.id, detail: { factor } });
    return {
      member: { id: member.id, email: member.email, role: member.role as Role },
      organization: { name: org.name, publicTitle: org.public_title, languages: JSON.parse(org.languages) },
      keys: { publicKey: toBase64Url(member.public_key), wrappedPrivateKey: toBase64Url(member.wrapped_private_key) },
      grants,
      mustEnrolSecondFactor: await mustEnrol(vigil, member.id),
    };
  }

  async function failed(attempt: Attempt): Promise<never> {
    await guard.failed(attempt);
    // Who tried is recorded only when the address is a member's; a stranger's typing is not kept.
    await audit(db, { actor: null, action: 'login.failed', object: attempt.memberId });
    throw new HttpError(401, 'login-failed');
  }

  /**
   * One try at the second factor of a login challenge: the try is taken before the answer is
   * checked; a wrong answer on the last try ends the challenge; a right one is used once.
   */
  async function secondFactorTry(request: FastifyRequest, reply: FastifyReply, token: string, check: FactorCheck) {
    await refuseWhenLockedDown(db);
    const challenge = await findChallenge(vigil, token, 'login');
    const member = await db.selectFrom('members').selectAll().where('id', '=', challenge.member_id).executeTakeFirstOrThrow();
    const attempt = guard.attempt(request, member.email, member);
    await guard.admit(attempt, reply);
    if (!attempt.memberId) {
      // Removed since the passphrase step.
      await dropChallenge(vigil, token);
      throw new HttpError(401, 'login-failed');
    }
    if (!(await claimTry(vigil, token))) {
      await endSpentChallenge(vigil, token);
      throw new HttpError(401, 'login-failed');
    }
    const factor = await check(member, challenge.webauthn_challenge);
    if (!factor) {
      await endSpentChallenge(vigil, token);
      return failed(attempt);
    }
    if (!(await dropChallenge(vigil, token))) throw new HttpError(401, 'login-failed');
    return complete(member, reply, factor);
  }

  return { complete, failed, secondFactorTry };
}
