// Two person records compared field by field into a vector of agreement levels, for the
// Fellegi–Sunter model (fellegi-sunter.ts), with each field's verdict kept for the explanation a
// suggestion shows. Names are compared on their spelling-tolerant forms (names.ts) with
// Jaro–Winkler from a maintained package. Never uses or infers orientation or gender identity.
import { jaroWinkler } from '@skyra/jaro-winkler';
import { forgetNameForms, latinOf, parseName, phoneticOf, type NameForm, type ParsedName } from './names.ts';

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
// Given names have one level more, below "near": only an initial to go by ("E." and Elvin).
export const LEVELS: readonly number[] = [4, 5, 4, 3, 2, 3];

/** A record made ready for comparing once, not once per pair. */
export interface Prepared {
  person: LinkagePerson;
  names: ParsedName[];
  place: string | null;
  day: number | null;
  /** The distinct spelling-tolerant surname and given-name forms, for how common they are (frequencies.ts). */
  surnameForms: string[];
  givenForms: string[];
}

export function prepare(person: LinkagePerson): Prepared {
  const day = person.eventDate && /^\d{4}-\d{2}-\d{2}$/.test(person.eventDate) ? Date.parse(`${person.eventDate}T00:00:00Z`) / 86_400_000 : null;
  const names = [person.name, ...(person.otherNames ?? [])].map(parseName);
  return {
    person,
    names,
    place: person.place ? phoneticOf(latinOf(person.place)) || null : null,
    day: day !== null && Number.isFinite(day) ? day : null,
    surnameForms: [...new Set(names.flatMap((n) => (n.surname?.phonetic ? [n.surname.phonetic] : [])))],
    givenForms: [...new Set(names.flatMap((n) => n.given.map((g) => g.phonetic).filter(Boolean)))],
  };
}

/**
 * 3 = the same spelling-tolerant form; 2 = a letter off (Jaro–Winkler ≥ 0.92, or the same
 * consonants); 1 = near (≥ 0.8: a dropped letter in a short name); 0 = different.
 */
function nameLevel(a: NameForm | null, b: NameForm | null): number | null {
  if (!a || !b || !a.phonetic || !b.phonetic) return null;
  if (a.phonetic === b.phonetic) return 3;
  if (a.skeleton === b.skeleton) return 2;
  const similarity = similar(a.phonetic, b.phonetic);
  return similarity >= 0.92 ? 2 : similarity >= 0.8 ? 1 : 0;
}

/**
 * Jaro–Winkler, remembered: a list of 100,000 people has a few thousand distinct name forms, so
 * the same two forms meet again and again. Bounded, so a list of many rare names cannot fill memory.
 */
const remembered = new Map<string, Map<string, number>>();
let rememberedCount = 0;

/**
 * Everything the engine remembers between calls holds forms of names: the workspace calls this
 * when it locks, so nothing derived from a name outlives the session in the page or the worker.
 */
export function forgetRememberedNames(): void {
  remembered.clear();
  rememberedCount = 0;
  forgetNameForms();
}
function similar(a: string, b: string): number {
  const [first, second] = a < b ? [a, b] : [b, a];
  let row = remembered.get(first);
  let value = row?.get(second);
  if (value === undefined) {
    if (rememberedCount >= 1_000_000) [rememberedCount, row] = [0, (remembered.clear(), undefined)];
    if (!row) remembered.set(first, (row = new Map()));
    value = jaroWinkler(first, second);
    row.set(second, value);
    rememberedCount += 1;
  }
  return value;
}

/** The surname, or — when no word has a surname's ending (a typo in it) — any of two or more words. */
export const surnamesOf = (x: ParsedName): NameForm[] => (x.surname ? [x.surname] : x.given.length >= 2 ? x.given : []);

function surnameLevel(x: ParsedName, y: ParsedName): number | null {
  let best: number | null = null;
  for (const a of surnamesOf(x)) for (const b of surnamesOf(y)) {
    const l = nameLevel(a, b);
    if (l !== null && (best === null || l > best)) best = l;
  }
  return best;
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

/** Given names one level up from nameLevel's; an initial agrees at level 1 with a given name that starts with it. */
function givenLevel(x: ParsedName, y: ParsedName): number | null {
  if (x.given.length && y.given.length) {
    let best = 0;
    for (const g of x.given) for (const h of y.given) best = Math.max(best, nameLevel(g, h) ?? 0);
    return best === 0 ? 0 : best + 1;
  }
  const [initials, names] = x.given.length ? [y.initials, x.given] : [x.initials, y.given];
  if (!initials.length || !names.length) return null;
  return names.some((n) => initials.includes(n.latin.slice(0, 1))) ? 1 : 0;
}

const numberLevel = (a: number | null | undefined, b: number | null | undefined, near: number): number | null =>
  a == null || b == null ? null : a === b ? 2 : Math.abs(a - b) <= near ? 1 : 0;

export function compare(a: Prepared, b: Prepared): (number | null)[] {
  return [
    bestOver(a, b, surnameLevel),
    bestOver(a, b, givenLevel),
    bestOver(a, b, (x, y) => nameLevel(x.patronymic, y.patronymic)),
    numberLevel(a.person.birthYear, b.person.birthYear, 1),
    a.place === null || b.place === null ? null : a.place === b.place || similar(a.place, b.place) >= 0.92 ? 1 : 0,
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
