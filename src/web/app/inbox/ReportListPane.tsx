// The list side of the inbox: how many are shown, "select all shown", and the page of rows
// under the cursor (ReportList.tsx).
import type { ReportStore } from './report-store.ts';
import type { TeamMember } from './team.ts';
import { isFiltered } from './filters.ts';
import type { useFilteredReports } from './use-filtered-reports.ts';
import type { useCursor } from './use-cursor.ts';
import type { useSelection } from './use-selection.ts';
import { ReportList } from './ReportList.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Props {
  store: ReportStore;
  list: ReturnType<typeof useFilteredReports>;
  cursor: ReturnType<typeof useCursor>;
  selection: ReturnType<typeof useSelection>;
  team: TeamMember[];
  canTriage: boolean;
  onMarkRead: (id: string) => void;
}

export function ReportListPane({ store, list, cursor, selection, team, canTriage, onMarkRead }: Props) {
  const t = useWords(inboxWords);
  const { shown } = list;
  const total = store.reports.length;
  return (
    <div class="list">
      <div class="list-head">
        <p>{isFiltered(list.filters) ? t('matching', { shown: shown.length, total }) : t('newestFirst', { count: total })}</p>
        {canTriage && shown.length > 0 && (
          <button type="button" class="small secondary" onClick={() => selection.selectOnly(shown.map((r) => r.id))}>
            {t('selectAllShown', { count: shown.length })}
          </button>
        )}
      </div>
      {store.phase !== 'loading' && total === 0 && <p>{t('noReportsYet')}</p>}
      {total > 0 && shown.length === 0 && <p>{t('noneMatch')}</p>}
      <ReportList
        reports={shown}
        cursor={cursor.index}
        selected={selection.selected}
        team={team}
        canTriage={canTriage}
        onOpen={cursor.openAt}
        onSelect={selection.select}
        onMarkRead={onMarkRead}
        onMoveTo={cursor.moveTo}
      />
    </div>
  );
}
