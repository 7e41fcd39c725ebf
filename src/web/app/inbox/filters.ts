// Filtering happens here, over the reports already opened in memory: no request, no wait.
import type { ReportStateName } from '../../../core/api/inbox.ts';
import type { Report } from './report-store.ts';
import { searchMatcher, searchTextOf } from '../../../core/linkage/search.ts';

export interface Filters {
  state: ReportStateName | '';
  /** '' anyone, 'none' unassigned, or a member id. */
  assignee: string;
  tag: string;
  urgent: boolean;
  unread: boolean;
  /** Only reports with reporters' answers this member has not seen. */
  answers: boolean;
  search: string;
}

export const NO_FILTERS: Filters = { state: '', assignee: '', tag: '', urgent: false, unread: false, answers: false, search: '' };

export const isFiltered = (f: Filters) => f.state !== '' || f.assignee !== '' || f.tag !== '' || f.urgent || f.unread || f.answers || f.search.trim() !== '';

export function isUrgent(report: Report): boolean {
  return report.content?.ok === true && report.content.stillHeld === 'yes';
}

export function applyFilters(reports: Report[], f: Filters): Report[] {
  if (!isFiltered(f)) return reports;
  const matches = searchMatcher(f.search);
  const tagText = new Map<string, string>();
  const foldedTag = (tag: string) => tagText.get(tag) ?? tagText.set(tag, searchTextOf(tag)).get(tag)!;
  return reports.filter(
    (r) =>
      (f.state === '' || r.state === f.state) &&
      (f.assignee === '' || (f.assignee === 'none' ? r.assignee === null : r.assignee === f.assignee)) &&
      (f.tag === '' || r.tags.includes(f.tag)) &&
      (!f.urgent || isUrgent(r)) &&
      (!f.unread || !r.readHour) &&
      (!f.answers || r.unreadAnswers > 0) &&
      matches([r.text, r.threadText, ...r.tags.map(foldedTag)], (term) => term === `#${r.seq}`),
  );
}

/** Every tag in use, with how many reports carry it. */
export function tagCounts(reports: Report[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of reports) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
}
