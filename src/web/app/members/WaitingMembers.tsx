// Invitees who accepted and wait for an administrator to compare their safety code.
import type { MemberView } from '../../../core/api/members.ts';
import type { Keyring } from '../../../core/keyring.ts';
import { ConfirmMember } from './ConfirmMember.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function WaitingMembers({ invited, keyring, onRefresh, onDone }: { invited: MemberView[]; keyring: Keyring; onRefresh: () => void; onDone: (message: string) => void }) {
  const t = useWords(membersWords);
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waitingTitle')}</h2>
      <button type="button" class="small secondary" onClick={onRefresh}>
        {t('refresh')}
      </button>
      {invited.length === 0 ? (
        <p>{t('nobodyWaiting')}</p>
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
