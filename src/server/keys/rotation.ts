// Storing new organization keys made in an administrator's browser (removal, demotion, Rotate now,
// an older organization's first key of a purpose). Each must come with exactly the grants
// src/core/key-holders.ts names for the team as it will be — every member whose role holds the
// key, and the trustees' kit — or nothing is stored: a key someone lacks would lock them out, a
// key someone extra holds would leak.
import type { Transaction } from 'kysely';
import type { KeyPurpose, KeyRotation } from '../../core/api/keys.ts';
import type { Role } from '../../core/team/roles.ts';
import { holdersOf, type Team } from '../../core/key-holders.ts';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError, base64Param as bytes } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, addKey, addRecoveryGrant } from './org-keys.ts';
import { currentRecoveryKit, type RecoveryKit } from './recovery-kit.ts';

export interface TeamRow {
  id: string;
  role: Role;
  status: string;
  public_key: Uint8Array;
}

export type ServerTeam = Team<TeamRow, RecoveryKit>;

/** The active members and the current recovery kit, as this server knows them. */
export async function currentTeam(trx: Transaction<Database>, secret: ServerSecret): Promise<ServerTeam> {
  const [members, kit] = await Promise.all([
    trx.selectFrom('members').select(['id', 'role', 'status', 'public_key']).where('status', '=', 'active').orderBy('created_at').execute(),
    currentRecoveryKit(trx, secret),
  ]);
  return { members: members.map((m) => ({ ...m, role: m.role as Role })), kit: kit ?? null };
}

/** The browser rotated other keys than the server expects: the keys changed since it looked. */
function checkPurposes(rotations: readonly KeyRotation[], purposes: readonly KeyPurpose[]): void {
  const given = rotations.map((r) => r.purpose);
  if (new Set(given).size !== given.length) throw new HttpError(400, 'bad-request');
  if (given.length !== purposes.length || purposes.some((p) => !given.includes(p))) throw new HttpError(409, 'members-changed');
}

/** Grants for exactly the holders; the kit's too, when there is one. */
function checkHolders(rotation: KeyRotation, team: ServerTeam): Map<string, Uint8Array> {
  const holders = holdersOf(team, rotation.purpose);
  const grants = new Map(rotation.grants.map((g) => [g.memberId, bytes(g.sealed)]));
  if (grants.size !== rotation.grants.length || grants.size !== holders.members.length || holders.members.some((m) => !grants.has(m.id))) throw new HttpError(409, 'members-changed');
  if ((rotation.kitGrant?.kitId ?? null) !== (holders.kit?.id ?? null)) throw new HttpError(409, 'members-changed');
  return grants;
}

export interface Rotations {
  actor: string;
  /** The team as it will be after the change the rotations belong to. */
  team: ServerTeam;
  /** The purposes that must get a new key, no more, no fewer. */
  purposes: readonly KeyPurpose[];
  rotations: readonly KeyRotation[];
  /** 'key.created' for an organization's first key of a purpose. */
  action?: 'key.rotated' | 'key.created';
}

/** Stores each new key as its purpose's current one, with its grants; returns the new keys' ids. */
export async function storeRotations(trx: Transaction<Database>, secret: ServerSecret, change: Rotations, now = new Date().toISOString()): Promise<string[]> {
  checkPurposes(change.rotations, change.purposes);
  const { team } = change;
  const keyIds: string[] = [];
  for (const rotation of change.rotations) {
    const grants = checkHolders(rotation, team);
    const keyId = await addKey(trx, secret, { publicKey: bytes(rotation.publicKey, 32), purpose: rotation.purpose }, now);
    for (const m of team.members.filter((m) => grants.has(m.id))) await addGrant(trx, secret, { memberId: m.id, memberPublicKey: m.public_key, keyId, sealed: grants.get(m.id)! }, now);
    if (team.kit && rotation.kitGrant) await addRecoveryGrant(trx, secret, { kitId: team.kit.id, kitPublicKey: team.kit.publicKey, keyId, sealed: bytes(rotation.kitGrant.sealed) }, now);
    // Invitees not yet confirmed get the new key with their confirmation.
    await appendAudit(trx, { actor: change.actor, action: change.action ?? 'key.rotated', object: keyId, detail: { purpose: rotation.purpose, holders: grants.size, kit: !!team.kit } });
    keyIds.push(keyId);
  }
  return keyIds;
}
