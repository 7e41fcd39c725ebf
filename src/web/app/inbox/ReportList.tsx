// One page of the filtered inbox (never more than PAGE_SIZE rows in the document, however many
// thousands of reports are loaded), with the pager. The page follows the keyboard cursor.
import type { Report } from './report-store.ts';
import type { TeamMember } from './team.ts';
import { ReportRow } from './ReportRow.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

export const PAGE_SIZE = 50;

export function ReportList({
  reports,
  cursor,
  selected,
  team,
  canTriage,
  onOpen,
  onSelect,
  onMarkRead,
  onMoveTo,
}: {
  reports: Report[];
  cursor: number;
  selected: Set<string>;
  team: TeamMember[];
  canTriage: boolean;
  onOpen: (index: number) => void;
  onSelect: (id: string, selected: boolean) => void;
  onMarkRead: (id: string) => void;
  onMoveTo: (index: number) => void;
}) {
  const t = useWords(inboxWords);
  const start = Math.floor(cursor / PAGE_SIZE) * PAGE_SIZE;
  const page = reports.slice(start, start + PAGE_SIZE);
  const end = start + page.length;
  return (
    <>
      <ol class="reports" aria-label={t('reportsRange', { from: reports.length ? start + 1 : 0, to: end, total: reports.length })}>
        {page.map((report, i) => (
          <ReportRow
            key={report.id}
            report={report}
            current={start + i === cursor}
            selected={selected.has(report.id)}
            team={team}
            onOpen={() => onOpen(start + i)}
            onSelect={(on) => onSelect(report.id, on)}
            onMarkRead={canTriage ? () => onMarkRead(report.id) : undefined}
          />
        ))}
      </ol>
      {reports.length > PAGE_SIZE && (
        <nav class="pager" aria-label={t('pagesLabel')}>
          <button type="button" class="secondary" disabled={start === 0} onClick={() => onMoveTo(start - PAGE_SIZE)}>
            {t('newer')}
          </button>
          <span>{t('range', { from: start + 1, to: end, total: reports.length })}</span>
          <button type="button" class="secondary" disabled={end >= reports.length} onClick={() => onMoveTo(end)}>
            {t('older')}
          </button>
        </nav>
      )}
    </>
  );
}
