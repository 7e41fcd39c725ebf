// One alert's deliveries: channel, target (a webhook's address, or "subscriber #n"), outcome,
// attempts, last error, time. Addresses appear only if this member opens them here.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { Table, type Column } from '../ui/Table.tsx';
import type { Vault } from '../session/vault.ts';
import type { DeliveryView } from '../../../core/api/alerts.ts';
import { openedSubscribers } from './subscribers.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { alertsWords } from './words.ts';

/** Each outcome's message: the statuses are the catalog's keys. */
const OUTCOMES = { sent: 'sent', pending: 'pending', failed: 'failed', interrupted: 'interrupted' } as const satisfies Record<DeliveryView['status'], string>;

/** The log's columns; a subscriber's address beside its number once this member opened them. */
function useDeliveryColumns(addresses: Map<string, string> | null): Column<DeliveryView>[] {
  const t = useWords(alertsWords);
  const f = useFormats();
  return [
    { head: t('channel'), cell: (d) => t(d.channel === 'email' ? 'email' : 'webhook') },
    { head: t('target'), rowHeader: true, cell: (d) => (d.channel === 'email' && addresses?.get(d.targetId) ? `${d.target} (${addresses.get(d.targetId)})` : d.target) },
    { head: t('outcome'), cell: (d) => t(OUTCOMES[d.status]) },
    { head: t('attempts'), cell: (d) => d.attempts },
    { head: t('lastError'), cell: (d) => d.lastError ?? '—' },
    { head: t('time'), cell: (d) => f.dateTime(d.updatedAt) },
  ];
}

export function DeliveryLog({ vault, alertId }: { vault: Vault; alertId: string }) {
  const t = useWords(alertsWords);
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [addresses, setAddresses] = useState<Map<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const columns = useDeliveryColumns(addresses);
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
      <Table caption={t('deliveriesCaption')} columns={columns} rows={rows} rowKey={(d) => d.id} />
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
