// Second factors: TOTP codes, passkeys (WebAuthn) and one-time recovery codes. After the
// passphrase's login key checks out, a member with a second factor gets a short-lived challenge
// token instead of a session; the session (and the wrapped keys) come only with the factor.
import { randomBytes, randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { VigilContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { SECOND_FACTOR_TRIES } from '../../core/api/auth.ts';

const CHALLENGE_MINUTES = 5;
export const RECOVERY_CODE_COUNT = 10;

export function totpFor(secret: Uint8Array, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: new Secret({ buffer: new Uint8Array(secret).buffer }) });
}

/** Where passkeys are bound: the public address's host and origin. */
export function relyingParty(vigil: VigilContext) {
  const url = new URL(vigil.config.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

export async function confirmedFactors(db: Kysely<Database>, memberId: string) {
  return db.selectFrom('second_factors').selectAll().where('member_id', '=', memberId).where('confirmed', '=', 1).execute();
}

/**
 * Whether this member must enrol a factor before reaching anything but their own account. Runs on
 * every member request, so the setting comes from the cached organization (no query when off).
 */
export async function mustEnrol(vigil: VigilContext, memberId: string): Promise<boolean> {
  if (!(await vigil.organization())?.requireSecondFactor) return false;
  return (await confirmedFactors(vigil.storage.db, memberId)).length === 0;
}

/** A one-time challenge token between passphrase and second factor (stored hashed). */
export async function newChallenge(vigil: VigilContext, memberId: string, purpose: 'login' | 'register', webauthn: string | null = null): Promise<string> {
  const token = purpose === 'register' ? `register:${memberId}` : randomBytes(24).toString('base64url');
  const hash = vigil.secret.keyedHash('challenge', token);
  await vigil.storage.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('challenges').where('token_hash', '=', hash).execute();
    await trx
      .insertInto('challenges')
      .values({ token_hash: hash, member_id: memberId, purpose, webauthn_challenge: webauthn, expires_at: new Date(Date.now() + CHALLENGE_MINUTES * 60_000).toISOString() })
      .execute();
  });
  return token;
}

export async function findChallenge(vigil: VigilContext, token: string, purpose: 'login' | 'register') {
  const row = await vigil.storage.db.selectFrom('challenges').selectAll().where('token_hash', '=', vigil.secret.keyedHash('challenge', token)).executeTakeFirst();
  if (!row || row.purpose !== purpose || row.expires_at < new Date().toISOString()) throw new HttpError(401, 'login-failed');
  return row;
}

/** Deletes the challenge; true only for the one request that deleted it (a right answer is used once). */
export async function dropChallenge(vigil: VigilContext, token: string): Promise<boolean> {
  const dropped = await vigil.storage.db.deleteFrom('challenges').where('token_hash', '=', vigil.secret.keyedHash('challenge', token)).executeTakeFirst();
  return Number(dropped.numDeletedRows) === 1;
}

/**
 * Takes one of the challenge's tries before its answer is checked, in one conditional UPDATE, so
 * concurrent guesses cannot get more tries than SECOND_FACTOR_TRIES between them.
 */
export async function claimTry(vigil: VigilContext, token: string): Promise<boolean> {
  const claimed = await vigil.storage.db
    .updateTable('challenges')
    .set((eb) => ({ tries: eb('tries', '+', 1) }))
    .where('token_hash', '=', vigil.secret.keyedHash('challenge', token))
    .where('tries', '<', SECOND_FACTOR_TRIES)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** After a wrong answer: a challenge with no tries left is deleted (the member starts again). */
export async function endSpentChallenge(vigil: VigilContext, token: string): Promise<void> {
  await vigil.storage.db.deleteFrom('challenges').where('token_hash', '=', vigil.secret.keyedHash('challenge', token)).where('tries', '>=', SECOND_FACTOR_TRIES).execute();
}

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten fresh recovery codes (replacing any left), shown once; only keyed hashes are kept. */
export async function issueRecoveryCodes(vigil: VigilContext, memberId: string): Promise<string[]> {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await vigil.storage.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((code) => ({ member_id: memberId, code_hash: vigil.secret.keyedHash('recovery', normaliseRecovery(code)) })))
      .execute();
  });
  return codes;
}

