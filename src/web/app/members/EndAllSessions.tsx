// For the day a member is arrested: every session of every member ends at once, this one too.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { ConfirmDialog } from '../ui/Dialog.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function EndAllSessions({ onEnded }: { onEnded: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(membersWords);

  async function endAll() {
    setBusy(true);
    try {
      await api('/api/sessions/end-all', {});
      onEnded();
    } catch (e) {
      setError(messageOf(e, t('endFailed')));
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <section aria-labelledby="emergency-title" class="emergency">
      <h2 id="emergency-title">{t('emergencyTitle')}</h2>
      <p>{t('emergencyText')}</p>
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        {t('endEvery')}
      </button>
      <Feedback error={error} />
      {asking && (
        <ConfirmDialog title={t('endEveryQuestion')} confirmLabel={t('endEveryConfirm')} busy={busy} onConfirm={endAll} onClose={() => setAsking(false)}>
          <p>{t('endEveryWarning')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
