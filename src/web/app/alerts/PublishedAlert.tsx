// One published alert: what it is and how its deliveries went, and what a coordinator may do with
// it — read its delivery log, correct it, retry failed deliveries, withdraw it.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import type { AlertTexts } from '../../../core/alerts/schemas.ts';
import type { AlertView } from '../../../core/api/alerts.ts';
import { openedSubscribers } from './subscribers.ts';
import { Composer } from './Composer.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { LANGUAGE_NAMES } from '../i18n/LanguageSelect.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { alertsWords } from './words.ts';

type Mode = 'none' | 'log' | 'correct' | 'withdraw';

const firstTitle = (texts: AlertTexts) => texts[LANGUAGES.find((l) => texts[l])!]!.title;

/** Withdrawing, retrying and correcting one alert, with what was said or went wrong. */
function useAlertActions(vault: Vault, alert: AlertView, onChange: () => Promise<void>, setMode: (mode: Mode) => void) {
  const t = useWords(alertsWords);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

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

  /** The composer shows a failure itself: it is thrown back to it. */
  async function correct(texts: AlertTexts) {
    try {
      await api(`/api/alerts/${alert.id}/correct`, { texts });
    } catch (e) {
      throw new Error(messageOf(e, t('notCorrected')));
    }
    say(t('correctedSaid'));
    setMode('none');
    await onChange();
  }

  return { error, said, withdraw, retry, correct };
}

export function PublishedAlert({ vault, alert, languages, onChange }: { vault: Vault; alert: AlertView; languages: Language[]; onChange: () => Promise<void> }) {
  const t = useWords(alertsWords);
  const [mode, setMode] = useState<Mode>('none');
  const { error, said, withdraw, retry, correct } = useAlertActions(vault, alert, onChange, setMode);
  const title = firstTitle(alert.texts);
  const published = alert.status === 'published';

  return (
    <li class="card">
      <h3>{title}</h3>
      <AlertSummary alert={alert} />
      <div class="actions">
        <button type="button" class="secondary small" aria-expanded={mode === 'log'} onClick={() => setMode(mode === 'log' ? 'none' : 'log')}>
          {t('deliveryLog')}
        </button>
        {published && (
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
      {mode === 'withdraw' && <WithdrawQuestion title={title} onWithdraw={() => void withdraw()} onKeep={() => setMode('none')} />}
      {mode === 'correct' && (
        <Composer idPrefix={`correct-${alert.id.slice(0, 8)}`} languages={languages} initial={alert.texts} submitLabel={t('saveCorrection')} onCancel={() => setMode('none')} onSubmit={correct} />
      )}
      {mode === 'log' && <DeliveryLog vault={vault} alertId={alert.id} />}
    </li>
  );
}

/** Status, when published and corrected, in which languages, how deliveries went, and its public page. */
function AlertSummary({ alert }: { alert: AlertView }) {
  const t = useWords(alertsWords);
  const f = useFormats();
  return (
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
  );
}

function WithdrawQuestion({ title, onWithdraw, onKeep }: { title: string; onWithdraw: () => void; onKeep: () => void }) {
  const t = useWords(alertsWords);
  return (
    <div role="group" aria-label={t('withdrawGroup')}>
      <p>{t('withdrawQuestion', { title })}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onWithdraw}>
          {t('withdrawIt')}
        </button>
        <button type="button" class="secondary" onClick={onKeep}>
          {t('keepIt')}
        </button>
      </div>
    </div>
  );
}
