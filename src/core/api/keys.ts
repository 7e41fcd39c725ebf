// The organization's keys by purpose, who holds which, and how a new key reaches its holders.
import * as z from 'zod';
import type { Role } from '../team/roles.ts';
import { b64, keyId } from './common.ts';

/**
 * 'intake': reports are sealed to it. 'records': each record's key is sealed to it (identities,
 * narratives). 'backup': backup files are sealed to it (`vigil backup` needs only its public half).
 */
export const KEY_PURPOSES = ['intake', 'records', 'backup'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** What a member's keys unlock, by role. A role not listed for a key never receives it. */
export const ROLE_KEYS: Record<Role, readonly KeyPurpose[]> = {
  admin: ['intake', 'records', 'backup'],
  coordinator: ['intake', 'records'],
  documenter: ['intake', 'records'],
  viewer: ['intake'],
};

/** The organization's public keys, for sealing (GET /api/keys). */
export interface OrgKeyView {
  keyId: string;
  publicKey: string;
  purpose: KeyPurpose;
  current: boolean;
}

export const grantsRequest = z.object({ grants: z.array(z.object({ keyId, sealed: b64(2048) })).max(1000) });
/**
 * A new key of one purpose, made in an administrator's browser and sealed to every holder
 * (src/core/key-holders.ts): the members whose role holds it and the trustees' recovery kit.
 */
export const keyRotation = z.object({
  purpose: z.enum(KEY_PURPOSES),
  publicKey: b64(64),
  grants: z.array(z.object({ memberId: z.uuid(), sealed: b64(2048) })).max(1000),
  /** Present exactly when the organization has a recovery kit. */
  kitGrant: z.object({ kitId: keyId, sealed: b64(2048) }).optional(),
});
export type KeyRotation = z.infer<typeof keyRotation>;
/** One rotation per purpose the server expects (removal, demotion, Rotate now). */
export const rotationsRequest = z.object({ rotations: z.array(keyRotation).max(KEY_PURPOSES.length) });
