// Search and filters. All of it runs over the reports in memory.
import type { Ref } from 'preact';
import { REPORT_STATES, stateName, type ReportStateName } from './states.ts';
import { NO_FILTERS, isFiltered, type Filters } from './filters.ts';
import type { TeamMember } from './team.ts';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

export function FilterBar({
  filters,
  search,
  onSearch,
  onChange,
  tags,
  team,
  myId,
  searchRef,
}: {
  filters: Filters;
  /** What is in the search box now (filters.search follows it after a short pause). */
  search: string;
  onSearch: (text: string) => void;
  onChange: (filters: Filters) => void;
  tags: [string, number][];
  team: TeamMember[];
  myId: string;
  searchRef: Ref<HTMLInputElement>;
}) {
  const t = useWords(inboxWords);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <form role="search" class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filtersLabel')}>
      <div class="search">
        <label for="search">{t('searchLabel')}</label>
        <input id="search" type="search" ref={searchRef} value={search} onInput={(e) => onSearch(e.currentTarget.value)} aria-keyshortcuts="/" autoComplete="off" spellcheck={false} />
      </div>
      <div>
        <label for="filter-state">{t('stateLabel')}</label>
        <select id="filter-state" value={filters.state} onChange={(e) => set({ state: e.currentTarget.value as ReportStateName | '' })}>
          <option value="">{t('anyState')}</option>
          {REPORT_STATES.map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-assignee">{t('assignedToLabel')}</label>
        <select id="filter-assignee" value={filters.assignee} onChange={(e) => set({ assignee: e.currentTarget.value })}>
          <option value="">{t('anyoneOrNobody')}</option>
          <option value="none">{t('unassignedOption')}</option>
          <option value={myId}>{t('me')}</option>
          {team
            .filter((m) => m.id !== myId && m.role !== 'viewer')
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.email}
              </option>
            ))}
        </select>
      </div>
      <div>
        <label for="filter-tag">{t('tagLabel')}</label>
        <select id="filter-tag" value={filters.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">{t('anyTag')}</option>
          {tags.map(([tag, count]) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
      </div>
      <div class="checks">
        <div class="choice">
          <input type="checkbox" id="filter-urgent" checked={filters.urgent} onChange={(e) => set({ urgent: e.currentTarget.checked })} />
          <label for="filter-urgent">{t('stillHeldOnly')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="filter-unread" checked={filters.unread} onChange={(e) => set({ unread: e.currentTarget.checked })} />
          <label for="filter-unread">{t('notReadOnly')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="filter-answers" checked={filters.answers} onChange={(e) => set({ answers: e.currentTarget.checked })} />
          <label for="filter-answers">{t('newAnswersOnly')}</label>
        </div>
      </div>
      {isFiltered(filters) && (
        <button
          type="button"
          class="secondary small"
          onClick={() => {
            onSearch('');
            onChange(NO_FILTERS);
          }}
        >
          {t('clearFilters')}
        </button>
      )}
    </form>
  );
}
