// Every person on record, made ready for linkage (issue 11) in this browser: the names are opened
// here with the records key and never leave the page (the worker that compares them is this
// page's too). Place and day come from each person's first act (or where they are held), so
// "held at Binagadi on the same day" can count. A person merged into another is not linked on
// their own: their names become other names of the person they were merged into.
import { api } from '../session/api.ts';
import type { Forgettable, Vault } from '../session/vault.ts';
import { listAllRecords, openRecord, registryEntries, type RecordView } from '../records/client.ts';
import { yearOf } from '../records/birth-year.ts';
import type { LinkagePerson } from '../../../core/linkage/compare.ts';
import { actType } from '../../../core/records/vocabulary.ts';
import { isDay } from '../../../core/records/custody.ts';

/** The sealed fields linkage reads; `birthYear` is optional and sealed like the name. */
export interface PersonIdentity {
  name?: string;
  otherNames?: string;
  birthYear?: number | string | null;
}

type PersonPlain = { mergedInto?: string | null };
type ActPlain = { personId: string; typeCode: string; dateStart: string | null; placeId: string | null };

/** A person as linkage sees them, with what the workspace shows beside a suggestion. */
export interface LinkageRecord extends LinkagePerson {
  code: string;
  /** The version the member saw: a merge names it, so a record changed since is not merged blind. */
  version: number;
  createdAt: string;
  /** The place of their first act or detention (a registry id), for showing its name. */
  placeId: string | null;
  /** Whether that first act was a detention ("held at Binagadi" rather than "at Binagadi"). */
  held: boolean;
  /** Codes of the records merged into this one. */
  alsoRecordedAs: string[];
}

/**
 * Opened identities by record version, for this session: a new run opens only what changed. Only
 * the fields linkage reads are kept, not the rest of the opened person (contacts and the like).
 */
class OpenedIdentities implements Forgettable {
  readonly byVersion = new Map<string, PersonIdentity | null>();
  forget(): void {
    this.byVersion.clear();
  }
}

async function openIdentity(vault: Vault, person: RecordView): Promise<PersonIdentity | null> {
  const cache = vault.hold('linkage-identities', () => new OpenedIdentities()).byVersion;
  const key = `${person.id}@${person.version}`;
  if (!cache.has(key)) {
    const opened = await openRecord<PersonIdentity>(vault, 'person', person);
    cache.set(key, opened && { name: opened.name, otherNames: opened.otherNames, birthYear: opened.birthYear });
  }
  return cache.get(key)!;
}

/** Other names as members type them: one per line or `;`-separated (commas may sit inside a name). */
export const splitNames = (text: string | undefined): string[] => (text ?? '').split(/[;\n]/).map((n) => n.trim()).filter(Boolean);

/** The day of an act, only when known to the day (linkage compares days ±3). */
const dayOf = (date: string | null): string | null => (date && isDay(date) ? date : null);

/**
 * Each person's first act, whose place and day linkage compares: the earliest day first, undated
 * acts after dated ones, and of one day the one listed first. Records and a partner's bundle alike.
 */
export function firstActs<A>(acts: readonly A[], personOf: (act: A) => string, dateOf: (act: A) => string | null): Map<string, A> {
  const first = new Map<string, A>();
  for (const act of acts) {
    const seen = first.get(personOf(act));
    const [day, seenDay] = [dateOf(act), seen && dateOf(seen)];
    if (!seen || (day && (!seenDay || day < seenDay))) first.set(personOf(act), act);
  }
  return first;
}

/** The survivor a merged person ended up in (merges can chain: A into B, B into C). */
export function survivorOf(id: string, mergedInto: ReadonlyMap<string, string>): string {
  let at = id;
  for (let hops = 0; mergedInto.has(at) && hops < 100; hops++) at = mergedInto.get(at)!;
  return at;
}

/**
 * Everyone on record, ready for `linkPeople`: one entry per person still standing (merged records
 * folded into their survivor). People whose sealed fields do not open, or who have no name at all,
 * are left out: there is nothing to compare.
 */
export async function loadLinkagePeople(vault: Vault): Promise<LinkageRecord[]> {
  const [persons, acts, held, entries] = await Promise.all([
    listAllRecords<PersonPlain>('person'),
    listAllRecords<ActPlain>('act'),
    api<{ held: { actId: string; heldAt: string | null }[] }>('/api/board/held').then((r) => r.held),
    registryEntries(vault),
  ]);
  const heldAt = new Map(held.filter((h) => h.heldAt).map((h) => [h.actId, h.heldAt!]));
  const placeCode = new Map(entries.filter((e) => e.kind === 'place').map((e) => [e.id, e.code]));
  // Oldest record first, so of two acts on one day the one recorded first counts.
  const oldestFirst = [...acts].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const first = firstActs(oldestFirst, (act) => act.plain.personId, (act) => act.plain.dateStart);
  const mergedInto = new Map(persons.filter((p) => p.plain.mergedInto).map((p) => [p.id, p.plain.mergedInto!]));
  const opened = await Promise.all(persons.map((p) => openIdentity(vault, p)));

  const records = new Map<string, LinkageRecord>();
  persons.forEach((person, i) => {
    if (mergedInto.has(person.id)) return;
    const fields = opened[i];
    const act = first.get(person.id);
    const placeId = act ? (act.plain.placeId ?? heldAt.get(act.id) ?? null) : null;
    records.set(person.id, {
      id: person.id,
      code: person.code,
      version: person.version,
      createdAt: person.createdAt,
      name: fields?.name?.trim() ?? '',
      otherNames: splitNames(fields?.otherNames),
      birthYear: yearOf(fields?.birthYear),
      placeId,
      held: act ? (actType(act.plain.typeCode)?.detention ?? false) : false,
      place: placeId ? (placeCode.get(placeId) ?? null) : null,
      eventDate: act ? dayOf(act.plain.dateStart) : null,
      alsoRecordedAs: [],
    });
  });
  // Merged records lend their names (and a birth year the survivor lacks) to the survivor.
  persons.forEach((person, i) => {
    if (!mergedInto.has(person.id)) return;
    const survivor = records.get(survivorOf(person.id, mergedInto));
    const fields = opened[i];
    if (!survivor) return;
    survivor.alsoRecordedAs.push(person.code);
    survivor.otherNames = [...(survivor.otherNames ?? []), ...[fields?.name?.trim() ?? '', ...splitNames(fields?.otherNames)].filter(Boolean)];
    survivor.birthYear ??= yearOf(fields?.birthYear);
  });
  const named: LinkageRecord[] = [];
  for (const record of records.values()) {
    if (!record.name) {
      const [first, ...rest] = record.otherNames ?? [];
      if (!first) continue;
      record.name = first;
      record.otherNames = rest;
    }
    named.push(record);
  }
  // Oldest first: the order records were made, the same on every run.
  return named.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.code.localeCompare(b.code)));
}

/** Only what the engine reads: what is posted to the worker. */
export const linkageFields = ({ id, name, otherNames, birthYear, place, eventDate }: LinkagePerson): LinkagePerson => ({ id, name, otherNames, birthYear, place, eventDate });
