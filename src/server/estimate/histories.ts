// Capture histories from the records (issue 12): which of the chosen channels saw each person
// documented in the period and stratum. Plain ids only.
//
// Who counts: individuals (a group's members have unknown histories, so groups are only counted
// apart), not merged away, with an act that is not a repeat in the period and stratum — the
// dashboard's period filter, so "documented" means the same on both pages.
//
// What saw them: a channel saw a person when a source of that channel is about the person, or
// about one of their acts in the period and stratum (or a repeat of such an act, which after a
// merge carries the merged record's sources), or when that channel's bundle imported the person
// or such an act. Sources about a person move to the survivor on a merge, but provenance stays on
// the merged record's id: it is followed through persons.merged_into. Only acts in the stratum
// count, so a lawyer's source about last year's arrest does not put someone on this year's list.
// A source about a whole incident puts no one on a list: it does not say which of the incident's
// people it saw, and counting them all would inflate the overlaps (and bias the estimate down).
// Those of the counted people's incidents are only counted, so the page can say they were left out.
//
// At 100,000 people every query reads an index that holds what it needs (the acts' filter columns,
// the sources' channel and target: migrations 015 and 021), never rows with their sealed parts,
// and the joins are made here in memory: a few hundred thousand short rows.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { periodFilter } from '../dashboard/filter.ts';
import { historiesFromPeople } from '../../core/estimate/histories.ts';
import type { HistoriesFilter, HistoriesView } from '../../core/estimate/request.ts';

type Stratum = Pick<HistoriesFilter, 'from' | 'to' | 'incident' | 'place' | 'actType'>;
type Db = Kysely<Database>;

const rows = async <T>(db: Db, query: RawBuilder<unknown>) => (await query.execute(db)).rows as T[];

/** The dashboard's period filter on acts `a`, narrowed to a place (the act's or its incident's) and an act type. */
function stratumFilter(f: Stratum): RawBuilder<unknown> {
  const parts = [periodFilter(f)];
  // place_ids is a JSON array of ids written by JSON.stringify; the id was checked to be a UUID.
  if (f.place) parts.push(sql`(a.place_id = ${f.place} or a.incident_id in (select i.id from incidents i where i.place_ids like ${`%"${f.place}"%`}))`);
  if (f.actType) parts.push(sql`a.type_code = ${f.actType}`);
  return sql.join(parts, sql` and `);
}

/**
 * act id → person, for the acts in the stratum and the repeats of them; the people with an act
 * that is not a repeat, and the incidents of those acts. Repeats are few (a partial index finds
 * them), so they are taken out here.
 */
async function stratumActs(db: Db, f: Stratum) {
  const repeats = await rows<{ id: string; original: string; person: string }>(db, sql`select x.id, x.duplicate_of as original, x.person_id as person from acts x where x.duplicate_of is not null`);
  const repeated = new Set(repeats.map((r) => r.id));
  const personOf = new Map<string, string>();
  const incidentsOf = new Map<string, Set<string>>();
  for (const act of await rows<{ id: string; person: string; incident: string }>(db, sql`select a.id, a.person_id as person, a.incident_id as incident from acts a where ${stratumFilter(f)}`)) {
    if (repeated.has(act.id)) continue;
    personOf.set(act.id, act.person);
    let incidents = incidentsOf.get(act.person);
    if (!incidents) incidentsOf.set(act.person, (incidents = new Set()));
    incidents.add(act.incident);
  }
  for (const r of repeats) if (personOf.has(r.original)) personOf.set(r.id, r.person);
  return { personOf, people: new Set(incidentsOf.keys()), incidentsOf };
}

/** merged id → the record it now lives in, following merges of merges. */
async function survivors(db: Db): Promise<(id: string) => string> {
  const merged = new Map((await rows<{ id: string; survivor: string }>(db, sql`select p.id, p.merged_into as survivor from persons p where p.merged_into is not null`)).map((r) => [r.id, r.survivor]));
  return (id) => {
    for (let hops = 0; merged.has(id) && hops <= merged.size; hops++) id = merged.get(id)!;
    return id;
  };
}

/**
 * What list `i` saw: the acts and people its sources are about, and those its bundles brought.
 * One query per list and kind, of ids alone: at 100,000 people, building rows is most of the cost.
 */
async function seenBy(db: Db, channel: string) {
  const targets = async (type: 'act' | 'person' | 'incident') =>
    (await rows<{ id: string }>(db, sql`select s.target_id as id from sources s where s.channel_id = ${channel} and s.target_type = ${type}`)).map((r) => r.id);
  const imported = await rows<{ type: string; id: string }>(
    db,
    sql`select pr.record_type as type, pr.record_id as id from bundle_imports b join provenance pr on pr.bundle_id = b.bundle_id where b.channel_id = ${channel} and pr.record_type in ('act', 'person')`,
  );
  const of = (type: string) => imported.filter((r) => r.type === type).map((r) => r.id);
  return { acts: [...(await targets('act')), ...of('act')], people: [...(await targets('person')), ...of('person')], incidents: await targets('incident') };
}

export async function captureHistories(db: Db, channels: readonly string[], f: Stratum): Promise<HistoriesView> {
  const { personOf, people, incidentsOf } = await stratumActs(db, f);
  const groupIds = new Set((await rows<{ id: string }>(db, sql`select p.id from persons p where p.counting_unit <> 'individual'`)).map((r) => r.id));
  const survivorOf = await survivors(db);
  // Acts move to the survivor on a merge, so an act's person is never merged away; the check is cheap.
  const documented = [...people].filter((id) => survivorOf(id) === id);
  const individuals = new Set(documented.filter((id) => !groupIds.has(id)));
  const seen = new Map<string, Set<number>>();
  const saw = (person: string | undefined, list: number) => {
    if (!person || !individuals.has(person)) return;
    let lists = seen.get(person);
    if (!lists) seen.set(person, (lists = new Set()));
    lists.add(list);
  };
  // The incidents of the individuals counted: their sources are the ones the page says were left out.
  const incidents = new Set([...individuals].flatMap((person) => [...incidentsOf.get(person)!]));
  let incidentSources = 0;
  for (const [list, channel] of channels.entries()) {
    const { acts, people, incidents: about } = await seenBy(db, channel);
    for (const act of acts) saw(personOf.get(act), list);
    for (const person of people) saw(survivorOf(person), list);
    incidentSources += about.filter((incident) => incidents.has(incident)).length;
  }
  const histories = historiesFromPeople(channels.length, seen.values());
  return {
    channels: [...channels],
    counts: [...histories.counts],
    documented: individuals.size,
    onNoList: individuals.size - seen.size,
    groups: documented.length - individuals.size,
    incidentSources,
  };
}
