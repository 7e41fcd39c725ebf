import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import { openReport, type OpenedReport } from './open-report.ts';
import { ReportView } from './ReportView.tsx';
import type { InboxResponse } from '../../core/api/schemas.ts';
import type { Session } from './Login.tsx';

export function Inbox({ session, onLock }: { session: Session; onLock: () => void }) {
  const [reports, setReports] = useState<OpenedReport[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const canTriage = session.login.member.role !== 'viewer';

  async function load(before?: number) {
    setLoading(true);
    try {
      const page = await api<InboxResponse>(`/api/inbox${before ? `?before=${before}` : ''}`);
      const opened = await Promise.all(page.reports.map((item) => openReport(item, session.keyring)));
      setReports((current) => (before ? [...current, ...opened] : opened));
      setNext(page.next);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The inbox could not be loaded.');
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function markRead(id: string) {
    try {
      await api(`/api/reports/${encodeURIComponent(id)}/read`, {});
      setReports((current) => current.map((r) => (r.id === id ? { ...r, readHour: r.readHour ?? 'now' } : r)));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not mark the report read.');
    }
  }

  async function lock() {
    session.keyring.forEach((key) => key.fill(0));
    session.keyring.clear();
    await api('/api/auth/logout', {}).catch(() => undefined);
    onLock();
  }

  const unread = reports.filter((r) => !r.readHour).length;
  return (
    <>
      <header class="bar">
        <strong>{session.login.organization.name}</strong>
        <span>
          {session.login.member.email} ({session.login.member.role})
        </span>
        <button type="button" onClick={lock}>
          Lock
        </button>
      </header>
      <main>
        <h1>
          Inbox <span class="count">{unread} unread</span>
        </h1>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {!loading && reports.length === 0 && <p>No reports yet.</p>}
        <ol class="reports">
          {reports.map((report) => (
            <li key={report.id}>
              <ReportView report={report} onMarkRead={canTriage ? () => markRead(report.id) : undefined} />
            </li>
          ))}
        </ol>
        <p aria-live="polite">{loading ? 'Opening reports…' : ''}</p>
        {next !== null && !loading && (
          <button type="button" onClick={() => load(next)}>
            Load older reports
          </button>
        )}
      </main>
    </>
  );
}
