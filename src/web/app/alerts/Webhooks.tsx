// Administrators register webhooks (bridges to Telegram, Signal, Matrix…). The signing secret is
// shown once, right after adding; the server keeps it encrypted and never shows it again.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { WebhookView } from '../../../core/api/alerts.ts';
import { Linked } from '../ui/Linked.tsx';
import { useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { alertsWords } from './words.ts';

const EXAMPLE_ADDRESS = 'https://bridge.example.org/vigil';

export function Webhooks() {
  const t = useWords(alertsWords);
  const common = useWords(commonWords);
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
      say(t('webhookAdded'));
      await load();
    } catch (e) {
      setError(messageOf(e, t('webhookNotAdded')));
    }
  }

  async function remove(hook: WebhookView) {
    setError(null);
    try {
      await api(`/api/webhooks/${hook.id}/remove`, {});
      say(t('webhookRemoved', { url: hook.url }));
      await load();
    } catch (e) {
      setError(messageOf(e, t('webhookNotRemoved')));
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('webhooksHeading')}</h2>
      <p class="hint">{t('webhooksHint')}</p>
      <ul>
        {hooks.map((h) => (
          <li key={h.id}>
            <code>{h.url}</code>{' '}
            <button type="button" class="secondary danger small" onClick={() => void remove(h)} aria-label={t('removeWebhook', { url: h.url })}>
              {common('remove')}
            </button>
          </li>
        ))}
      </ul>
      {hooks.length === 0 && <p>{t('noWebhooks')}</p>}
      <form class="inline-form" onSubmit={add}>
        <label for="webhook-url" class="visually-hidden">
          {t('webhookAddress')}
        </label>
        <input id="webhook-url" type="url" placeholder={EXAMPLE_ADDRESS} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit">{t('addWebhook')}</button>
      </form>
      {secret && (
        <div class="notice" role="group" aria-label={t('newSecret')}>
          <p>
            <Linked t={t} message="secretFor" parts={{ url: <code>{secret.url}</code> }} />
          </p>
          <p>
            <code data-webhook-secret>{secret.secret}</code>
          </p>
          <button type="button" class="secondary small" onClick={() => setSecret(null)}>
            {t('copied')}
          </button>
        </div>
      )}
      <Feedback error={error} said={said} />
    </section>
  );
}
