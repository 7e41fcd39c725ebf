// Login protected per account as well as per client, with device cookies as OWASP describes them
// ("Slow Down Online Guessing Attacks with Device Cookies"). Behind a proxy or an onion service
// every client has one address, so a per-client limit alone lets one stranger lock the whole team
// out. Here failures are counted per account, and a browser a member has logged in from before
// (it holds a signed device cookie for that account) is counted on its own: a flood of strangers
// locks strangers out of the account, never the member's own browser.
//
// The counters are kept in the database (auth/failures.ts), so every server refuses the same
// account. The guard takes the time as an argument, so it is tested without a clock.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VigilContext } from '../context.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError } from '../http/errors.ts';
import { FailureWindows, type FailurePolicy } from './failures.ts';
import type { Database } from '../storage/schema.ts';
import type { Kysely } from 'kysely';

/** Failed login attempts an untrusted client may make on one account, and a device on its own. */
export const LOGIN_POLICY: FailurePolicy = { max: 10, windowMs: 15 * 60_000 };

/** What a valid device cookie says: a random nonce (its own counter) and the member it was issued to. */
export interface Device {
  nonce: string;
  memberId: string;
}

/** One login attempt, as the guard sees it. */
export interface Attempt {
  /** A keyed hash of the address typed, member or not: a lockout must not tell members from strangers. */
  account: string;
  /** The member behind that address, if there is one (and not removed). */
  memberId: string | null;
  device: Device | null;
}

export class LoginGuard {
  readonly accounts: FailureWindows;
  readonly devices: FailureWindows;

  constructor(db: Kysely<Database>, policy: FailurePolicy = LOGIN_POLICY) {
    this.accounts = new FailureWindows(db, 'account', policy);
    this.devices = new FailureWindows(db, 'device', policy);
  }

  /** Whether the attempt comes from a browser this member logged in from before. */
  trusted(attempt: Attempt): boolean {
    return attempt.device !== null && attempt.memberId !== null && attempt.device.memberId === attempt.memberId;
  }

  /** Seconds the attempt must wait; 0 when it may be checked. A trusted device answers for itself only. */
  waitFor(attempt: Attempt, now: number): Promise<number> {
    return this.trusted(attempt) ? this.devices.lockedFor(attempt.device!.nonce, now) : this.accounts.lockedFor(attempt.account, now);
  }

  async failed(attempt: Attempt, now: number): Promise<void> {
    // Any device cookie pays for its failures (on any account), so a stolen one buys few guesses;
    // the account's untrusted count is left alone by its own member's browser.
    if (attempt.device) await this.devices.fail(attempt.device.nonce, now);
    if (!this.trusted(attempt)) await this.accounts.fail(attempt.account, now);
  }
}

/** A 429 with Retry-After while `wait` seconds remain; nothing when none do. */
export function refuseWhileLocked(reply: FastifyReply, wait: number): void {
  if (wait <= 0) return;
  reply.header('retry-after', String(wait));
  throw new HttpError(429, 'rate-limited');
}

export const DEVICE_COOKIE = 'vigil_device';
const DEVICE_DAYS = 90;
const DEVICE_FORMAT = /^([A-Za-z0-9_-]{22})\.([0-9A-Fa-f-]{36})\.([0-9a-f]{64})$/;

/** A new device cookie for this member: nonce, member id and a MAC under the server secret; nothing else. */
export function deviceCookieFor(secret: ServerSecret, memberId: string): string {
  const body = `${randomBytes(16).toString('base64url')}.${memberId}`;
  return `${body}.${secret.keyedHash('device', body)}`;
}

export function readDeviceCookie(secret: ServerSecret, value: string | undefined): Device | null {
  const match = value ? DEVICE_FORMAT.exec(value) : null;
  if (!match) return null;
  const [, nonce, memberId, mac] = match as unknown as [string, string, string, string];
  return secret.equal(mac, secret.keyedHash('device', `${nonce}.${memberId}`)) ? { nonce, memberId } : null;
}

/** The guard as the login routes use it: counters shared by every server through the database. */
export function loginGuard(vigil: VigilContext) {
  const guard = new LoginGuard(vigil.storage.db);
  const deviceOf = (request: FastifyRequest) => readDeviceCookie(vigil.secret, request.cookies[DEVICE_COOKIE]);
  return {
    guard,

    /**
     * For the per-client limit's allowList: a browser holding a device cookie of a member still on
     * the team, not itself locked, is not counted against its (perhaps shared) address.
     */
    async knownDevice(request: FastifyRequest): Promise<boolean> {
      const device = deviceOf(request);
      if (!device || (await guard.devices.lockedFor(device.nonce, Date.now())) > 0) return false;
      const member = await vigil.storage.db.selectFrom('members').select('status').where('id', '=', device.memberId).executeTakeFirst();
      return !!member && member.status !== 'removed';
    },

    attempt(request: FastifyRequest, email: string, member: { id: string; status: string } | undefined): Attempt {
      return {
        account: vigil.secret.keyedHash('login-guard', email).slice(0, 32),
        memberId: member && member.status !== 'removed' ? member.id : null,
        device: deviceOf(request),
      };
    },

    /** A 429 while this attempt's account (or, for a known browser, the browser) is locked. */
    async admit(attempt: Attempt, reply: FastifyReply): Promise<void> {
      refuseWhileLocked(reply, await guard.waitFor(attempt, Date.now()));
    },

    failed(attempt: Attempt): Promise<void> {
      return guard.failed(attempt, Date.now());
    },

    /** After a successful login: this browser is now known for this member (a fresh nonce, a fresh count). */
    remember(reply: FastifyReply, memberId: string): void {
      reply.setCookie(DEVICE_COOKIE, deviceCookieFor(vigil.secret, memberId), {
        // Sent to the login routes only; logging out leaves it, so the browser stays known.
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'strict',
        secure: vigil.config.secureCookies,
        maxAge: DEVICE_DAYS * 86_400,
      });
    },
  };
}
