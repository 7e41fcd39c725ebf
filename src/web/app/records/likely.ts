// Who and what an opened report or a partner's person may be (issue 11): the people on record
// linked once per session in this browser, then asked "who is most like this name?"; the incidents
// near in date and place. Everything here is opened and compared on this page; the server only
// ever sees the record ids of a link or a merge the member chooses.
import type { Forgettable, Vault } from '../vault.ts';
import { loadLinkagePeople, type LinkageRecord } from '../linkage/people.ts';
import { linkPeople, type Linkage } from '../../../core/linkage/link.ts';
import type { LinkagePerson } from '../../../core/linkage/compare.ts';
import { daysApart, namesMentioned, placesMentioned } from '../../../core/linkage/mentions.ts';
import { listAllRecords, registryEntries, type RecordView, type RegistryEntry } from './client.ts';

type IncidentPlain = { dateStart: string | null; placeIds: string[] };

/** A person on record who may be the one meant, and why. */
export interface PersonLikely {
  person: LinkageRecord;
  probability: number;
  /** The name as written in the report (or the partner's record). */
  as: string;
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

interface Linked {
  byId: Map<string, LinkageRecord>;
  linkage: Linkage;
}

/**
 * The session's people, linked once (on this page's thread: a list of a few thousand takes a moment),
 * and the incidents' plain dates and places. Forgotten on lock; `changed()` after people are added.
 */
class Likely implements Forgettable {
  private linked: Promise<Linked> | null = null;
  private incidents: Promise<RecordView<IncidentPlain>[]> | null = null;
  constructor(private readonly vault: Vault) {}

  people(): Promise<Linked> {
    this.linked ??= loadLinkagePeople(this.vault).then((people) => ({ byId: new Map(people.map((p) => [p.id, p])), linkage: linkPeople(people) }));
    this.linked.catch(() => (this.linked = null));
    return this.linked;
  }

  allIncidents(): Promise<RecordView<IncidentPlain>[]> {
    this.incidents ??= listAllRecords<IncidentPlain>('incident');
    this.incidents.catch(() => (this.incidents = null));
    return this.incidents;
  }

  changed(): void {
    this.forget();
  }

  forget(): void {
    this.linked = null;
    this.incidents = null;
  }
}

export const likelyOf = (vault: Vault): Likely => vault.hold('likely', () => new Likely(vault));

/** The people on record most likely to be `person` (one not on record: a partner's, a name in a report). */
export async function likelyPeople(vault: Vault, person: LinkagePerson, limit = MOST): Promise<PersonLikely[]> {
  const { byId, linkage } = await likelyOf(vault).people();
  return linkage.matchesOf(person, { limit }).flatMap((s) => {
    const found = byId.get(s.a === person.id ? s.b : s.a);
    return found ? [{ person: found, probability: s.probability, as: person.name }] : [];
  });
}

const placeLabels = (entries: RegistryEntry[]) => entries.filter((e) => e.kind === 'place').map((e) => ({ id: e.id, labels: [e.labels.en, e.labels.az, e.labels.ru] }));

/**
 * What a report's text may be about: people named in it (each person once, under the name most
 * like them) and incidents within a few days of `day` at a place the text mentions.
 */
export async function likelyForReport(vault: Vault, text: string, day: string | null): Promise<{ people: PersonLikely[]; incidents: IncidentLikely[] }> {
  const entries = await registryEntries(vault);
  const places = placesMentioned(text, placeLabels(entries));
  const placeCode = places.length === 1 ? (entries.find((e) => e.id === places[0])?.code ?? null) : null;
  const best = new Map<string, PersonLikely>();
  for (const [i, name] of namesMentioned(text).entries()) {
    // The report's one place and day count for the person too ("held at Binagadi on the same day").
    for (const match of await likelyPeople(vault, { id: `mention-${i}`, name, place: placeCode, eventDate: day })) {
      const seen = best.get(match.person.id);
      if (!seen || seen.probability < match.probability) best.set(match.person.id, match);
    }
  }
  const people = [...best.values()].sort((a, b) => b.probability - a.probability).slice(0, MOST);

  const incidents: IncidentLikely[] = [];
  if (day && places.length > 0) {
    for (const incident of await likelyOf(vault).allIncidents()) {
      const date = incident.plain.dateStart;
      const at = incident.plain.placeIds.find((id) => places.includes(id));
      if (!at || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || daysApart(date, day) > NEAR_DAYS) continue;
      incidents.push({ incident, place: entries.find((e) => e.id === at)!, day: date });
      if (incidents.length === MOST) break;
    }
  }
  return { people, incidents };
}

/** "3 Nov": the day as a reason reads it. */
export const shortDay = (day: string): string => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export const percent = (p: number): string => `${Math.round(p * 100)}%`;
