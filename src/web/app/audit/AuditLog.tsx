// The hash-chained audit log, newest first, 200 entries at a time. Each action is named in the
// member's language (its code stays on the row as data-action); details are shown as recorded.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { Marked } from '../ui/Marked.tsx';
import { Table, type Column } from '../ui/Table.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { actionKey, auditActionWords, auditWords } from './words.ts';

interface AuditEntry {
  seq: number;
  at: string;
  actorEmail: string | null;
  action: string;
  object: string | null;
  detail: Record<string, unknown> | null;
}

const PAGE = 200;
const VERIFY = 'vigil audit verify'; // not words

function details(detail: AuditEntry['detail']): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** An action's name in the member's language; a code without words (a newer action) as it is. */
function useActionName(): (code: string) => string {
  const name = useWords(auditActionWords);
  return (code) => {
    const key = actionKey(code);
    return Object.hasOwn(auditActionWords.en, key) ? name(key as keyof typeof auditActionWords.en) : code;
  };
}

/** The log's columns: number, when, who, what, on what, details. */
function useAuditColumns(): Column<AuditEntry>[] {
  const t = useWords(auditWords);
  const f = useFormats();
  const actionName = useActionName();
  return [
    { head: t('number'), cell: (e) => e.seq },
    { head: t('when'), cell: (e) => f.dateTime(e.at) },
    { head: t('who'), cell: (e) => e.actorEmail ?? (e.action === 'report.deleted-by-reporter' ? t('aReporter') : '—') },
    { head: t('what'), cell: (e) => actionName(e.action) },
    { head: t('on'), class: 'id', cell: (e) => e.object ?? '' },
    { head: t('details'), cell: (e) => details(e.detail) },
  ];
}

export function AuditLog() {
  const t = useWords(auditWords);
  const columns = useAuditColumns();
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
      setError(messageOf(e, t('notLoaded')));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <main class="wide-ish">
      <PageHeading>{t('title')}</PageHeading>
      <p>
        <Marked text={t('intro', { command: VERIFY })} part={VERIFY} as="code" />
      </p>
      <Feedback error={error} />
      <Table class="audit" caption={t('caption')} columns={columns} rows={entries} rowKey={(e) => e.seq} rowData={(e) => ({ 'data-action': e.action })} />
      <p role="status" class="status">
        {loading ? t('loadingEntries') : t('shown', { count: entries.length })}
      </p>
      {more && !loading && (
        <button type="button" onClick={() => load(entries[entries.length - 1]!.seq)}>
          {t('loadOlder')}
        </button>
      )}
    </main>
  );
}
