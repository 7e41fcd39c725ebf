// The administrator's page: invite, compare safety codes and grant keys, change roles (keys move
// with the role), remove (the keys they held rotate), rotate now, revoke links, end every session,
// lock the organization down.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { InvitationView, MemberView, MembersResponse } from '../../../core/api/schemas.ts';
import type { Vault } from '../vault.ts';
import { PageHeading } from '../PageHeading.tsx';
import { ConfirmDialog } from '../Dialog.tsx';
import { InviteForm } from './InviteForm.tsx';
import { ConfirmMember } from './ConfirmMember.tsx';
import { MemberTable } from './MemberTable.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { EndAllSessions } from './EndAllSessions.tsx';
import { EmergencyLockdown } from './EmergencyLockdown.tsx';
import { RequireSecondFactor } from './RequireSecondFactor.tsx';
import { PublicCounts } from './PublicCounts.tsx';
import { BackupSection } from '../backups/BackupSection.tsx';
import { changeRole as moveRole, removeMember } from './key-changes.ts';
import { keysNamed } from './key-names.ts';
import { RotateNow } from './RotateNow.tsx';
import { MissingKey } from './MissingKey.tsx';
import { ROLE_NAMES, type Role } from './roles.ts';
import { Feedback } from '../Feedback.tsx';

export function MembersPage({ vault, onAllSessionsEnded, onLockedDown }: { vault: Vault; onAllSessionsEnded: () => void; onLockedDown: () => void }) {
  const [data, setData] = useState<MembersResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api<MembersResponse>('/api/members'));
    } catch (e) {
      setError(messageOf(e, 'The members could not be loaded.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<string>, fallback: string) {
    setError(null);
    setBusy(true);
    try {
      say(await action());
    } catch (e) {
      setError(messageOf(e, fallback));
      say('');
    } finally {
      setBusy(false);
      await load();
    }
  }

  const changeRole = (member: MemberView, role: Role) =>
    run(async () => {
      const rotated = await moveRole(vault, member.id, role);
      const now = `${member.email} is now ${ROLE_NAMES[role].toLowerCase()}.`;
      return rotated.length === 0 ? now : `${now} Their grants of ${keysNamed(rotated)} were deleted, and new ones made for the others who hold them.`;
    }, 'The role could not be changed.');

  const revoke = (invitation: InvitationView) =>
    run(async () => {
      await api(`/api/invitations/${encodeURIComponent(invitation.id)}/revoke`, {});
      return 'The invitation link was revoked; it no longer works.';
    }, 'The invitation could not be revoked.');

  async function confirmRemoval() {
    const member = removing!;
    await run(async () => {
      const rotated = await removeMember(vault, member.id);
      const keys = rotated.length === 0 ? '' : ` New keys replace ${keysNamed(rotated)} they held; only the remaining members hold them.`;
      return `${member.email} was removed and their sessions ended.${keys}`;
    }, 'The member could not be removed.');
    setRemoving(null);
  }

  const invited = data?.members.filter((m) => m.status === 'invited') ?? [];
  const remaining = data ? data.members.filter((m) => m.status === 'active' && m.id !== removing?.id).length : 0;
  return (
    <main class="wide-ish">
      <PageHeading>Members</PageHeading>
      <p role="status" class="status">
        {said}
      </p>
      <Feedback error={error} />
      <InviteForm onCreated={load} />
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting for a safety-code check</h2>
        <button type="button" class="small secondary" onClick={() => void load().then(() => say('The list was refreshed.'))}>
          Refresh the list
        </button>
        {invited.length === 0 ? (
          <p>Nobody is waiting. When someone accepts an invitation, compare their safety code here.</p>
        ) : (
          <ul class="cards">
            {invited.map((m) => (
              <ConfirmMember
                key={m.id}
                member={m}
                keyring={vault.keyring}
                onDone={(message) => {
                  say(message);
                  void load();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">Team</h2>
        {data ? <MemberTable members={data.members} myId={vault.me.id} onChangeRole={changeRole} onRemove={setRemoving} /> : <p>Loading…</p>}
      </section>
      <section aria-labelledby="links-title">
        <h2 id="links-title">Unused invitation links</h2>
        {data && <PendingInvitations invitations={data.invitations} onRevoke={revoke} />}
      </section>
      <MissingKey vault={vault} purpose="backup" />
      <BackupSection />
      <RotateNow vault={vault} onRotated={() => void load()} />
      <RequireSecondFactor />
      <PublicCounts />
      <EndAllSessions onEnded={onAllSessionsEnded} />
      <EmergencyLockdown organizationName={vault.login.organization.name} onLockedDown={onLockedDown} />
      {removing && (
        <ConfirmDialog title={`Remove ${removing.email}?`} confirmLabel={busy ? 'Removing…' : `Remove ${removing.email}`} busy={busy} onConfirm={confirmRemoval} onClose={() => setRemoving(null)}>
          <p>
            Their sessions end at once and their locked keys are deleted. This browser makes a new key for every key they
            held and gives each to those of the {remaining} member{remaining === 1 ? '' : 's'} who stay whose role holds it;
            whatever arrives from now on is sealed to the new keys. What they already read stays in their memory, and in
            anything they copied.
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}
