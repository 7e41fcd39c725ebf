// The administrator's switch for the public counts page (/counts): off by default; k is the
// smallest number ever shown (at least 3; cells under it are suppressed, with their complements).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { Feedback } from '../Feedback.tsx';

export function PublicCounts() {
  const [settings, setSettings] = useState<{ enabled: boolean; k: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  useEffect(() => {
    api<{ enabled: boolean; k: number }>('/api/transparency').then(setSettings, () => setSettings(null));
  }, []);
  if (!settings) return null;

  async function save(next: { enabled: boolean; k: number }) {
    setError(null);
    try {
      await api('/api/transparency', next);
      setSettings(next);
      say(next.enabled ? `The public counts page is on; numbers under ${next.k} are never shown.` : 'The public counts page is off.');
    } catch (e) {
      setError(messageOf(e, 'The setting could not be saved.'));
    }
  }
  return (
    <section aria-labelledby="public-counts-title">
      <h2 id="public-counts-title">Public counts</h2>
      <p class="hint">
        A page anyone can read, <a href="/counts">/counts</a> (also as JSON and an Atom feed): acts by week, type, place and custody status, counting only people who agreed to public use.
      </p>
      <div class="choice">
        <input type="checkbox" id="public-counts" checked={settings.enabled} onChange={(e) => void save({ ...settings, enabled: e.currentTarget.checked })} />
        <label for="public-counts">Publish the counts</label>
      </div>
      <label for="public-k">Smallest number shown (k, at least 3)</label>
      <input id="public-k" type="number" min={3} max={100} value={settings.k} onChange={(e) => void save({ ...settings, k: Math.max(3, Number(e.currentTarget.value) || 5) })} />
      <Feedback error={error} said={said} />
    </section>
  );
}
