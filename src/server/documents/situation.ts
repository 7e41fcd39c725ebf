// The numbers of a situation report, computed from plain columns as the records stood AT a
// moment: every act, person, detention and involvement is taken at its latest version recorded
// by then (record_versions keeps each version's plain fields with its time), so a report "as of
// Tuesday 18:00" says what the team knew then, not what it learned later. Consent is the one
// exception: it is read as it is now, because a withdrawn consent must be obeyed at once.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { IN_CUSTODY } from '../../core/records/vocabulary-words.ts';
import { SITUATION_FORMAT, type Count, type SituationNumbers } from '../../core/documents/situation-numbers.ts';
import { codeOf } from '../records/store.ts';
import { mergedConsents, type Consent } from '../linkage/consent.ts';

type Plain = Record<string, unknown>;

/** Each record of `type` at its latest version changed at or before `asOf`. */
async function stateAsOf(db: Kysely<Database>, type: 'act' | 'person' | 'detention' | 'involvement', asOf: string): Promise<Map<string, Plain>> {
  const rows = await db
    .selectFrom('record_versions')
    .select(['record_id', 'version', 'plain'])
    .where('record_type', '=', type)
    .where('changed_at', '<=', asOf)
    .orderBy('record_id')
    .orderBy('version')
    .execute();
  const state = new Map<string, Plain>();
  for (const row of rows) {
    const plain = JSON.parse(row.plain) as Plain;
    // A transfer's version records only where the person was moved; the rest of the detention stays.
    if (type === 'detention' && !('status' in plain)) {
      const before = state.get(row.record_id);
      if (before && typeof plain.transferredTo === 'string') state.set(row.record_id, { ...before, held_at: plain.transferredTo });
      continue;
    }
    state.set(row.record_id, plain);
  }
  return state;
}

/** The first and last day a partial date ('2026', '2026-11', '2026-11-03') can mean. */
const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const lastDay = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

function tally<K>(entries: Iterable<[K, string]>): Map<K, Set<string>> {
  const out = new Map<K, Set<string>>();
  for (const [key, value] of entries) {
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(value);
  }
  return out;
}

export interface SituationScope {
  asOf: string;
  from: string | null;
  to: string | null;
  incidentIds: string[];
}

/**
 * Acts in scope: of the chosen incidents, and dated within the range (an act of unknown date is
 * left out when a range is asked for: it cannot be placed in it). An act another record of the
 * same person repeats (after a merge, migration 019) is counted once — from the moment the merge
 * had made them one person's, not before.
 */
function actsInScope(acts: Map<string, Plain>, repeats: { id: string; duplicate_of: string | null }[], scope: SituationScope): Map<string, Plain> {
  const repeatOf = new Map(repeats.map((r) => [r.id, r.duplicate_of!]));
  const repeated = (id: string, act: Plain) => repeatOf.has(id) && acts.get(repeatOf.get(id)!)?.person_id === act.person_id;
  const inScope = new Map<string, Plain>();
  for (const [id, act] of acts) {
    if (repeated(id, act)) continue;
    if (scope.incidentIds.length && !scope.incidentIds.includes(String(act.incident_id))) continue;
    const start = act.date_start as string | null;
    const end = (act.date_end as string | null) ?? start;
    if (scope.from || scope.to) {
      if (!start || !end) continue;
      if (scope.from && lastDay(end) < scope.from) continue;
      if (scope.to && firstDay(start) > scope.to) continue;
    }
    inScope.set(id, act);
  }
  return inScope;
}

/**
 * Custody as it stood: each detention of an act in scope, at its version of that moment. A person
 * with two detentions counts once, as held if either holds them.
 */
function custodyOf(detentions: Map<string, Plain>, inScope: Map<string, Plain>, personOf: (actId: string) => string) {
  const custody = [...detentions].filter(([actId]) => inScope.has(actId));
  const held = new Set<string>();
  const released = new Set<string>();
  const heldAt = new Map<string, string | null>();
  const sentenced = new Map<string, number>();
  const fined = new Set<string>();
  for (const [actId, d] of custody) {
    const person = personOf(actId);
    if ((IN_CUSTODY as readonly string[]).includes(String(d.status))) {
      held.add(person);
      heldAt.set(person, (d.held_at as string | null) ?? null);
    } else if (d.status === 'released') released.add(person);
    if (d.decision === 'detention' && d.detention_days) sentenced.set(person, Math.max(sentenced.get(person) ?? 0, Number(d.detention_days)));
    if (d.decision === 'fine') fined.add(person);
  }
  for (const p of held) released.delete(p);
  return { detentions: custody.length, held, released, heldAt, sentenced, fined };
}

