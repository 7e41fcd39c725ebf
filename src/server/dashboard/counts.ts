// The dashboard's numbers: a few grouped queries over the acts in the filter (filter.ts), folded
// here into the tables the workspace draws. Nothing sealed is read; only plain columns.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { columnTypes } from '../storage/dialect.ts';
import { DETAINED, actFilter, actSources as actSourcesOf, hasRange } from './filter.ts';
import { actSourceGroups, type SourceGroups } from './act-sources.ts';
import { IMPRECISE, NONE, SOURCE_GROUPS, isoWeek, periodsBetween, type Cell, type Dashboard, type DashboardFilter } from '../../core/dashboard/dashboard.ts';

type Row = { k: string | number | null; n: string | number };
type DetentionRow = { person: string; status: string; decision: string; days: number | null };

function tally(keys: string[]): Row[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([k, n]) => ({ k, n }));
}

async function rows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

const cells = (list: Row[]): Cell[] => list.map((r) => ({ key: r.k === null ? NONE : String(r.k), count: Number(r.n) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/** A table of acts: `missing` acts had no value and are counted under NONE, so the table sums to the acts. */
function withNone(list: Cell[], missing: number): Cell[] {
  return missing > 0 ? [...list, { key: NONE, count: missing }] : list;
}

function median(byLength: { days: number; count: number }[], total: number): number | null {
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const l of byLength) if ((seen += l.count) > index) return l.days;
    return byLength.at(-1)!.days;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Facts by number of sources, from a query of one row per fact with its count `n` (facts without
 * sources may be left out: `total` says how many facts there are). Summed in one row rather than
 * grouped: no temporary table.
 */
async function sourceGroups(db: Kysely<Database>, perFact: RawBuilder<unknown>): Promise<SourceGroups> {
  const row = (await sql`select sum(case when t.n = 1 then 1 else 0 end) as one, sum(case when t.n = 2 then 1 else 0 end) as two, sum(case when t.n >= 3 then 1 else 0 end) as more, count(*) as listed from (${perFact}) t`.execute(db)).rows[0] as Record<keyof SourceGroups, string | number | null>;
  return { one: Number(row.one ?? 0), two: Number(row.two ?? 0), more: Number(row.more ?? 0), listed: Number(row.listed ?? 0) };
}

/** 0, 1, 2, 3+ sources: those without are the facts not counted in the other three. */
function sourceCells(g: SourceGroups, total: number): Cell[] {
  const counts: Record<(typeof SOURCE_GROUPS)[number], number> = { '0': total - g.one - g.two - g.more, '1': g.one, '2': g.two, '3+': g.more };
  return SOURCE_GROUPS.map((key) => ({ key, count: counts[key] }));
}

export async function dashboardCounts(db: Kysely<Database>, f: DashboardFilter, incidentCode: string | null): Promise<Dashboard> {
  const F = actFilter(f);
  // Which table drives each join: the acts when a filter makes them few, else the smaller table
  // (detentions, involvements, sources). "cross join" fixes the order for SQLite's planner, which
  // has no statistics to go by, and "indexed by" makes its look-ups of acts by id read the covering
  // index (its own choice, the unique index on id, reads each act's row: 5× slower at 100,000).
  // PostgreSQL plans these as any inner join.
  const actsFirst = !!f.incident || hasRange(f);
  const actsById = columnTypes(db as Kysely<unknown>).isSqlite ? sql`acts a indexed by acts_dashboard_id` : sql`acts a`;
  const joinActs = (other: RawBuilder<unknown>) => (actsFirst ? sql`acts a cross join ${other}` : sql`${other} cross join ${actsById}`);
  const withDetention = joinActs(sql`detentions d`);
  const joined = sql`a.id = d.act_id`;
  // One query per table: each is a grouped scan an index can serve (migration 015).
  const dates = await rows(db, sql`select a.date_start_precision as p, a.date_start as k, count(*) as n from acts a where ${F} group by a.date_start_precision, a.date_start`);
  const byType = await rows(db, sql`select a.type_code as k, count(*) as n from acts a where ${F} group by a.type_code`);
  const byPlace = await rows(db, sql`select a.place_id as k, count(*) as n from acts a where ${F} group by a.place_id`);
  const [documented] = await rows(db, sql`select null as k, count(distinct a.person_id) as n from acts a where ${F}`);
  // Detentions are few beside the acts: read once and tallied here (status, people, sentence
  // lengths) rather than grouped three times in SQL. DETAINED mirrors the drill-downs' conditions.
  const detentions = (await sql`select a.person_id as person, d.status as status, d.decision as decision, d.detention_days as days from ${withDetention} where ${joined} and ${F}`.execute(db)).rows as DetentionRow[];
  // Without a filter every act counts but the few repeated after a merge, and every involvement's
  // act exists (a foreign key), so involvements are counted without the join, leaving out the
  // repeats (a partial index finds them, migration 019).
  const repeats = sql`(select r.id from acts r where r.duplicate_of is not null)`;
  const units = actsFirst
    ? sql`${joinActs(sql`involvements i`)} where a.id = i.act_id and i.unit_id is not null and ${F}`
    : sql`involvements i where i.unit_id is not null and i.act_id not in ${repeats}`;
  const byUnit = await rows(db, sql`select i.unit_id as k, count(distinct i.act_id) as n from ${units} group by i.unit_id`);
  const [withUnit] = await rows(db, sql`select null as k, count(distinct i.act_id) as n from ${units}`);
  // An act's sources are its own and its incident's, a report once (filter.ts actSources, which
  // the drill-downs use too): looked up per act through the sources' (type, target) index.
  // Filtered, one look-up per act kept (filter.ts, as the drill-downs); unfiltered, grouped reads
  // joined in memory (the look-ups took 2.9 s for 100,000 acts, these 2.3 s — bench/dashboard.ts).
  const actSources = actsFirst ? await sourceGroups(db, sql`select ${actSourcesOf} as n from acts a where ${F}`) : await actSourceGroups(db, F);
  const incidentSources = await sourceGroups(
    db,
    sql`select (select count(*) from sources s where s.target_type = 'incident' and s.target_id = x.incident_id) as n from (select distinct a.incident_id from acts a where ${F}) x`,
  );
  let leftOutByRange = 0;
  if (hasRange(f)) {
    const [left] = await rows(db, sql`select null as k, count(*) as n from acts a where a.duplicate_of is null and a.date_start_precision in (${sql.join(IMPRECISE.map((p) => sql`${p}`))}) ${f.incident ? sql`and a.incident_id = ${f.incident}` : sql``}`);
    leftOutByRange = Number(left!.n);
  }

  const acts = byType.reduce((sum, r) => sum + Number(r.n), 0);
  const timeline = foldTimeline(dates as (Row & { p: string })[], f);
  const statusCells = cells(tally(detentions.map((d) => d.status)));
  const people = (test: (d: DetentionRow) => boolean) => new Set(detentions.filter(test).map((d) => d.person)).size;
  const unitCells = cells(byUnit);
  const byLength = tally(detentions.filter(DETAINED.sentenced).map((d) => String(d.days))).map((r) => ({ days: Number(r.k), count: Number(r.n) })).sort((a, b) => a.days - b.days);
  const decisions = byLength.reduce((sum, l) => sum + l.count, 0);
  const incidents = incidentSources.listed;
  return {
    v: 1,
    filter: { from: f.from ?? null, to: f.to ?? null, incident: f.incident ?? null, incidentCode, bucket: f.bucket },
    acts,
    leftOutByRange,
    timeline,
    byType: cells(byType),
    byPlace: cells(byPlace),
    byUnit: withNone(unitCells, acts - Number(withUnit?.n ?? 0)),
    byStatus: withNone(statusCells, acts - statusCells.reduce((sum, c) => sum + c.count, 0)),
    people: {
      documented: Number(documented?.n ?? 0),
      held: people(DETAINED.held),
      released: people(DETAINED.released),
      sentenced: people(DETAINED.sentenced),
      fined: people(DETAINED.fined),
    },
    sentences: {
      decisions,
      minDays: byLength[0]?.days ?? null,
      medianDays: median(byLength, decisions),
      maxDays: byLength.at(-1)?.days ?? null,
      byLength: byLength.map((l) => ({ key: String(l.days), count: l.count })),
    },
    sources: { acts: sourceCells(actSources, acts), incidents: sourceCells(incidentSources, incidents) },
  };
}

/** Days (or ISO weeks) with their acts, zeros between; acts without a day counted apart by precision. */
function foldTimeline(dates: (Row & { p: string })[], f: DashboardFilter): Dashboard['timeline'] {
  const counts = new Map<string, number>();
  const imprecise = new Map<string, number>();
  for (const r of dates) {
    const n = Number(r.n);
    if (r.p === 'day' && r.k !== null) {
      const key = f.bucket === 'week' ? isoWeek(String(r.k)) : String(r.k);
      counts.set(key, (counts.get(key) ?? 0) + n);
    } else imprecise.set(r.p, (imprecise.get(r.p) ?? 0) + n);
  }
  const days = dates.filter((r) => r.p === 'day' && r.k !== null).map((r) => String(r.k)).sort();
  const first = f.from ?? days[0];
  const last = f.to ?? days.at(-1);
  // A long range with few acts is sent as its non-empty periods only (the chart spaces them by date).
  const span = first && last ? periodsBetween(first, last, f.bucket) : [];
  const keys = span ?? [...counts.keys()].sort();
  return {
    bucket: f.bucket,
    points: keys.map((key) => ({ key, count: counts.get(key) ?? 0 })),
    imprecise: IMPRECISE.filter((p) => imprecise.has(p)).map((p) => ({ key: p, count: imprecise.get(p)! })),
  };
}
