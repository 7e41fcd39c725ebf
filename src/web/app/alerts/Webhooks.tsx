// Administrators register webhooks (bridges to Telegram, Signal, Matrix…). The signing secret is
// shown once, right after adding; the server keeps it encrypted and never shows it again.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { Feedback } from '../Feedback.tsx';
import type { WebhookView } from '../../../core/alerts/schemas.ts';

export function Webhooks() {
  const [hooks, setHooks] = useState<WebhookView[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const load = () => api<{ webhooks: WebhookView[] }>('/api/webhooks').then((r) => setHooks(r.webhooks), () => undefined);
  useEffect(() => {
    void load();
  }, []);

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<{ url: string; secret: string }>('/api/webhooks', { url: url.trim() });
      setSecret(created);
      setUrl('');
      say('Webhook added.');
      await load();
    } catch (e) {
      setError(messageOf(e, 'The webhook could not be added.'));
    }
  }

  async function remove(hook: WebhookView) {
    setError(null);
    try {
      await api(`/api/webhooks/${hook.id}/remove`, {});
      say(`Webhook ${hook.url} removed.`);
      await load();
    } catch (e) {
      setError(messageOf(e, 'The webhook could not be removed.'));
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p class="hint">Each published alert is sent as signed JSON to every webhook (README: how to check the signature). Failed calls are retried with growing waits.</p>
      <ul>
        {hooks.map((h) => (
          <li key={h.id}>
            <code>{h.url}</code>{' '}
            <button type="button" class="secondary danger small" onClick={() => void remove(h)} aria-label={`Remove webhook ${h.url}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {hooks.length === 0 && <p>No webhooks.</p>}
      <form class="inline-form" onSubmit={add}>
        <label for="webhook-url" class="visually-hidden">
          Webhook address
        </label>
        <input id="webhook-url" type="url" placeholder="https://bridge.example.org/vigil" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit">Add webhook</button>
      </form>
      {secret && (
        <div class="notice" role="group" aria-label="New webhook secret">
          <p>
            Signing secret for <code>{secret.url}</code> — copy it into the bridge now; it is not shown again:
          </p>
          <p>
            <code data-webhook-secret>{secret.secret}</code>
          </p>
          <button type="button" class="secondary small" onClick={() => setSecret(null)}>
            I have copied it
          </button>
        </div>
      )}
      <Feedback error={error} said={said} />
    </section>
  );
}
