// One alert's deliveries: channel, target (a webhook's address, or "subscriber #n"), outcome,
// attempts, last error, time. Addresses appear only if this member opens them here.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import type { DeliveryView } from '../../../core/api/alerts.ts';
import { openedSubscribers } from './subscribers.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { alertsWords } from './words.ts';

/** Each outcome's message: the statuses are the catalog's keys. */
const OUTCOMES = { sent: 'sent', pending: 'pending', failed: 'failed', interrupted: 'interrupted' } as const satisfies Record<DeliveryView['status'], string>;

export function DeliveryLog({ vault, alertId }: { vault: Vault; alertId: string }) {
  const t = useWords(alertsWords);
  const f = useFormats();
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [addresses, setAddresses] = useState<Map<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ deliveries: DeliveryView[] }>(`/api/alerts/${alertId}/deliveries`).then((r) => setRows(r.deliveries), (e) => setError(messageOf(e, t('logNotLoaded'))));
  useEffect(() => {
    void load();
  }, [alertId]);

  async function showAddresses() {
    try {
      setAddresses((await openedSubscribers(vault)).addressOf);
    } catch (e) {
      setError(messageOf(e, t('addressesNotOpened')));
    }
  }

  if (!rows) return <Feedback error={error} />;
  return (
    <div>
      <table class="data">
        <caption class="visually-hidden">{t('deliveriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('channel')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('outcome')}</th>
            <th scope="col">{t('attempts')}</th>
            <th scope="col">{t('lastError')}</th>
            <th scope="col">{t('time')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>{t(d.channel === 'email' ? 'email' : 'webhook')}</td>
              <th scope="row">{d.channel === 'email' && addresses?.get(d.targetId) ? `${d.target} (${addresses.get(d.targetId)})` : d.target}</th>
              <td>{t(OUTCOMES[d.status])}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{f.dateTime(d.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>{t('noTargets')}</p>}
      <div class="actions">
        <button type="button" class="secondary small" onClick={() => void load()}>
          {t('refresh')}
        </button>
        {!addresses && rows.some((d) => d.channel === 'email') && (
          <button type="button" class="secondary small" onClick={() => void showAddresses()}>
            {t('showAddresses')}
          </button>
        )}
      </div>
      <Feedback error={error} />
    </div>
  );
}
