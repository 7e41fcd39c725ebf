// The hash-chained audit log, newest first, 200 entries at a time.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from './api.ts';
import { PageHeading } from './PageHeading.tsx';
import { utcMinute } from './time.ts';
import { Feedback } from './Feedback.tsx';

interface AuditEntry {
  seq: number;
  at: string;
  actorEmail: string | null;
  action: string;
  object: string | null;
  detail: Record<string, unknown> | null;
}

const PAGE = 200;

function details(detail: AuditEntry['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

export function AuditLog() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  async function load(before?: number) {
    setLoading(true);
    try {
      const page = await api<{ entries: AuditEntry[] }>(`/api/audit${before ? `?before=${before}` : ''}`);
      setEntries((current) => (before ? [...current, ...page.entries] : page.entries));
      setMore(page.entries.length === PAGE);
      setError(null);
    } catch (e) {
      setError(messageOf(e, 'The audit log could not be loaded.'));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <main class="wide-ish">
      <PageHeading>Audit log</PageHeading>
      <p>
        Who did what, and when. Each entry is chained to the one before it; <code>vigil audit verify</code> on the server
        shows whether any was changed or removed. Report content never appears here.
      </p>
      <Feedback error={error} />
      <table class="data">
        <caption class="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{utcMinute(e.at)}</td>
              <td>{e.actorEmail ?? (e.action === 'report.deleted-by-reporter' ? 'a reporter' : '—')}</td>
              <td>{e.action}</td>
              <td class="id">{e.object ?? ''}</td>
              <td>{details(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" class="status">
        {loading ? 'Loading entries…' : `${entries.length} entries shown.`}
      </p>
      {more && !loading && (
        <button type="button" onClick={() => load(entries[entries.length - 1]!.seq)}>
          Load older entries
        </button>
      )}
    </main>
  );
}
