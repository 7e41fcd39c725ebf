// For the day the server may be seized or a passphrase coerced: the organization is locked down, and
// nothing on this server opens again. Typing the organization's name is the confirmation.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function EmergencyLockdown({ organizationName, onLockedDown }: { organizationName: string; onLockedDown: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(membersWords);

  async function lockDown(event: Event) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget as HTMLFormElement).get('organization-name') ?? '');
    setBusy(true);
    setError(null);
    try {
      await api('/api/lockdown', { organizationName: typed });
      onLockedDown();
    } catch (e) {
      setError(messageOf(e, t('lockdownFailed')));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="lockdown-title" class="emergency">
      <h2 id="lockdown-title">{t('lockdownTitle')}</h2>
      <p>{t('lockdownWhat')}</p>
      <p>{t('lockdownBackups')}</p>
      <form onSubmit={lockDown}>
        <label for="lockdown-name">
          {t('lockdownConfirm')} <strong>{organizationName}</strong>
        </label>
        <input id="lockdown-name" name="organization-name" required autoComplete="off" spellcheck={false} />
        <Feedback error={error} />
        <button type="submit" class="danger" disabled={busy}>
          {busy ? t('lockingDown') : t('lockDown')}
        </button>
      </form>
    </section>
  );
}
