// The administrator's switch: require a second factor for everyone.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function RequireSecondFactor() {
  const [required, setRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useWords(membersWords);
  useEffect(() => {
    api<{ requireSecondFactor: boolean }>('/api/settings').then((s) => setRequired(s.requireSecondFactor), () => setRequired(null));
  }, []);

  async function change(next: boolean) {
    setError(null);
    try {
      await api('/api/settings', { requireSecondFactor: next });
      setRequired(next);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('settingFailed'));
    }
  }

  if (required === null) return null;
  return (
    <section aria-labelledby="require-2fa-title">
      <h2 id="require-2fa-title">{t('require2faTitle')}</h2>
      <div class="choice">
        <input type="checkbox" id="require-2fa" checked={required} onChange={(e) => void change((e.currentTarget as HTMLInputElement).checked)} />
        <label for="require-2fa">{t('require2fa')}</label>
      </div>
      <p class="hint">{t('require2faHint')}</p>
      <Feedback error={error} />
    </section>
  );
}
