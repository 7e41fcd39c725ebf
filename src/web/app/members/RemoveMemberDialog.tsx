// Asked before a member is removed: what removal does to their sessions and keys, and what it cannot undo.
import type { MemberView } from '../../../core/api/members.ts';
import { ConfirmDialog } from '../ui/Dialog.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function RemoveMemberDialog({ member, remaining, busy, onConfirm, onClose }: { member: MemberView; remaining: number; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const t = useWords(membersWords);
  const email = member.email;
  return (
    <ConfirmDialog title={t('removeTitle', { email })} confirmLabel={busy ? t('removing') : t('removeConfirm', { email })} busy={busy} onConfirm={onConfirm} onClose={onClose}>
      <p>{t('removeText', { remaining })}</p>
    </ConfirmDialog>
  );
}
