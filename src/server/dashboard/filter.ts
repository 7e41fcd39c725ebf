// The SQL both the dashboard's counts and its drill-downs are made of, so a number and the list
// behind it cannot drift apart: the filter on acts (alias `a`, detentions left-joined as `d`) and
// one condition per drill-down. Plain columns only; parameters bound, never spliced.
import { sql, type RawBuilder } from 'kysely';
import { IN_CUSTODY } from '../../core/records/vocabulary-words.ts';
import { NONE, isoWeekStart, type DashboardFilter, type DrillBy } from '../../core/dashboard/dashboard.ts';
import { addDays } from '../../core/records/custody.ts';

type Condition = RawBuilder<unknown>;
const and = (parts: Condition[]): Condition => (parts.length ? sql.join(parts, sql` and `) : sql`1 = 1`);

/**
 * Acts of the incident (when given) and, with a date range, dated to the day within it; never an
 * act that repeats another record of the same person's (after a merge: one arrest, one count).
 */
export function actFilter(f: Pick<DashboardFilter, 'from' | 'to' | 'incident'>): Condition {
  return and([sql`a.duplicate_of is null`, ...periodParts(f)]);
}

/** The incident and date range alone, repeats included (the estimate finds those by their own index). */
export const periodFilter = (f: Pick<DashboardFilter, 'from' | 'to' | 'incident'>): Condition => and(periodParts(f));

function periodParts(f: Pick<DashboardFilter, 'from' | 'to' | 'incident'>): Condition[] {
  const parts: Condition[] = [];
  if (f.incident) parts.push(sql`a.incident_id = ${f.incident}`);
  if (f.from || f.to) parts.push(sql`a.date_start_precision = 'day'`);
  if (f.from) parts.push(sql`a.date_start >= ${f.from}`);
  if (f.to) parts.push(sql`a.date_start <= ${f.to}`);
  return parts;
}

export const hasRange = (f: Pick<DashboardFilter, 'from' | 'to'>) => !!(f.from || f.to);

const inCustody = sql.join(IN_CUSTODY.map((s) => sql`${s}`));
export const CONDITIONS = {
  held: sql`d.status in (${inCustody})`,
  released: sql`d.status = 'released'`,
  sentenced: sql`d.decision = 'detention'`,
  fined: sql`d.decision = 'fine'`,
};
/** The same conditions on a detention read into memory (counts.ts tallies detentions there). */
export const DETAINED: Record<keyof typeof CONDITIONS, (d: { status: string; decision: string }) => boolean> = {
  held: (d) => (IN_CUSTODY as readonly string[]).includes(d.status),
  released: (d) => d.status === 'released',
  sentenced: (d) => d.decision === 'detention',
  fined: (d) => d.decision === 'fine',
};

/**
 * Sources of the act: its own and its incident's — a source about the incident (a report made into
 * it, first of all) speaks of each of its acts — one report counted once however often it is linked.
 */
export const actSources = sql`(select count(distinct coalesce(s.report_id, s.id)) from sources s where (s.target_type = 'act' and s.target_id = a.id) or (s.target_type = 'incident' and s.target_id = a.incident_id))`;
/** Sources of the act's incident. */
export const incidentSources = sql`(select count(*) from sources s where s.target_type = 'incident' and s.target_id = a.incident_id)`;

function sourceCondition(count: RawBuilder<unknown>, group: string): Condition {
  return group === '3+' ? sql`${count} >= 3` : sql`${count} = ${Number(group)}`;
}

/** Drill-downs that list one row per person or per incident (their latest act in the filter) rather than acts. */
export const GROUPED: Partial<Record<DrillBy, 'person_id' | 'incident_id'>> = {
  people: 'person_id',
  held: 'person_id',
  released: 'person_id',
  sentenced: 'person_id',
  fined: 'person_id',
  'incident-sources': 'incident_id',
};

/** The acts behind one number: the condition added to the filter. `value` was checked by drillQuery. */
export function drillCondition(by: DrillBy, value: string | undefined): Condition {
  const v = value ?? '';
  switch (by) {
    case 'all':
    case 'people':
      return sql`1 = 1`;
    case 'held':
    case 'released':
    case 'sentenced':
    case 'fined':
      return CONDITIONS[by];
    case 'period': {
      if (v === 'month' || v === 'year' || v === 'unknown') return sql`a.date_start_precision = ${v}`;
      const monday = isoWeekStart(v);
      if (monday) return sql`a.date_start_precision = 'day' and a.date_start >= ${monday} and a.date_start <= ${addDays(monday, 6)}`;
      return sql`a.date_start_precision = 'day' and a.date_start = ${v}`;
    }
    case 'type':
      return sql`a.type_code = ${v}`;
    case 'place':
      return v === NONE ? sql`a.place_id is null` : sql`a.place_id = ${v}`;
    case 'unit':
      return v === NONE
        ? sql`not exists (select 1 from involvements i where i.act_id = a.id and i.unit_id is not null)`
        : sql`exists (select 1 from involvements i where i.act_id = a.id and i.unit_id = ${v})`;
    case 'status':
      return v === NONE ? sql`d.act_id is null` : sql`d.status = ${v}`;
    case 'sentence':
      return sql`d.decision = 'detention' and d.detention_days = ${Number(v)}`;
    case 'sources':
      return sourceCondition(actSources, v);
    case 'incident-sources':
      return sourceCondition(incidentSources, v);
  }
}
