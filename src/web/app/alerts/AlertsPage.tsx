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
import { LANGUAGES } from '../../../core/i18n/languages.ts';
import type { AlertTexts } from '../../../core/alerts/schemas.ts';
import type { AlertsResponse } from '../../../core/api/alerts.ts';
import { Composer } from './Composer.tsx';
import { Webhooks } from './Webhooks.tsx';
import { useWords } from '../i18n/context.tsx';
import { alertsWords } from './words.ts';
import { Linked } from '../ui/Linked.tsx';
import { PublishedAlert } from './PublishedAlert.tsx';

const PUBLIC_PAGE = '/alerts';

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
          <Linked t={t} message="onlyCoordinators" parts={{ link: <a href={PUBLIC_PAGE}>{PUBLIC_PAGE}</a> }} />
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
        <Linked t={t} message="intro" parts={{ page: <a href={PUBLIC_PAGE}>{PUBLIC_PAGE}</a>, feed: <a href="/alerts.atom">{t('feed')}</a> }} />
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
