// Blocking: which pairs of records are compared at all, so 100,000 records are not compared
// pairwise (5·10⁹ pairs). A pair is a candidate when the two records share any blocking key; the
// keys are chosen so that one person's records share at least one of them despite a typo or a
// missing field. Keys are built in the browser or the CLI from names and never leave it.
import { surnamesOf, type Prepared } from './compare.ts';
import { phoneticOf } from './names.ts';

/** A block larger than this is split again (splitOversized). */
const MAX_BLOCK = 300;

/**
 * The keys of one record: the surname's skeleton with the given name's first sound (catches
 * spellings and vowel typos in either name); the given name's form with the birth year, and with
 * the event day (catch a typo in the surname's consonants).
 */
export function blockingKeys(record: Prepared): string[] {
  const keys = new Set<string>();
  const year = record.person.birthYear ?? null;
  for (const name of record.names) {
    const first = (name.given[0]?.phonetic ?? phoneticOf(name.initials[0] ?? '')).slice(0, 1);
    for (const surname of surnamesOf(name)) {
      if (!surname.phonetic) continue;
      // With no surname told apart, each word may be it; another word stands for the given name.
      const given = name.surname ? name.given : name.given.filter((g) => g !== surname);
      const sound = name.surname ? first : (given[0]?.phonetic ?? '').slice(0, 1);
      keys.add(`s|${surname.skeleton}|${sound}`);
      // A typo or a dropped letter in the surname: its consonants with each left out in turn, with
      // a given name written out in full (with only a first sound these blocks grow too large).
      for (const g of given) for (const skeleton of withOneDropped(surname.skeleton)) keys.add(`t|${skeleton}|${g.phonetic}`);
      // A typo in the surname's consonants: its first three sounds with the year or the place and day.
      if (year !== null) keys.add(`b|${surname.phonetic.slice(0, 3)}|${year}`);
      if (record.day !== null && record.place) keys.add(`p|${surname.phonetic.slice(0, 3)}|${record.place}|${record.day}`);
    }
    for (const given of name.given) {
      if (!given.phonetic) continue;
      if (year !== null) keys.add(`y|${given.phonetic}|${year}`);
      if (record.day !== null) keys.add(`d|${given.phonetic}|${record.day}`);
    }
  }
  return [...keys];
}

/** A skeleton and every form of it with one letter left out ("gmdv": "mdv", "gdv", "gmv", "gmd"). */
function withOneDropped(skeleton: string): string[] {
  if (skeleton.length < 3) return [skeleton];
  return [skeleton, ...[...skeleton].map((_, i) => skeleton.slice(0, i) + skeleton.slice(i + 1))];
}

export interface CandidatePairs {
  /** Indexes of the two records of each pair, left < right. */
  left: Int32Array;
  right: Int32Array;
  length: number;
}

/** The records under each blocking key. */
export function indexByKey(records: readonly Prepared[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  records.forEach((record, i) => {
    for (const key of blockingKeys(record)) {
      const block = byKey.get(key);
      if (block) block.push(i);
      else byKey.set(key, [i]);
    }
  });
  return byKey;
}

/** The records sharing a key with one record (a new one, not in the index): its candidates. */
export function candidatesOf(record: Prepared, index: Map<string, number[]>, records: readonly Prepared[]): number[] {
  const found = new Set<number>();
  for (const key of blockingKeys(record)) {
    const block = index.get(key) ?? [];
    // In an oversized block, those of the same sub-block as the record (its year, or its day).
    const near = block.length <= MAX_BLOCK ? block : splitOversized([...block, -1], (i) => (i < 0 ? record : records[i]!)).filter((sub) => sub.includes(-1)).flat();
    for (const i of near) if (i >= 0) found.add(i);
  }
  return [...found];
}

/**
 * An oversized block (a common name in a big city) split so one person's records still meet: by
 * birth year (a year either side) for those with one; by the day of the event (a day either side)
 * for those without; by place for those with neither. A part still oversized, and records with none
 * of the three, are left out: among hundreds of namesakes a name alone cannot tell them apart.
 */
function splitOversized(block: readonly number[], recordOf: (i: number) => Prepared): number[][] {
  const parts = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const part = parts.get(key);
    if (part) part.push(i);
    else parts.set(key, [i]);
  };
  for (const i of block) {
    const { person, day, place } = recordOf(i);
    if (person.birthYear != null) for (const y of [person.birthYear, person.birthYear + 1]) add(`y${y}`, i);
    else if (day !== null) for (const d of [day, day + 1]) add(`d${d}`, i);
    else if (place) add(`p${place}`, i);
  }
  return [...parts.values()].filter((part) => part.length >= 2 && part.length <= MAX_BLOCK);
}

/** Blocks of two or more, the oversized ones split. */
function blocksOf(records: readonly Prepared[], byKey: Map<string, number[]>): number[][] {
  const blocks: number[][] = [];
  for (const block of byKey.values()) {
    if (block.length < 2) continue;
    if (block.length <= MAX_BLOCK) blocks.push(block);
    else blocks.push(...splitOversized(block, (i) => records[i]!));
  }
  return blocks;
}

/** Every pair of records sharing a block, each pair once. */
export function candidatePairs(records: readonly Prepared[], index: Map<string, number[]>): CandidatePairs {
  const blocks = blocksOf(records, index);
  const blocksOfRecord: number[][] = records.map(() => []);
  blocks.forEach((block, b) => block.forEach((i) => blocksOfRecord[i]!.push(b)));
  // Record by record, the partners after it from all its blocks, deduplicated by a marker array
  // instead of a set of all pairs (which would not fit in memory for large lists).
  const seen = new Int32Array(records.length).fill(-1);
  let left = new Int32Array(1024);
  let right = new Int32Array(1024);
  let length = 0;
  for (let i = 0; i < records.length; i++) {
    for (const b of blocksOfRecord[i]!) {
      for (const j of blocks[b]!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        if (length === left.length) {
          left = grow(left);
          right = grow(right);
        }
        left[length] = i;
        right[length] = j;
        length += 1;
      }
    }
  }
  return { left, right, length };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
