// Requests and responses of trustee recovery (src/server/recovery). Nothing here is a share or a
// key the server could use: the kit's public key, grants sealed to it, and one-time answers.
import * as z from 'zod';
import { b64, memberKeys } from './common.ts';
import { lockdownRequest } from './auth.ts';

const keyId = z.string().regex(/^[0-9a-f]{16}$/);
const grants = z.array(z.object({ keyId, sealed: b64(2048) })).max(1000);
/** What M trustees send to show they met: a challenge from POST /api/recovery/challenge, opened (answerChallenge). Used once. */
const answer = b64(43).min(43);

/** An administrator's browser made the kit: its public key, how it was split, and every key sealed to it. */
export const recoveryKitRequest = z
  .object({
    publicKey: b64(43).min(43),
    threshold: z.number().int().min(2).max(10),
    shares: z.number().int().min(2).max(10),
    grants,
  })
  .refine((r) => r.threshold <= r.shares, { message: 'threshold above shares' });
export type RecoveryKitRequest = z.infer<typeof recoveryKitRequest>;

export const recoveryOpenRequest = z.object({ answer });

/** The administrator the trustees' grants go to: an existing one (new keys, same id and email) or a new one. */
export const recoveryGrantRequest = z.object({
  answer,
  target: z.object({ kind: z.enum(['existing', 'new']), member: memberKeys }),
  grants,
});
export type RecoveryGrantRequest = z.infer<typeof recoveryGrantRequest>;

/** The trustees' lockdown: their answer and, as an administrator's, the organization's name typed exactly as written. */
export const recoveryLockdownRequest = lockdownRequest.extend({ answer });

/** GET /api/recovery (administrators). */
export interface RecoveryStatus {
  kit: { id: string; threshold: number; shares: number; createdAt: string } | null;
}

/** GET /api/recovery/kit (anyone): what the /recover page needs to check shares as they are typed. How it is split is on each share, not told to anyone who asks. */
export interface PublicRecoveryKit {
  id: string;
  publicKey: string;
}

/** POST /api/recovery/challenge (anyone): a one-time value sealed to the kit, to be opened and sent back once. */
export interface RecoveryChallenge {
  challenge: string;
}

/** POST /api/recovery/open: the kit's grants, and who can be given the keys. */
export interface RecoveryOpened {
  grants: { keyId: string; sealed: string }[];
  administrators: { id: string; email: string }[];
}
