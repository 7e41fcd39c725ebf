// The reports the inbox shows: the search box (applied after a short pause in typing), the
// filters, and the tags known across every report, all over the reports in memory.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReportStore } from './report-store.ts';
import { NO_FILTERS, applyFilters, tagCounts, type Filters } from './filters.ts';
import { useInboxTitle } from './inbox-title.ts';

const SEARCH_PAUSE_MS = 150;

export function useFilteredReports(store: ReportStore, version: number) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === search ? f : { ...f, search })), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const shown = useMemo(() => applyFilters(store.reports, filters), [version, filters]);
  const tags = useMemo(() => tagCounts(store.reports), [version]);
  /** Shows every report again: the search box emptied and no filter. */
  const clear = () => {
    setSearch('');
    setFilters(NO_FILTERS);
  };
  return { filters, setFilters, search, setSearch, shown, tags, clear };
}

/** What is new to this member: reports no one has read, answers they have not seen (the tab's title says it too). */
export function useNews(store: ReportStore, version: number) {
  const unread = useMemo(() => store.reports.filter((r) => !r.readHour).length, [version]);
  const newAnswers = useMemo(() => store.reports.reduce((n, r) => n + r.unreadAnswers, 0), [version]);
  useInboxTitle(unread + newAnswers);
  return { unread, newAnswers };
}
