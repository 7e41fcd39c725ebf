// Invitees who accepted and wait for an administrator to compare their safety code.
import type { MemberView } from '../../../core/api/schemas.ts';
import type { Keyring } from '../../../core/keyring.ts';
import { ConfirmMember } from './ConfirmMember.tsx';

export function WaitingMembers({ invited, keyring, onRefresh, onDone }: { invited: MemberView[]; keyring: Keyring; onRefresh: () => void; onDone: (message: string) => void }) {
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting for a safety-code check</h2>
      <button type="button" class="small secondary" onClick={onRefresh}>
        Refresh the list
      </button>
      {invited.length === 0 ? (
        <p>Nobody is waiting. When someone accepts an invitation, compare their safety code here.</p>
      ) : (
        <ul class="cards">
          {invited.map((m) => (
            <ConfirmMember key={m.id} member={m} keyring={keyring} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}
