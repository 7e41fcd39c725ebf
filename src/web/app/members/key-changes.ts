// The Members page's moves of keys (src/core/key-changes.ts makes them): each starts from the
// freshest team — a member who joined meanwhile must get the new keys too — and from every key
// granted to this administrator since login. If the server refuses, the new keys are dropped.
import { api } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { dropNewKeys, removalRotations, roleChangeRequest, rotateNowRotations, firstKey } from '../../../core/key-changes.ts';
import type { KeyPurpose, KeyRotation } from '../../../core/api/keys.ts';
import type { MembersResponse } from '../../../core/api/members.ts';
import type { Role } from '../../../core/team/roles.ts';

async function freshTeam(vault: Vault): Promise<MembersResponse> {
  await vault.refreshKeys();
  return api<MembersResponse>('/api/members');
}

async function send(vault: Vault, rotations: readonly KeyRotation[], path: string, body: unknown): Promise<KeyPurpose[]> {
  try {
    await api(path, body);
  } catch (e) {
    await dropNewKeys(vault.keyring, rotations);
    throw e;
  }
  if (rotations.length > 0) vault.keysChanged();
  return rotations.map((r) => r.purpose);
}

/** Returns the purposes whose keys were rotated. */
export async function removeMember(vault: Vault, memberId: string): Promise<KeyPurpose[]> {
  const rotations = await removalRotations(await freshTeam(vault), memberId, vault.keyring);
  return send(vault, rotations, `/api/members/${encodeURIComponent(memberId)}/remove`, { rotations });
}

/** Returns the purposes whose keys were rotated (those the member lost). */
export async function changeRole(vault: Vault, memberId: string, role: Role): Promise<KeyPurpose[]> {
  const request = await roleChangeRequest(await freshTeam(vault), memberId, role, vault.keyring);
  return send(vault, request.rotations, `/api/members/${encodeURIComponent(memberId)}/role`, request);
}

export async function rotateNow(vault: Vault): Promise<KeyPurpose[]> {
  const rotations = await rotateNowRotations(await freshTeam(vault), vault.keyring);
  return send(vault, rotations, '/api/keys/rotate', { rotations });
}

/** An older organization's missing records or backup key. */
export async function makeFirstKey(vault: Vault, purpose: KeyPurpose): Promise<void> {
  const rotation = await firstKey(await freshTeam(vault), purpose, vault.keyring);
  await send(vault, [rotation], '/api/keys/first', rotation);
}
