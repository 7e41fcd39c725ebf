// One alert's deliveries: channel, target (a webhook's address, or "subscriber #n"), outcome,
// attempts, last error, time. Addresses appear only if this member opens them here.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { Feedback } from '../Feedback.tsx';
import type { Vault } from '../vault.ts';
import type { DeliveryView } from '../../../core/alerts/schemas.ts';
import { openedSubscribers } from './subscribers.ts';

const OUTCOMES: Record<DeliveryView['status'], string> = { sent: 'Sent', pending: 'Pending (retrying)', failed: 'Failed', interrupted: 'Interrupted (server restarted)' };

export function DeliveryLog({ vault, alertId }: { vault: Vault; alertId: string }) {
  const [rows, setRows] = useState<DeliveryView[] | null>(null);
  const [addresses, setAddresses] = useState<Map<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<{ deliveries: DeliveryView[] }>(`/api/alerts/${alertId}/deliveries`).then((r) => setRows(r.deliveries), (e) => setError(messageOf(e, 'The log could not be loaded.')));
  useEffect(() => {
    void load();
  }, [alertId]);

  async function showAddresses() {
    try {
      setAddresses((await openedSubscribers(vault)).addressOf);
    } catch (e) {
      setError(messageOf(e, 'The addresses could not be opened.'));
    }
  }

  if (!rows) return <Feedback error={error} />;
  return (
    <div>
      <table class="data">
        <caption class="visually-hidden">Deliveries of this alert</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Time (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>{d.channel === 'email' ? 'Email' : 'Webhook'}</td>
              <th scope="row">{d.channel === 'email' && addresses?.get(d.targetId) ? `${d.target} (${addresses.get(d.targetId)})` : d.target}</th>
              <td>{OUTCOMES[d.status]}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{d.updatedAt.slice(0, 19).replace('T', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No subscribers or webhooks when it was published.</p>}
      <div class="actions">
        <button type="button" class="secondary small" onClick={() => void load()}>
          Refresh
        </button>
        {!addresses && rows.some((d) => d.channel === 'email') && (
          <button type="button" class="secondary small" onClick={() => void showAddresses()}>
            Show addresses (opened in this browser)
          </button>
        )}
      </div>
      <Feedback error={error} />
    </div>
  );
}