/**
 * The people in scope who agreed to a public account. Filtered here rather than in SQL: a
 * crackdown's worth of people would exceed a query's parameters. A person whose records were
 * merged gives a public account only if every record consented.
 */
async function publicAccounts(db: Kysely<Database>, peopleIn: Set<string>): Promise<SituationNumbers['publicAccounts']> {
  if (peopleIn.size === 0) return [];
  const merged: Map<string, Consent> = await mergedConsents(db);
  const consenting = (await db.selectFrom('persons').select(['id', 'seq']).where('consent_sharing', '=', 'public').orderBy('seq').execute()).filter(
    (p) => peopleIn.has(p.id) && (merged.get(p.id)?.consentSharing ?? 'public') === 'public',
  );
  return consenting.map((p) => ({ personId: p.id, code: codeOf('person', Number(p.seq)) }));
}

export async function situationNumbers(db: Kysely<Database>, scope: SituationScope): Promise<SituationNumbers> {
  const [acts, persons, detentions, involvements, organization, repeats] = await Promise.all([
    stateAsOf(db, 'act', scope.asOf),
    stateAsOf(db, 'person', scope.asOf),
    stateAsOf(db, 'detention', scope.asOf),
    stateAsOf(db, 'involvement', scope.asOf),
    db.selectFrom('organization').select(['name', 'public_title']).executeTakeFirst(),
    db.selectFrom('acts').select(['id', 'duplicate_of']).where('duplicate_of', 'is not', null).execute(),
  ]);
  const inScope = actsInScope(acts, repeats, scope);

  const personOf = (actId: string) => String(inScope.get(actId)!.person_id);
  const peopleIn = new Set([...inScope.keys()].map(personOf));
  const sizeOf = (personId: string) => {
    const p = persons.get(personId);
    return p?.counting_unit === 'group' ? Number(p.group_size ?? 1) : 1;
  };
  const individuals = (ids: Iterable<string>) => [...ids].reduce((n, id) => n + sizeOf(id), 0);
  const count = (actIds: Set<string>): Count => ({ acts: actIds.size, people: individuals(new Set([...actIds].map(personOf))) });

  const dates = [...inScope.values()].flatMap((a) => [a.date_start, a.date_end].filter((d): d is string => typeof d === 'string'));
  dates.sort();

  const custody = custodyOf(detentions, inScope, personOf);
  const sentenceDays = tally([...custody.sentenced].map(([person, days]) => [days, person] as [number, string]));
  const heldByPlace = tally([...custody.heldAt].map(([person, place]) => [place, person] as [string | null, string]));

  const byType = tally([...inScope].map(([id, a]) => [String(a.type_code), id] as [string, string]));
  const byPlace = tally([...inScope].map(([id, a]) => [(a.place_id as string | null) ?? null, id] as [string | null, string]));
  const byUnit = tally(
    [...involvements.values()]
      .filter((v) => inScope.has(String(v.act_id)))
      .map((v) => [`${(v.unit_id as string | null) ?? ''}|${String(v.perpetrator_type)}`, String(v.act_id)] as [string, string]),
  );
  const largestFirst = <T extends Count>(rows: T[]) => rows.sort((a, b) => b.acts - a.acts || b.people - a.people);

  return {
    format: SITUATION_FORMAT,
    asOf: scope.asOf,
    from: scope.from,
    to: scope.to,
    incidentIds: scope.incidentIds,
    organization: { name: organization?.name ?? '', publicTitle: organization?.public_title ?? '' },
    acts: inScope.size,
    incidents: new Set([...inScope.values()].map((a) => String(a.incident_id))).size,
    people: { records: peopleIn.size, individuals: individuals(peopleIn) },
    period: { first: dates[0] ?? null, last: dates.at(-1) ?? null },
    custody: {
      detentions: custody.detentions,
      held: individuals(custody.held),
      released: individuals(custody.released),
      sentenced: individuals(custody.sentenced.keys()),
      fined: individuals(custody.fined),
      sentenceDays: [...sentenceDays].map(([days, people]) => ({ days, people: individuals(people) })).sort((a, b) => a.days - b.days),
    },
    byActType: largestFirst([...byType].map(([code, ids]) => ({ code, ...count(ids) }))),
    byPlace: largestFirst([...byPlace].map(([placeId, ids]) => ({ placeId, ...count(ids) }))),
    heldByPlace: [...heldByPlace].map(([placeId, people]) => ({ placeId, people: individuals(people) })).sort((a, b) => b.people - a.people),
    byUnit: largestFirst(
      [...byUnit].map(([key, ids]) => {
        const [unit, perpetratorType] = key.split('|') as [string, string];
        return { unitId: unit || null, perpetratorType, ...count(ids) };
      }),
    ),
    publicAccounts: await publicAccounts(db, peopleIn),
  };
}
