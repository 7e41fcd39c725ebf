// The records behind a number: the acts in the filter that meet the number's condition
// (filter.ts), newest first, a page at a time; for numbers of people or incidents, one row per
// person or incident (their latest act of that kind). `total` is counted by the same condition, so
// it is the number the dashboard showed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { GROUPED, actFilter, drillCondition } from './filter.ts';
import { codeOf } from '../records/store.ts';
import { DRILL_PAGE, type DrillDown, type DrillQuery } from '../../core/dashboard/dashboard.ts';

interface Row {
  id: string;
  seq: number;
  type_code: string;
  date_start: string | null;
  date_start_precision: string;
  date_end: string | null;
  place_id: string | null;
  incident_id: string;
  incident_seq: number;
  person_id: string;
  person_seq: number;
  status: string | null;
}

export async function drillDown(db: Kysely<Database>, q: DrillQuery): Promise<DrillDown> {
  const where = sql`${actFilter(q)} and ${drillCondition(q.by, q.value)}`;
  const from = sql`acts a left join detentions d on d.act_id = a.id`;
  const group = GROUPED[q.by];
  const counted = group ? sql`count(distinct ${sql.ref(`a.${group}`)})` : sql`count(*)`;
  const total = Number(((await sql`select ${counted} as n from ${from} where ${where}`.execute(db)).rows[0] as { n: string | number }).n);
  const chosen = group ? sql`a.seq in (select max(a.seq) from ${from} where ${where} group by ${sql.ref(`a.${group}`)})` : where;
  const offset = (q.page - 1) * DRILL_PAGE;
  const rows = (
    await sql`select a.id, a.seq, a.type_code, a.date_start, a.date_start_precision, a.date_end, a.place_id, a.incident_id, i.seq as incident_seq, a.person_id, p.seq as person_seq, d.status
      from ${from} join incidents i on i.id = a.incident_id join persons p on p.id = a.person_id
      where ${chosen} order by a.seq desc limit ${DRILL_PAGE} offset ${offset}`.execute(db)
  ).rows as Row[];
  return {
    v: 1,
    by: q.by,
    value: q.value ?? null,
    total,
    page: q.page,
    pageSize: DRILL_PAGE,
    rows: rows.map((r) => ({
      actId: r.id,
      actCode: codeOf('act', Number(r.seq)),
      typeCode: r.type_code,
      dateStart: r.date_start,
      datePrecision: r.date_start_precision,
      dateEnd: r.date_end,
      placeId: r.place_id,
      incidentId: r.incident_id,
      incidentCode: codeOf('incident', Number(r.incident_seq)),
      personId: r.person_id,
      personCode: codeOf('person', Number(r.person_seq)),
      detentionStatus: r.status,
    })),
  };
}
