// The Members page's actions, each returning what the page then says about it (in the member's language).
import { api } from '../session/api.ts';
import type { InvitationView, MemberView } from '../../../core/api/members.ts';
import { translator } from '../../../core/i18n/message.ts';
import type { Vault } from '../session/vault.ts';
import { currentLanguage } from '../i18n/language.ts';
import { changeRole, removeMember } from './key-changes.ts';
import { keysNamed } from './key-names.ts';
import type { Role } from './roles.ts';
import { membersWords } from './words.ts';

const words = () => translator(membersWords, currentLanguage());

export async function changeRoleSaying(vault: Vault, member: MemberView, role: Role): Promise<string> {
  const rotated = await changeRole(vault, member.id, role);
  const t = words();
  const now = t('nowRole', { email: member.email, role });
  return rotated.length === 0 ? now : `${now} ${t('grantsReplaced', { keys: keysNamed(rotated) })}`;
}

export async function removeSaying(vault: Vault, member: MemberView): Promise<string> {
  const rotated = await removeMember(vault, member.id);
  const t = words();
  const removed = t('removedMember', { email: member.email });
  return rotated.length === 0 ? removed : `${removed} ${t('keysReplaced', { keys: keysNamed(rotated) })}`;
}

export async function revokeSaying(invitation: InvitationView): Promise<string> {
  await api(`/api/invitations/${encodeURIComponent(invitation.id)}/revoke`, {});
  return words()('revoked');
}
