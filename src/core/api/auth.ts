// Setup, login, lockdown, a member's passphrase and sessions: their request and response shapes,
// checked by the server at the edge and typed in the workspace.
import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { isTimeZone } from '../i18n/format.ts';
import type { Role } from '../team/roles.ts';
import { b64, email, kdfParams, memberKeys, text } from './common.ts';

export const setupRequest = z.object({
  token: z.string().min(16).max(128),
  organization: z.object({
    name: text(1, 200),
    publicTitle: text(1, 100),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length),
    /** The setup browser's zone (IANA); without it (the CLI), UTC. */
    timeZone: z.string().refine(isTimeZone).optional(),
  }),
  admin: memberKeys,
  intakeKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
  recordsKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
  backupKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const kdfRequest = z.object({ email });
export const loginRequest = z.object({ email, loginKey: b64(64) });
/** Emergency lockdown: the organization's name, typed exactly as it is written (not trimmed). */
export const lockdownRequest = z.object({ organizationName: z.string().min(1).max(200) });
/** Tries at the second factor one login challenge allows; then the passphrase again. */
export const SECOND_FACTOR_TRIES = 3;

export interface LoginResponse {
  member: { id: string; email: string; role: Role };
  organization: { name: string; publicTitle: string; languages: string[] };
  keys: { publicKey: string; wrappedPrivateKey: string };
  grants: { keyId: string; sealed: string }[];
  /** The organization requires a second factor and this member has none yet. */
  mustEnrolSecondFactor?: boolean;
}

export const passphraseRequest = z.object({
  currentLoginKey: b64(64),
  kdf: kdfParams,
  loginKey: b64(64),
  wrappedPrivateKey: b64(256),
});

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}
