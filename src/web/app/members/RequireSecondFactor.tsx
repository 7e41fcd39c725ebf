// The administrator's switch: require a second factor for everyone.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { Feedback } from '../Feedback.tsx';

export function RequireSecondFactor() {
  const [required, setRequired] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ requireSecondFactor: boolean }>('/api/settings').then((s) => setRequired(s.requireSecondFactor), () => setRequired(null));
  }, []);

  async function change(next: boolean) {
    setError(null);
    try {
      await api('/api/settings', { requireSecondFactor: next });
      setRequired(next);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The setting could not be saved.');
    }
  }

  if (required === null) return null;
  return (
    <section aria-labelledby="require-2fa-title">
      <h2 id="require-2fa-title">Second factor for everyone</h2>
      <div class="choice">
        <input type="checkbox" id="require-2fa" checked={required} onChange={(e) => void change((e.currentTarget as HTMLInputElement).checked)} />
        <label for="require-2fa">Require an authenticator app or passkey for every member</label>
      </div>
      <p class="hint">Members without one can then reach only their own account page until they add one.</p>
      <Feedback error={error} />
    </section>
  );
}
