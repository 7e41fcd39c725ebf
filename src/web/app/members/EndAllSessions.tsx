// For the day a member is arrested: every session of every member ends at once, this one too.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { ConfirmDialog } from '../Dialog.tsx';
import { Feedback } from '../Feedback.tsx';

export function EndAllSessions({ onEnded }: { onEnded: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function endAll() {
    setBusy(true);
    try {
      await api('/api/sessions/end-all', {});
      onEnded();
    } catch (e) {
      setError(messageOf(e, 'The sessions could not be ended.'));
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <section aria-labelledby="emergency-title" class="emergency">
      <h2 id="emergency-title">Emergency</h2>
      <p>
        If a member's device may be in someone else's hands (arrest, theft, a border), end every session now. Everyone,
        you included, must log in again with their passphrase. Then remove that member.
      </p>
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        End every session now
      </button>
      <Feedback error={error} />
      {asking && (
        <ConfirmDialog title="End every session?" confirmLabel="End every session" busy={busy} onConfirm={endAll} onClose={() => setAsking(false)}>
          <p>Every member is logged out at once, you too. Unsaved notes and replies are lost.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
