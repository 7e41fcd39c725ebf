// The public counts: acts (ESF's counting unit) whose person agreed to public use, tallied by week,
// act type, place and custody status — each table a partition of the same acts, so each sums to the
// same total — and then k-suppressed (suppress.ts). Pure: the server feeds it rows.
import { suppress, type Cell, type PublishedTable } from './suppress.ts';

export interface CountedAct {
  dateStart: string | null;
  datePrecision: string;
  typeCode: string;
  placeId: string | null;
  /** The detention's status for acts that have one, else null. */
  custody: string | null;
}

export const NOT_EXACT = 'not-exact';
export const NO_PLACE = 'no-place';
export const NOT_DETENTION = 'not-detention';

/** ISO 8601 week of a calendar day, e.g. '2026-W45'. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  // The week belongs to the year its Thursday is in; counted from that year's first day.
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function tally(keys: string[]): Cell[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
}

export interface PublicCounts {
  k: number;
  total: number | null;
  tables: { week: PublishedTable; type: PublishedTable; place: PublishedTable; status: PublishedTable };
}

export function publicCounts(acts: CountedAct[], k: number): PublicCounts {
  const tables = {
    week: suppress(tally(acts.map((a) => (a.datePrecision === 'day' && a.dateStart ? isoWeek(a.dateStart) : NOT_EXACT))), k),
    type: suppress(tally(acts.map((a) => a.typeCode)), k),
    place: suppress(tally(acts.map((a) => a.placeId ?? NO_PLACE)), k),
    status: suppress(tally(acts.map((a) => a.custody ?? NOT_DETENTION)), k),
  };
  return { k, total: tables.type.total, tables };
}