/**
 * Takes a TOTP code's time step for this factor if it is later than the last one taken: one
 * conditional UPDATE, so of two requests with the same code only one changes the row and wins.
 */
async function takeStep(db: Kysely<Database>, factorId: string, step: number): Promise<boolean> {
  const taken = await db
    .updateTable('second_factors')
    .set({ totp_last_step: step })
    .where('id', '=', factorId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Checks a TOTP code (each accepted once) or a recovery code (which is then used up). */
export async function checkCode(vigil: VigilContext, memberId: string, email: string, input: { code?: string; recoveryCode?: string }): Promise<'totp' | 'recovery' | null> {
  const { db } = vigil.storage;
  if (input.code && /^\d{6}$/.test(input.code)) {
    const now = Date.now();
    for (const factor of (await confirmedFactors(db, memberId)).filter((f) => f.kind === 'totp')) {
      const totp = totpFor(vigil.secret.decrypt('totp', factor.totp_secret!), email, 'Vigil');
      const delta = totp.validate({ token: input.code, window: 1, timestamp: now });
      if (delta !== null && (await takeStep(db, factor.id, totp.counter({ timestamp: now }) + delta))) return 'totp';
    }
  }
  if (input.recoveryCode) {
    const hash = vigil.secret.keyedHash('recovery', normaliseRecovery(input.recoveryCode));
    const used = await db.deleteFrom('recovery_codes').where('member_id', '=', memberId).where('code_hash', '=', hash).executeTakeFirst();
    if (Number(used.numDeletedRows) === 1) return 'recovery';
  }
  return null;
}

export async function passkeyLoginOptions(vigil: VigilContext, memberId: string, token: string) {
  const passkeys = (await confirmedFactors(vigil.storage.db, memberId)).filter((f) => f.kind === 'passkey');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(vigil).rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credential_id!, ...(p.transports ? { transports: JSON.parse(p.transports) } : {}) })),
    userVerification: 'preferred',
  });
  await vigil.storage.db.updateTable('challenges').set({ webauthn_challenge: options.challenge }).where('token_hash', '=', vigil.secret.keyedHash('challenge', token)).execute();
  return options;
}

export async function verifyPasskeyLogin(vigil: VigilContext, memberId: string, expectedChallenge: string, response: AuthenticationResponseJSON): Promise<boolean> {
  const { db } = vigil.storage;
  const passkey = (await confirmedFactors(db, memberId)).find((f) => f.kind === 'passkey' && f.credential_id === response.id);
  if (!passkey) return false;
  const rp = relyingParty(vigil);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: passkey.credential_id!, publicKey: new Uint8Array(passkey.public_key!), counter: Number(passkey.counter ?? 0) },
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    await db.updateTable('second_factors').set({ counter: result.authenticationInfo.newCounter }).where('id', '=', passkey.id).execute();
    return true;
  } catch {
    return false;
  }
}

export async function passkeyRegistrationOptions(vigil: VigilContext, member: { id: string; email: string }) {
  const { db } = vigil.storage;
  const existing = (await confirmedFactors(db, member.id)).filter((f) => f.kind === 'passkey');
  const org = await db.selectFrom('organization').select('public_title').executeTakeFirstOrThrow();
  const options = await generateRegistrationOptions({
    // The authenticator shows this name: the neutral public title, not what the team does.
    rpName: org.public_title,
    rpID: relyingParty(vigil).rpID,
    userName: member.email,
    userID: new TextEncoder().encode(member.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id! })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await newChallenge(vigil, member.id, 'register', options.challenge);
  return options;
}

export async function verifyPasskeyRegistration(vigil: VigilContext, memberId: string, name: string, response: RegistrationResponseJSON): Promise<boolean> {
  const challenge = await findChallenge(vigil, `register:${memberId}`, 'register');
  const rp = relyingParty(vigil);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.webauthn_challenge ?? '',
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    const { credential } = result.registrationInfo;
    await vigil.storage.db
      .insertInto('second_factors')
      .values({
        id: randomUUID(),
        member_id: memberId,
        kind: 'passkey',
        name,
        created_at: new Date().toISOString(),
        confirmed: 1,
        totp_secret: null,
        credential_id: credential.id,
        public_key: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
      })
      .execute();
    await dropChallenge(vigil, `register:${memberId}`);
    return true;
  } catch {
    return false;
  }
}

