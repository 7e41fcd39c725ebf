// Asked before a member is removed: what removal does to their sessions and keys, and what it cannot undo.
import type { MemberView } from '../../../core/api/schemas.ts';
import { ConfirmDialog } from '../Dialog.tsx';

export function RemoveMemberDialog({ member, remaining, busy, onConfirm, onClose }: { member: MemberView; remaining: number; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <ConfirmDialog title={`Remove ${member.email}?`} confirmLabel={busy ? 'Removing…' : `Remove ${member.email}`} busy={busy} onConfirm={onConfirm} onClose={onClose}>
      <p>
        Their sessions end at once and their locked keys are deleted. This browser makes a new key for every key they held
        and gives each to those of the {remaining} member{remaining === 1 ? '' : 's'} who stay whose role holds it; whatever
        arrives from now on is sealed to the new keys. What they already read stays in their memory, and in anything they
        copied.
      </p>
    </ConfirmDialog>
  );
}
