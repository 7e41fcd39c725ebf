// Search and filters. All of it runs over the reports in memory.
import type { ComponentChildren, Ref } from 'preact';
import { REPORT_STATES, stateName, type ReportStateName } from './states.ts';
import { NO_FILTERS, isFiltered, type Filters } from './filters.ts';
import type { TeamMember } from './team.ts';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Props {
  filters: Filters;
  /** What is in the search box now (filters.search follows it after a short pause). */
  search: string;
  onSearch: (text: string) => void;
  onChange: (filters: Filters) => void;
  tags: [string, number][];
  team: TeamMember[];
  myId: string;
  searchRef: Ref<HTMLInputElement>;
}

export function FilterBar({ filters, search, onSearch, onChange, tags, team, myId, searchRef }: Props) {
  const t = useWords(inboxWords);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <form role="search" class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filtersLabel')}>
      <div class="search">
        <label for="search">{t('searchLabel')}</label>
        <input id="search" type="search" ref={searchRef} value={search} onInput={(e) => onSearch(e.currentTarget.value)} aria-keyshortcuts="/" autoComplete="off" spellcheck={false} />
      </div>
      <FilterSelect id="filter-state" label={t('stateLabel')} value={filters.state} onChange={(state) => set({ state: state as ReportStateName | '' })}>
        <option value="">{t('anyState')}</option>
        {REPORT_STATES.map((s) => (
          <option key={s} value={s}>
            {stateName(t, s)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="filter-assignee" label={t('assignedToLabel')} value={filters.assignee} onChange={(assignee) => set({ assignee })}>
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
      </FilterSelect>
      <FilterSelect id="filter-tag" label={t('tagLabel')} value={filters.tag} onChange={(tag) => set({ tag })}>
        <option value="">{t('anyTag')}</option>
        {tags.map(([tag, count]) => (
          <option key={tag} value={tag}>
            {tag} ({count})
          </option>
        ))}
      </FilterSelect>
      <div class="checks">
        <FilterCheck id="filter-urgent" label={t('stillHeldOnly')} checked={filters.urgent} onChange={(urgent) => set({ urgent })} />
        <FilterCheck id="filter-unread" label={t('notReadOnly')} checked={filters.unread} onChange={(unread) => set({ unread })} />
        <FilterCheck id="filter-answers" label={t('newAnswersOnly')} checked={filters.answers} onChange={(answers) => set({ answers })} />
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

function FilterSelect({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (value: string) => void; children: ComponentChildren }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

function FilterCheck({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="choice">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
