// The Members page's actions, each returning what the page then says about it.
import { api } from '../api.ts';
import type { InvitationView, MemberView } from '../../../core/api/schemas.ts';
import type { Vault } from '../vault.ts';
import { changeRole, removeMember } from './key-changes.ts';
import { keysNamed } from './key-names.ts';
import { ROLE_NAMES, type Role } from './roles.ts';

export async function changeRoleSaying(vault: Vault, member: MemberView, role: Role): Promise<string> {
  const rotated = await changeRole(vault, member.id, role);
  const now = `${member.email} is now ${ROLE_NAMES[role].toLowerCase()}.`;
  return rotated.length === 0 ? now : `${now} Their grants of ${keysNamed(rotated)} were deleted, and new ones made for the others who hold them.`;
}

export async function removeSaying(vault: Vault, member: MemberView): Promise<string> {
  const rotated = await removeMember(vault, member.id);
  const keys = rotated.length === 0 ? '' : ` New keys replace ${keysNamed(rotated)} they held; only the remaining members hold them.`;
  return `${member.email} was removed and their sessions ended.${keys}`;
}

export async function revokeSaying(invitation: InvitationView): Promise<string> {
  await api(`/api/invitations/${encodeURIComponent(invitation.id)}/revoke`, {});
  return 'The invitation link was revoked; it no longer works.';
}
