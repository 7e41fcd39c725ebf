// Two person records compared field by field into a vector of agreement levels, for the
// Fellegi–Sunter model (fellegi-sunter.ts), with each field's verdict kept for the explanation a
// suggestion shows. Names are compared on their spelling-tolerant forms (names.ts) with
// Jaro–Winkler from a maintained package. Never uses or infers orientation or gender identity.
import { jaroWinkler } from '@skyra/jaro-winkler';
import { latinOf, parseName, type NameForm, type ParsedName } from './names.ts';

export interface LinkagePerson {
  id: string;
  name: string;
  otherNames?: readonly string[];
  birthYear?: number | null;
  place?: string | null;
  /** YYYY-MM-DD of the event or detention. */
  eventDate?: string | null;
}

/** The fields compared, in vector order, and how many agreement levels each has. */
export const FIELDS = ['surname', 'given', 'patronymic', 'birthYear', 'place', 'eventDate'] as const;
export type Field = (typeof FIELDS)[number];
export const LEVELS: readonly number[] = [3, 3, 3, 3, 2, 3];

/** A record made ready for comparing once, not once per pair. */
export interface Prepared {
  person: LinkagePerson;
  names: ParsedName[];
  place: string | null;
  day: number | null;
}

export function prepare(person: LinkagePerson): Prepared {
  const day = person.eventDate && /^\d{4}-\d{2}-\d{2}$/.test(person.eventDate) ? Date.parse(`${person.eventDate}T00:00:00Z`) / 86_400_000 : null;
  return {
    person,
    names: [person.name, ...(person.otherNames ?? [])].map(parseName),
    place: person.place ? latinOf(person.place) || null : null,
    day: day !== null && Number.isFinite(day) ? day : null,
  };
}

/** 2 = the same spelling-tolerant form, 1 = close (Jaro–Winkler ≥ 0.9, or the same skeleton), 0 = different. */
function nameLevel(a: NameForm | null, b: NameForm | null): number | null {
  if (!a || !b || !a.phonetic || !b.phonetic) return null;
  if (a.phonetic === b.phonetic) return 2;
  return jaroWinkler(a.phonetic, b.phonetic) >= 0.9 || a.skeleton === b.skeleton ? 1 : 0;
}

/** The best agreement over any of the two records' names (a chosen name may differ from documents). */
function bestOver(a: Prepared, b: Prepared, level: (x: ParsedName, y: ParsedName) => number | null): number | null {
  let best: number | null = null;
  for (const x of a.names) for (const y of b.names) {
    const l = level(x, y);
    if (l !== null && (best === null || l > best)) best = l;
  }
  return best;
}

/** Given names; an initial agrees at level 1 with a given name that starts with it. */
function givenLevel(x: ParsedName, y: ParsedName): number | null {
  const direct = x.given.length && y.given.length ? Math.max(...x.given.flatMap((g) => y.given.map((h) => nameLevel(g, h) ?? 0))) : null;
  if (direct !== null) return direct;
  const [initials, names] = x.given.length ? [y.initials, x.given] : [x.initials, y.given];
  if (!initials.length || !names.length) return null;
  return names.some((n) => initials.includes(n.latin.slice(0, 1))) ? 1 : 0;
}

const numberLevel = (a: number | null | undefined, b: number | null | undefined, near: number): number | null =>
  a == null || b == null ? null : a === b ? 2 : Math.abs(a - b) <= near ? 1 : 0;

export function compare(a: Prepared, b: Prepared): (number | null)[] {
  return [
    bestOver(a, b, (x, y) => nameLevel(x.surname, y.surname)),
    bestOver(a, b, givenLevel),
    bestOver(a, b, (x, y) => nameLevel(x.patronymic, y.patronymic)),
    numberLevel(a.person.birthYear, b.person.birthYear, 1),
    a.place === null || b.place === null ? null : a.place === b.place ? 1 : 0,
    numberLevel(a.day, b.day, 3),
  ];
}

/** What a suggestion says of one field: agreed, close, disagreed or unknown, with its weight in bits. */
export interface Explanation {
  field: Field;
  verdict: 'agrees' | 'close' | 'disagrees' | 'unknown';
  weight: number;
}

export function explain(vector: readonly (number | null)[], weights: readonly number[]): Explanation[] {
  return FIELDS.map((field, f) => {
    const level = vector[f];
    const top = LEVELS[f]! - 1;
    const verdict = level === null || level === undefined ? 'unknown' : level === top ? 'agrees' : level === 0 ? 'disagrees' : 'close';
    return { field, verdict, weight: weights[f] ?? 0 };
  });
}
