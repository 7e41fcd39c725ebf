// Search and filters. All of it runs over the reports in memory.
import type { Ref } from 'preact';
import { REPORT_STATES, STATE_NAMES, type ReportStateName } from './states.ts';
import { NO_FILTERS, isFiltered, type Filters } from './filters.ts';
import type { TeamMember } from './team.ts';

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
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <form role="search" class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Search and filter reports">
      <div class="search">
        <label for="search">Search reports and notes</label>
        <input id="search" type="search" ref={searchRef} value={search} onInput={(e) => onSearch(e.currentTarget.value)} aria-keyshortcuts="/" autoComplete="off" spellcheck={false} />
      </div>
      <div>
        <label for="filter-state">State</label>
        <select id="filter-state" value={filters.state} onChange={(e) => set({ state: e.currentTarget.value as ReportStateName | '' })}>
          <option value="">Any state</option>
          {REPORT_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="filter-assignee">Assigned to</label>
        <select id="filter-assignee" value={filters.assignee} onChange={(e) => set({ assignee: e.currentTarget.value })}>
          <option value="">Anyone or nobody</option>
          <option value="none">Unassigned</option>
          <option value={myId}>Me</option>
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
        <label for="filter-tag">Tag</label>
        <select id="filter-tag" value={filters.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">Any tag</option>
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
          <label for="filter-urgent">Still held only</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="filter-unread" checked={filters.unread} onChange={(e) => set({ unread: e.currentTarget.checked })} />
          <label for="filter-unread">Not yet read only</label>
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
          Clear filters
        </button>
      )}
    </form>
  );
}
