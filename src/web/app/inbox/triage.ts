// Changes to reports (state, assignee, tags, read), sent to the server and applied to the store.
import { api } from '../session/api.ts';
import type { ReportStateName } from '../../../core/api/inbox.ts';
import type { ReportStore } from './report-store.ts';

export interface TriageChange {
  state?: ReportStateName;
  duplicateOf?: string;
  /** A member id, or null to unassign. */
  assignee?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/** The server's rule for tags (core/api/inbox.ts), checked before sending. */
export function tagOf(input: string): string | null {
  const tag = input.trim().toLowerCase();
  return tag.length >= 1 && tag.length <= 40 && /^[\p{L}\p{N} _-]+$/u.test(tag) ? tag : null;
}

const MAX_IDS = 1000;
const currentHour = () => `${new Date().toISOString().slice(0, 13)}:00Z`;

export async function triage(store: ReportStore, ids: string[], change: TriageChange): Promise<void> {
  for (let at = 0; at < ids.length; at += MAX_IDS) {
    const chunk = ids.slice(at, at + MAX_IDS);
    await api('/api/reports/triage', { ids: chunk, ...change });
    for (const id of chunk) {
      const report = store.get(id);
      if (!report) continue;
      if (change.state) {
        report.state = change.state;
        report.duplicateOf = change.duplicateOf ?? null;
      }
      if (change.assignee !== undefined) report.assignee = change.assignee;
      if (change.addTags || change.removeTags) {
        const tags = new Set(report.tags);
        for (const t of change.removeTags ?? []) tags.delete(t);
        for (const t of change.addTags ?? []) tags.add(t);
        report.tags = [...tags].sort();
      }
    }
    store.changed();
  }
}

export async function markRead(store: ReportStore, ids: string[]): Promise<number> {
  const unread = ids.filter((id) => store.get(id) && !store.get(id)!.readHour);
  for (const id of unread) {
    await api(`/api/reports/${encodeURIComponent(id)}/read`, {});
    store.get(id)!.readHour = currentHour();
    store.changed();
  }
  return unread.length;
}
