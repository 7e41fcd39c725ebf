// How many sources each act has: its own and its incident's (the report an incident was made from
// speaks of each of its acts), a report linked to both counted once. Counted from four grouped
// reads joined here in memory: the same count as one correlated sub-query per act (filter.ts
// actSources, which the drill-downs use), which took 2.9 s for 100,000 acts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../storage/schema.ts';

export type SourceGroups = { one: number; two: number; more: number; listed: number };

type Count = { id: string; n: number | string };

const countsById = (rows: Count[]) => new Map(rows.map((r) => [r.id, Number(r.n)]));

async function read<T>(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

/** Acts (those `where` keeps, over `acts a`) by 1, 2, 3+ sources; `listed`: acts with any. */
export async function actSourceGroups(db: Kysely<Database>, where: RawBuilder<unknown>): Promise<SourceGroups> {
  const distinctSources = (type: string) => sql`select s.target_id as id, count(distinct coalesce(s.report_id, s.id)) as n from sources s where s.target_type = ${type} group by s.target_id`;
  const [acts, own, ofIncident, both] = await Promise.all([
    read<{ id: string; incident: string }>(db, sql`select a.id as id, a.incident_id as incident from acts a where ${where}`),
    read<Count>(db, distinctSources('act')),
    read<Count>(db, distinctSources('incident')),
    read<Count>(db, sql`select s.target_id as id, count(distinct s.report_id) as n from sources s join acts b on b.id = s.target_id join sources t on t.target_type = 'incident' and t.target_id = b.incident_id and t.report_id = s.report_id where s.target_type = 'act' and s.report_id is not null group by s.target_id`),
  ]);
  const [ownOf, incidentOf, bothOf] = [countsById(own), countsById(ofIncident), countsById(both)];
  const groups: SourceGroups = { one: 0, two: 0, more: 0, listed: 0 };
  for (const act of acts) {
    const n = (ownOf.get(act.id) ?? 0) + (incidentOf.get(act.incident) ?? 0) - (bothOf.get(act.id) ?? 0);
    if (n === 0) continue;
    groups.listed += 1;
    if (n === 1) groups.one += 1;
    else if (n === 2) groups.two += 1;
    else groups.more += 1;
  }
  return groups;
}
