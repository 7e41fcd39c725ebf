// Capture histories from the records (issue 12): which of the chosen channels saw each person
// documented in the period and stratum. Plain ids only: two grouped queries, folded here.
//
// Who counts: individuals (a group's members have unknown histories, so groups are only counted
// apart), not merged away, with an act that is not a repeat in the period and stratum — the
// dashboard's act filter, so "documented" means the same on both pages.
//
// What saw them: a channel saw a person when a source of that channel is about the person, or
// about one of their acts in the period and stratum (or a repeat of such an act, which after a
// merge carries the merged record's sources), or when that channel's bundle imported the person
// or such an act. Sources about a person move to the survivor on a merge, but provenance stays on
// the merged record's id: it is followed through persons.merged_into. Only acts in the stratum
// count, so a lawyer's source about last year's arrest does not put someone on this year's list.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { actFilter } from '../dashboard/filter.ts';
import { historiesFromPeople } from '../../core/estimate/histories.ts';
import type { HistoriesFilter, HistoriesView } from '../../core/estimate/request.ts';

type Stratum = Pick<HistoriesFilter, 'from' | 'to' | 'incident' | 'place' | 'actType'>;

/** The dashboard's filter on acts `a`, narrowed to a place (the act's or its incident's) and an act type. */
function stratumFilter(f: Stratum): RawBuilder<unknown> {
  const parts = [actFilter(f)];
  // place_ids is a JSON array of ids written by JSON.stringify; the id was checked to be a UUID.
  if (f.place) parts.push(sql`(a.place_id = ${f.place} or a.incident_id in (select i.id from incidents i where i.place_ids like ${`%"${f.place}"%`}))`);
  if (f.actType) parts.push(sql`a.type_code = ${f.actType}`);
  return sql.join(parts, sql` and `);
}

async function documentedPeople(db: Kysely<Database>, where: RawBuilder<unknown>) {
  const rows = (await sql`select distinct a.person_id as id, p.counting_unit as unit from acts a join persons p on p.id = a.person_id where ${where} and p.merged_into is null`.execute(db)).rows as { id: string; unit: string }[];
  const individuals = new Set(rows.filter((r) => r.unit === 'individual').map((r) => r.id));
  return { individuals, groups: rows.length - individuals.size };
}

/** Every (person, channel) seen, for the chosen channels; the person may be a merged record's id. */
async function sightings(db: Kysely<Database>, where: RawBuilder<unknown>, channels: readonly string[]) {
  const chosen = sql.join(channels.map((c) => sql`${c}`));
  const acts = sql`select a.id, a.person_id from acts a where ${where}
    union all select x.id, a.person_id from acts x join acts a on a.id = x.duplicate_of where x.duplicate_of is not null and ${where}`;
  const bundle = sql`join bundle_imports b on b.bundle_id = pr.bundle_id`;
  const query = sql`with stratum_acts (id, person_id) as (${acts})
    select c.person_id as person, s.channel_id as channel from stratum_acts c join sources s on s.target_type = 'act' and s.target_id = c.id where s.channel_id in (${chosen})
    union select c.person_id, b.channel_id from stratum_acts c join provenance pr on pr.record_type = 'act' and pr.record_id = c.id ${bundle} where b.channel_id in (${chosen})
    union select s.target_id, s.channel_id from sources s where s.target_type = 'person' and s.channel_id in (${chosen})
    union select pr.record_id, b.channel_id from provenance pr ${bundle} where pr.record_type = 'person' and b.channel_id in (${chosen})`;
  return (await query.execute(db)).rows as { person: string; channel: string }[];
}

/** merged id → the record it now lives in, following merges of merges. */
async function survivors(db: Kysely<Database>): Promise<(id: string) => string> {
  const merged = new Map((await db.selectFrom('persons').select(['id', 'merged_into']).where('merged_into', 'is not', null).execute()).map((r) => [r.id, r.merged_into!]));
  return (id) => {
    for (let hops = 0; merged.has(id) && hops <= merged.size; hops++) id = merged.get(id)!;
    return id;
  };
}

export async function captureHistories(db: Kysely<Database>, channels: readonly string[], f: Stratum): Promise<HistoriesView> {
  const where = stratumFilter(f);
  const { individuals, groups } = await documentedPeople(db, where);
  const survivorOf = await survivors(db);
  const listOf = new Map(channels.map((c, i) => [c, i]));
  const seen = new Map<string, Set<number>>();
  for (const { person, channel } of await sightings(db, where, channels)) {
    const id = survivorOf(person);
    if (!individuals.has(id)) continue;
    let lists = seen.get(id);
    if (!lists) seen.set(id, (lists = new Set()));
    lists.add(listOf.get(channel)!);
  }
  const histories = historiesFromPeople(channels.length, seen.values());
  return { channels: [...channels], counts: [...histories.counts], documented: individuals.size, onNoList: individuals.size - seen.size, groups };
}
