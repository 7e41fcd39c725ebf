// The administrator's page: invite, compare safety codes and grant keys, change roles (keys move
// with the role), remove (the keys they held rotate), rotate now, revoke links, end every session,
// lock the organization down.
import { useState } from 'preact/hooks';
import type { MemberView } from '../../../core/api/members.ts';
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { BackupSection } from '../backups/BackupSection.tsx';
import { InviteForm } from './InviteForm.tsx';
import { WaitingMembers } from './WaitingMembers.tsx';
import { MemberTable } from './MemberTable.tsx';
import { RemoveMemberDialog } from './RemoveMemberDialog.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { EndAllSessions } from './EndAllSessions.tsx';
import { EmergencyLockdown } from './EmergencyLockdown.tsx';
import { RequireSecondFactor } from './RequireSecondFactor.tsx';
import { PublicCounts } from './PublicCounts.tsx';
import { RotateNow } from './RotateNow.tsx';
import { MissingKey } from './MissingKey.tsx';
import { changeRoleSaying, removeSaying, revokeSaying } from './actions.ts';
import { useMembers } from './use-members.ts';
import { commonWords } from '../i18n/common-words.ts';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function MembersPage({ vault, onAllSessionsEnded, onLockedDown }: { vault: Vault; onAllSessionsEnded: () => void; onLockedDown: () => void }) {
  const { data, error, said, say, busy, load, run } = useMembers();
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const t = useWords(membersWords);
  const common = useWords(commonWords);

  async function confirmRemoval() {
    await run(() => removeSaying(vault, removing!), t('removeFailed'));
    setRemoving(null);
  }

  const invited = data?.members.filter((m) => m.status === 'invited') ?? [];
  const remaining = data ? data.members.filter((m) => m.status === 'active' && m.id !== removing?.id).length : 0;
  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p role="status" class="status">
        {said}
      </p>
      <Feedback error={error} />
      <InviteForm onCreated={load} />
      <WaitingMembers
        invited={invited}
        keyring={vault.keyring}
        onRefresh={() => void load().then(() => say(t('refreshed')))}
        onDone={(message) => {
          say(message);
          void load();
        }}
      />
      <section aria-labelledby="team-title">
        <h2 id="team-title">{t('teamTitle')}</h2>
        {data ? (
          <MemberTable members={data.members} myId={vault.me.id} onChangeRole={(m, role) => run(() => changeRoleSaying(vault, m, role), t('roleFailed'))} onRemove={setRemoving} />
        ) : (
          <p>{common('loading')}</p>
        )}
      </section>
      <section aria-labelledby="links-title">
        <h2 id="links-title">{t('linksTitle')}</h2>
        {data && <PendingInvitations invitations={data.invitations} onRevoke={(i) => run(() => revokeSaying(i), t('revokeFailed'))} />}
      </section>
      <MissingKey vault={vault} purpose="backup" />
      <BackupSection />
      <RotateNow vault={vault} onRotated={() => void load()} />
      <RequireSecondFactor />
      <PublicCounts />
      <EndAllSessions onEnded={onAllSessionsEnded} />
      <EmergencyLockdown organizationName={vault.login.organization.name} onLockedDown={onLockedDown} />
      {removing && <RemoveMemberDialog member={removing} remaining={remaining} busy={busy} onConfirm={confirmRemoval} onClose={() => setRemoving(null)} />}
    </main>
  );
}
