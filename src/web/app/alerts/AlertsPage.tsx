// Alerts to the community: compose, preview, publish; the published alerts with their delivery
// logs; webhooks (administrators). Subscribers' addresses are opened here, in this browser, only
// to send them with "publish" or "retry" (or to show them in a log on request).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { Feedback } from '../Feedback.tsx';
import type { Vault } from '../vault.ts';
import type { OpenedSubscribers } from '../../../core/alerts/recipients.ts';
import { openedSubscribers } from './subscribers.ts';
import { LANGUAGES, type Language } from '../../../core/report/answers.ts';
import type { AlertsResponse, AlertTexts, AlertView } from '../../../core/alerts/schemas.ts';
import { Composer } from './Composer.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { Webhooks } from './Webhooks.tsx';


const hour = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const firstTitle = (texts: AlertTexts) => texts[LANGUAGES.find((l) => texts[l])!]!.title;

export function AlertsPage({ vault }: { vault: Vault }) {
  const canPublish = vault.me.role === 'coordinator' || vault.me.role === 'admin';
  const [data, setData] = useState<AlertsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const languages = LANGUAGES.filter((l) => vault.login.organization.languages.includes(l));

  const reload = () =>
    api<AlertsResponse>('/api/alerts').then(
      (d) => setData(d),
      (e) => setError(messageOf(e, 'The alerts could not be loaded.')),
    );
  useEffect(() => {
    if (canPublish) void reload();
  }, []);

  if (!canPublish) {
    return (
      <main>
        <PageHeading>Alerts</PageHeading>
        <p>Coordinators and administrators publish alerts. Published alerts are on the public page <a href="/alerts">/alerts</a>.</p>
      </main>
    );
  }

  async function publish(texts: AlertTexts) {
    let opened: OpenedSubscribers = { recipients: [], unopened: 0, addressOf: new Map() };
    if (data?.email && data.subscribers.confirmed > 0) opened = await openedSubscribers(vault);
    try {
      const result = await api<{ id: string; webhooks: number; emails: number }>('/api/alerts', { texts, recipients: opened.recipients });
      say(
        `Published. Sending to ${result.emails} subscriber${result.emails === 1 ? '' : 's'} and ${result.webhooks} webhook${result.webhooks === 1 ? '' : 's'}.` +
          (opened.unopened ? ` ${opened.unopened} subscriber(s) could not be opened with your keys and are not sent to.` : ''),
      );
      await reload();
    } catch (e) {
      throw new Error(messageOf(e, 'The alert could not be published.'));
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>Alerts</PageHeading>
      <p class="hint">
        Published alerts appear on the public page <a href="/alerts">/alerts</a> and its <a href="/alerts.atom">Atom feed</a>, go to every webhook, and to email subscribers.
      </p>
      {data && (
        <p>
          {data.email ? (
            <>
              Email subscribers: <strong>{data.subscribers.confirmed}</strong> confirmed, {data.subscribers.waiting} waiting to confirm.
            </>
          ) : (
            'Email alerts are off: the server has no SMTP settings (see README).'
          )}
        </p>
      )}
      <Feedback error={error} said={said} />
      <section aria-labelledby="compose-title">
        <h2 id="compose-title">Write an alert</h2>
        <Composer idPrefix="new" languages={languages} submitLabel="Publish now" onSubmit={publish} />
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">Published</h2>
        {data && data.alerts.length === 0 && <p>Nothing published yet.</p>}
        <ul class="cards">
          {data?.alerts.map((a) => (
            <PublishedAlert key={a.id} vault={vault} alert={a} languages={languages} onChange={reload} />
          ))}
        </ul>
      </section>
      {vault.isAdmin && <Webhooks />}
    </main>
  );
}

function PublishedAlert({ vault, alert, languages, onChange }: { vault: Vault; alert: AlertView; languages: Language[]; onChange: () => Promise<void> }) {
  const [mode, setMode] = useState<'none' | 'log' | 'correct' | 'withdraw'>('none');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const title = firstTitle(alert.texts);

  async function withdraw() {
    setError(null);
    try {
      await api(`/api/alerts/${alert.id}/withdraw`, {});
      say('Withdrawn: it is no longer on the public page or in the feed.');
      setMode('none');
      await onChange();
    } catch (e) {
      setError(messageOf(e, 'It could not be withdrawn.'));
    }
  }

  async function retry() {
    setError(null);
    try {
      const opened = alert.deliveries.failed > 0 ? await openedSubscribers(vault) : { recipients: [] };
      const result = await api<{ webhooks: number; emails: number }>(`/api/alerts/${alert.id}/retry`, { recipients: opened.recipients });
      say(`Sending again: ${result.emails} email(s), ${result.webhooks} webhook(s).`);
      await onChange();
    } catch (e) {
      setError(messageOf(e, 'The deliveries could not be retried.'));
    }
  }

  return (
    <li class="card">
      <h3>{title}</h3>
      <p class="hint">
        {alert.status === 'withdrawn' ? 'Withdrawn' : 'Published'} {hour(alert.publishedAt)} UTC
        {alert.correctedAt && ` · corrected ${hour(alert.correctedAt)} UTC`} · {LANGUAGES.filter((l) => alert.texts[l]).join(', ')} · deliveries: {alert.deliveries.sent} sent, {alert.deliveries.pending} pending, {alert.deliveries.failed} failed
        {alert.status === 'published' && (
          <>
            {' '}
            · <a href={`/alerts/${alert.id}`}>public page</a>
          </>
        )}
      </p>
      <div class="actions">
        <button type="button" class="secondary small" aria-expanded={mode === 'log'} onClick={() => setMode(mode === 'log' ? 'none' : 'log')}>
          Delivery log
        </button>
        {alert.status === 'published' && (
          <>
            <button type="button" class="secondary small" onClick={() => setMode('correct')}>
              Correct
            </button>
            {alert.deliveries.failed > 0 && (
              <button type="button" class="secondary small" onClick={() => void retry()}>
                Retry failed deliveries
              </button>
            )}
            <button type="button" class="secondary danger small" onClick={() => setMode('withdraw')}>
              Withdraw
            </button>
          </>
        )}
      </div>
      <Feedback error={error} said={said} />
      {mode === 'withdraw' && (
        <div role="group" aria-label="Withdraw this alert">
          <p>Withdraw “{title}”? It leaves the public page and the feed. Emails and webhook messages already sent cannot be recalled.</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void withdraw()}>
              Withdraw it
            </button>
            <button type="button" class="secondary" onClick={() => setMode('none')}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {mode === 'correct' && (
        <Composer
          idPrefix={`correct-${alert.id.slice(0, 8)}`}
          languages={languages}
          initial={alert.texts}
          submitLabel="Save the correction"
          onCancel={() => setMode('none')}
          onSubmit={async (texts) => {
            try {
              await api(`/api/alerts/${alert.id}/correct`, { texts });
            } catch (e) {
              throw new Error(messageOf(e, 'The correction could not be saved.'));
            }
            say('Corrected on the public page and in the feed (emails and webhooks already sent are not sent again).');
            setMode('none');
            await onChange();
          }}
        />
      )}
      {mode === 'log' && <DeliveryLog vault={vault} alertId={alert.id} />}
    </li>
  );
}
