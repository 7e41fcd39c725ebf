// The administrator's switch for the public counts page (/counts): off by default; k is the
// smallest number ever shown (at least 3; cells under it are suppressed, with their complements).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

const COUNTS_PAGE = '/counts';

export function PublicCounts() {
  const [settings, setSettings] = useState<{ enabled: boolean; k: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const t = useWords(membersWords);
  useEffect(() => {
    api<{ enabled: boolean; k: number }>('/api/transparency').then(setSettings, () => setSettings(null));
  }, []);
  if (!settings) return null;

  async function save(next: { enabled: boolean; k: number }) {
    setError(null);
    try {
      await api('/api/transparency', next);
      setSettings(next);
      say(next.enabled ? t('countsOn', { k: next.k }) : t('countsOff'));
    } catch (e) {
      setError(messageOf(e, t('settingFailed')));
    }
  }
  return (
    <section aria-labelledby="public-counts-title">
      <h2 id="public-counts-title">{t('countsTitle')}</h2>
      <p class="hint">
        {t('countsHint')} <a href={COUNTS_PAGE}>{COUNTS_PAGE}</a>
      </p>
      <div class="choice">
        <input type="checkbox" id="public-counts" checked={settings.enabled} onChange={(e) => void save({ ...settings, enabled: e.currentTarget.checked })} />
        <label for="public-counts">{t('publish')}</label>
      </div>
      <label for="public-k">{t('smallest')}</label>
      <input id="public-k" type="number" min={3} max={100} value={settings.k} onChange={(e) => void save({ ...settings, k: Math.max(3, Number(e.currentTarget.value) || 5) })} />
      <Feedback error={error} said={said} />
    </section>
  );
}
