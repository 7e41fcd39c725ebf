// Who must hold a key of each purpose: the active members whose role holds it (ROLE_KEYS) and
// the trustees' current recovery kit, if there is one. The server checks every new key's grants
// against this, and the administrator's browser seals to it: one definition, so they cannot drift.
import { KEY_PURPOSES, ROLE_KEYS, type KeyPurpose } from './api/keys.ts';
import { type Role } from './team/roles.ts';

export interface TeamMember {
  id: string;
  role: Role;
  status: string;
}

/** The team as it will be once a change is made (a member removed, a role changed). */
export interface Team<M extends TeamMember, K> {
  members: readonly M[];
  kit: K | null;
}

export interface Holders<M, K> {
  members: M[];
  kit: K | null;
}

/** The purposes a role's keys serve; a member waiting for confirmation holds none yet. */
export const purposesOf = (member: TeamMember): readonly KeyPurpose[] => (member.status === 'active' ? ROLE_KEYS[member.role] : []);

export function holdersOf<M extends TeamMember, K>(team: Team<M, K>, purpose: KeyPurpose): Holders<M, K> {
  return { members: team.members.filter((m) => purposesOf(m).includes(purpose)), kit: team.kit };
}

/** What a role change takes away (its keys are rotated) and gives (its keys are granted). */
export function roleChange(from: Role, to: Role): { lost: KeyPurpose[]; gained: KeyPurpose[] } {
  return {
    lost: ROLE_KEYS[from].filter((p) => !ROLE_KEYS[to].includes(p)),
    gained: ROLE_KEYS[to].filter((p) => !ROLE_KEYS[from].includes(p)),
  };
}

/** The purposes among `wanted` the organization has a current key of, in KEY_PURPOSES order. */
export function existingPurposes(keys: readonly { purpose: KeyPurpose; current: boolean }[], wanted: readonly KeyPurpose[] = KEY_PURPOSES): KeyPurpose[] {
  return KEY_PURPOSES.filter((p) => wanted.includes(p) && keys.some((k) => k.purpose === p && k.current));
}

/** The team after a member leaves. */
export const withoutMember = <M extends TeamMember, K>(team: Team<M, K>, memberId: string): Team<M, K> => ({ ...team, members: team.members.filter((m) => m.id !== memberId) });

/** The team after a member's role changes. */
export const withRole = <M extends TeamMember, K>(team: Team<M, K>, memberId: string, role: Role): Team<M, K> => ({
  ...team,
  members: team.members.map((m) => (m.id === memberId ? { ...m, role } : m)),
});
