// Who and what an opened report or a partner's person may be (issue 11): the session's linkage
// (linkage/linker.ts, in a worker) asked "who on record is most like this name?"; the incidents
// near in date at a place the text mentions. Everything here is opened and compared on this
// page; the server only ever sees the record ids of a link or a merge the member chooses.
import type { Vault } from '../session/vault.ts';
import type { LinkageRecord } from '../linkage/people.ts';
import { canLink, linkerOf } from '../linkage/linker.ts';
import { reasonsLine, reasonsOf } from '../linkage/reasons.ts';
import type { LinkagePerson } from '../../../core/linkage/compare.ts';
import { daysApart, namesMentioned, placesMentioned } from '../../../core/linkage/mentions.ts';
import { isDay } from '../../../core/records/custody.ts';
import { labelOf, listAllRecords, type RecordView, type RegistryEntry, registryEntries } from './client.ts';
import { LOCALES } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';

type IncidentPlain = { dateStart: string | null; placeIds: string[] };

/** A person on record who may be the one meant, and why. */
export interface PersonLikely {
  person: LinkageRecord;
  probability: number;
  /** The name as written in the report (or the partner's record). */
  as: string;
  /** "same name in Latin and Cyrillic, held at Binagadi on the same day". */
  reasons: string;
}

/** An incident that may be the one a report tells of, and why: its place and day. */
export interface IncidentLikely {
  incident: RecordView<IncidentPlain>;
  place: RegistryEntry;
  day: string;
}

/** Reports tell of events days later, and dates are remembered loosely. */
const NEAR_DAYS = 3;
/** At most this many of each are suggested: the member's list stays short. */
const MOST = 5;

/**
 * The people on record most likely to be `person` (one not on record: a partner's, a name in a
 * report), asked of the session's linkage worker; `placeId` is where `person` was, for the reasons.
 */
export async function likelyPeople(vault: Vault, person: LinkagePerson, { limit = MOST, placeId = null as string | null } = {}): Promise<PersonLikely[]> {
  if (!canLink(vault)) return [];
  const linker = linkerOf(vault);
  const [matches, entries] = await Promise.all([linker.matchesOf(person, limit), registryEntries(vault)]);
  const label = (id: string) => (entries.some((e) => e.id === id) ? labelOf(entries, id) : '');
  return matches.flatMap((s) => {
    const found = linker.last?.byId.get(s.a === person.id ? s.b : s.a);
    if (!found) return [];
    const reasons = reasonsLine(reasonsOf(s, { name: person.name, placeId, held: found.held }, found, label));
    return [{ person: found, probability: s.probability, as: person.name, reasons }];
  });
}

const placeLabels = (entries: RegistryEntry[]) => entries.filter((e) => e.kind === 'place').map((e) => ({ id: e.id, labels: [e.labels.en, e.labels.az, e.labels.ru] }));

/**
 * What a report's text may be about: people named in it (each person once, under the name most
 * like them) and incidents within a few days of `day` at a place the text mentions.
 */
export async function likelyForReport(vault: Vault, text: string, day: string | null, { people: lookForPeople = true } = {}): Promise<{ people: PersonLikely[]; incidents: IncidentLikely[] }> {
  const entries = await registryEntries(vault);
  const places = placesMentioned(text, placeLabels(entries));
  const placeCode = places.length === 1 ? (entries.find((e) => e.id === places[0])?.code ?? null) : null;
  const placeId = places.length === 1 ? places[0]! : null;
  const best = new Map<string, PersonLikely>();
  for (const [i, name] of lookForPeople ? namesMentioned(text).entries() : []) {
    // The report's one place and day count for the person too ("held at Binagadi on the same day").
    for (const match of await likelyPeople(vault, { id: `mention-${i}`, name, place: placeCode, eventDate: day }, { placeId })) {
      const seen = best.get(match.person.id);
      if (!seen || seen.probability < match.probability) best.set(match.person.id, match);
    }
  }
  const people = [...best.values()].sort((a, b) => b.probability - a.probability).slice(0, MOST);

  const incidents: IncidentLikely[] = [];
  if (day && places.length > 0) {
    // Only their plain dates and places: nothing is opened but the titles of those suggested.
    for (const incident of await listAllRecords<IncidentPlain>('incident')) {
      const date = incident.plain.dateStart;
      const at = incident.plain.placeIds.find((id) => places.includes(id));
      if (!at || !date || !isDay(date) || daysApart(date, day) > NEAR_DAYS) continue;
      incidents.push({ incident, place: entries.find((e) => e.id === at)!, day: date });
      if (incidents.length === MOST) break;
    }
  }
  return { people, incidents };
}

/** "3 Nov": the day as a reason reads it, in the workspace's language. */
export const shortDay = (day: string): string => new Date(`${day}T00:00:00Z`).toLocaleDateString(LOCALES[currentLanguage()], { day: 'numeric', month: 'short', timeZone: 'UTC' });
