// Alerts to the community: compose, preview, publish; the published alerts with their delivery
// logs; webhooks (administrators). Subscribers' addresses are opened here, in this browser, only
// to send them with "publish" or "retry" (or to show them in a log on request).
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import type { OpenedSubscribers } from '../../../core/alerts/recipients.ts';
import { openedSubscribers } from './subscribers.ts';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import type { AlertTexts } from '../../../core/alerts/schemas.ts';
import type { AlertsResponse, AlertView } from '../../../core/api/alerts.ts';
import { Composer } from './Composer.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { Webhooks } from './Webhooks.tsx';
import { LANGUAGE_NAMES } from '../i18n/LanguageSelect.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { alertsWords } from './words.ts';
import { Linked, marker } from './Linked.tsx';

const PUBLIC_PAGE = '/alerts';
const firstTitle = (texts: AlertTexts) => texts[LANGUAGES.find((l) => texts[l])!]!.title;

export function AlertsPage({ vault }: { vault: Vault }) {
  const t = useWords(alertsWords);
  const canPublish = vault.me.role === 'coordinator' || vault.me.role === 'admin';
  const [data, setData] = useState<AlertsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const languages = LANGUAGES.filter((l) => vault.login.organization.languages.includes(l));

  const reload = () =>
    api<AlertsResponse>('/api/alerts').then(
      (d) => setData(d),
      (e) => setError(messageOf(e, t('notLoaded'))),
    );
  useEffect(() => {
    if (canPublish) void reload();
  }, []);

  if (!canPublish) {
    return (
      <main>
        <PageHeading>{t('title')}</PageHeading>
        <p>
          <Linked text={t('onlyCoordinators', { link: marker('link') })} parts={{ link: <a href={PUBLIC_PAGE}>{PUBLIC_PAGE}</a> }} />
        </p>
      </main>
    );
  }

  async function publish(texts: AlertTexts) {
    let opened: OpenedSubscribers = { recipients: [], unopened: 0, addressOf: new Map() };
    if (data?.email && data.subscribers.confirmed > 0) opened = await openedSubscribers(vault);
    try {
      const result = await api<{ id: string; webhooks: number; emails: number }>('/api/alerts', { texts, recipients: opened.recipients });
      say([t('published', { emails: result.emails, webhooks: result.webhooks }), opened.unopened ? t('unopened', { count: opened.unopened }) : ''].filter(Boolean).join(' '));
      await reload();
    } catch (e) {
      throw new Error(messageOf(e, t('notPublished')));
    }
  }

  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p class="hint">
        <Linked text={t('intro', { page: marker('page'), feed: marker('feed') })} parts={{ page: <a href={PUBLIC_PAGE}>{PUBLIC_PAGE}</a>, feed: <a href="/alerts.atom">{t('feed')}</a> }} />
      </p>
      {data && (
        <p>
          {data.email ? t('subscribers', { confirmed: data.subscribers.confirmed, waiting: data.subscribers.waiting }) : t('emailOff')}
        </p>
      )}
      <Feedback error={error} said={said} />
      <section aria-labelledby="compose-title">
        <h2 id="compose-title">{t('writeHeading')}</h2>
        <Composer idPrefix="new" languages={languages} submitLabel={t('publishNow')} onSubmit={publish} />
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">{t('publishedHeading')}</h2>
        {data && data.alerts.length === 0 && <p>{t('nothingYet')}</p>}
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
  const t = useWords(alertsWords);
  const f = useFormats();
  const [mode, setMode] = useState<'none' | 'log' | 'correct' | 'withdraw'>('none');
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const title = firstTitle(alert.texts);

  async function withdraw() {
    setError(null);
    try {
      await api(`/api/alerts/${alert.id}/withdraw`, {});
      say(t('withdrawn'));
      setMode('none');
      await onChange();
    } catch (e) {
      setError(messageOf(e, t('notWithdrawn')));
    }
  }

  async function retry() {
    setError(null);
    try {
      const opened = alert.deliveries.failed > 0 ? await openedSubscribers(vault) : { recipients: [] };
      const result = await api<{ webhooks: number; emails: number }>(`/api/alerts/${alert.id}/retry`, { recipients: opened.recipients });
      say(t('sendingAgain', { emails: result.emails, webhooks: result.webhooks }));
      await onChange();
    } catch (e) {
      setError(messageOf(e, t('notRetried')));
    }
  }

  return (
    <li class="card">
      <h3>{title}</h3>
      <p class="hint">
        {t('statusLine', { status: alert.status, at: f.dateTime(alert.publishedAt) })}
        {alert.correctedAt && ` · ${t('corrected', { at: f.dateTime(alert.correctedAt) })}`} · {LANGUAGES.filter((l) => alert.texts[l]).map((l) => LANGUAGE_NAMES[l]).join(', ')} ·{' '}
        {t('deliveries', { sent: alert.deliveries.sent, pending: alert.deliveries.pending, failed: alert.deliveries.failed })}
        {alert.status === 'published' && (
          <>
            {' '}
            · <a href={`/alerts/${alert.id}`}>{t('publicPage')}</a>
          </>
        )}
      </p>
      <div class="actions">
        <button type="button" class="secondary small" aria-expanded={mode === 'log'} onClick={() => setMode(mode === 'log' ? 'none' : 'log')}>
          {t('deliveryLog')}
        </button>
        {alert.status === 'published' && (
          <>
            <button type="button" class="secondary small" onClick={() => setMode('correct')}>
              {t('correct')}
            </button>
            {alert.deliveries.failed > 0 && (
              <button type="button" class="secondary small" onClick={() => void retry()}>
                {t('retry')}
              </button>
            )}
            <button type="button" class="secondary danger small" onClick={() => setMode('withdraw')}>
              {t('withdraw')}
            </button>
          </>
        )}
      </div>
      <Feedback error={error} said={said} />
      {mode === 'withdraw' && (
        <div role="group" aria-label={t('withdrawGroup')}>
          <p>{t('withdrawQuestion', { title })}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void withdraw()}>
              {t('withdrawIt')}
            </button>
            <button type="button" class="secondary" onClick={() => setMode('none')}>
              {t('keepIt')}
            </button>
          </div>
        </div>
      )}
      {mode === 'correct' && (
        <Composer
          idPrefix={`correct-${alert.id.slice(0, 8)}`}
          languages={languages}
          initial={alert.texts}
          submitLabel={t('saveCorrection')}
          onCancel={() => setMode('none')}
          onSubmit={async (texts) => {
            try {
              await api(`/api/alerts/${alert.id}/correct`, { texts });
            } catch (e) {
              throw new Error(messageOf(e, t('notCorrected')));
            }
            say(t('correctedSaid'));
            setMode('none');
            await onChange();
          }}
        />
      )}
      {mode === 'log' && <DeliveryLog vault={vault} alertId={alert.id} />}
    </li>
  );
}
