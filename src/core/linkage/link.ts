// The linkage engine as one call: person records in, clusters (one per person) and ranked,
// explained suggestions out. Runs in a member's browser worker and in the CLI, never on the
// server. Steps: prepare each record's name forms; estimate u from random pairs; find candidate
// pairs by blocking; compare them; train m and the prior (train.ts) on the distinct patterns;
// adjust for how common a surname or given name is; cluster without chaining.
import { compare, explain, FIELDS, LEVELS, prepare, type Explanation, type LinkagePerson, type Prepared } from './compare.ts';
import { candidatePairs, candidatesOf, indexByKey } from './blocking.ts';
import { levelShares, type ComparisonVector, type FsModel } from './fellegi-sunter.ts';
import { countPatterns, trainModel } from './train.ts';
import { clusterPairs } from './cluster.ts';
import { patternOf, vectorOf } from './patterns.ts';
import { NameFrequencies } from './frequencies.ts';
import { seeded } from './seeded.ts';

export type LinkStage = 'preparing' | 'comparing' | 'fitting' | 'clustering';

export interface LinkOptions {
  /** Pairs of ids a member decided are different people: never linked, never suggested. */
  distinct?: readonly (readonly [string, string])[];
  /** Linked into one cluster at or above this probability. */
  threshold?: number;
  /** Suggested for review at or above this probability. */
  suggestFrom?: number;
  onProgress?: (stage: LinkStage, done: number, total: number) => void;
}

export interface Suggestion {
  a: string;
  b: string;
  probability: number;
  fields: Explanation[];
}

export interface Linkage {
  /** The cluster number of each input record, in input order. */
  clusterOf: Int32Array;
  /** Candidate pairs at or above `suggestFrom`, most likely first. */
  suggestions: Suggestion[];
  model: FsModel;
  pairsCompared: number;
  /**
   * The records most likely to be the same person as one not in the list (a person being added,
   * a partner's record, a name in a report), scored by the model fitted to the list.
   */
  matchesOf(person: LinkagePerson, options?: { limit?: number; from?: number }): Suggestion[];
}

export const DEFAULTS = { threshold: 0.5, suggestFrom: 0.3, floor: 0.001, maxClusterSize: 100, randomPairs: 100_000 } as const;

export function linkPeople(people: readonly LinkagePerson[], options: LinkOptions = {}): Linkage {
  const { threshold = DEFAULTS.threshold, suggestFrom = DEFAULTS.suggestFrom, onProgress } = options;
  onProgress?.('preparing', 0, people.length);
  const records = people.map(prepare);
  const frequencies = new NameFrequencies(records);
  const random = seeded(records.length);
  // Random pairs are nearly all different people; a prior of pairs that agree on nothing keeps a
  // list of a few records (whose random pairs may all be one person) from learning otherwise.
  const u = levelShares([...randomPairs(records, DEFAULTS.randomPairs, random), ...DISAGREEING], LEVELS);

  const index = indexByKey(records);
  const pairs = candidatePairs(records, index);
  const patterns = new Uint16Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    patterns[k] = patternOf(compare(records[pairs.left[k]!]!, records[pairs.right[k]!]!));
    if (k % 50_000 === 0) onProgress?.('comparing', k, pairs.length);
  }
  onProgress?.('fitting', 0, 1);
  const model = trainModel(records, countPatterns(patterns.subarray(0, pairs.length)), u, random);

  const score = new Scorer(model, records, frequencies);
  const probability = new Float32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) probability[k] = score.pattern(pairs.left[k]!, pairs.right[k]!, patterns[k]!);

  onProgress?.('clustering', 0, 1);
  const position = new Map(people.map((p, i) => [p.id, i]));
  const distinct = new Set((options.distinct ?? []).flatMap(([a, b]) => (position.has(a) && position.has(b) ? [pairKey(position.get(a)!, position.get(b)!)] : [])));
  const clusterOf = clusterPairs(
    {
      size: records.length,
      ...pairs,
      probability,
      probabilityOf: (i, j) => score.pair(i, j, compare(records[i]!, records[j]!)),
      distinct: (i, j) => distinct.has(pairKey(i, j)),
    },
    { threshold, floor: DEFAULTS.floor, maxSize: DEFAULTS.maxClusterSize },
  );

  const suggestions: Suggestion[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const [i, j] = [pairs.left[k]!, pairs.right[k]!];
    if (probability[k]! < suggestFrom || distinct.has(pairKey(i, j))) continue;
    const vector = vectorOf(patterns[k]!);
    suggestions.push({ a: people[i]!.id, b: people[j]!.id, probability: probability[k]!, fields: explain(vector, score.weights(i, j, vector)) });
  }
  suggestions.sort((x, y) => y.probability - x.probability);
  const matchesOf = (person: LinkagePerson, { limit = 5, from = suggestFrom } = {}) => {
    const record = prepare(person);
    return candidatesOf(record, index, records)
      .map((i) => {
        const vector = compare(record, records[i]!);
        const weights = score.weights(i, i, vector, record);
        return { a: person.id, b: people[i]!.id, probability: score.probability(weights), fields: explain(vector, weights) };
      })
      .filter((s) => s.probability >= from)
      .sort((x, y) => y.probability - x.probability)
      .slice(0, limit);
  };
  return { clusterOf, suggestions, model, pairsCompared: pairs.length, matchesOf };
}

const DISAGREEING: ComparisonVector[] = Array.from({ length: 50 }, () => LEVELS.map(() => 0));

const pairKey = (i: number, j: number) => (i < j ? `${i}|${j}` : `${j}|${i}`);

/** Pairs drawn at random (all pairs of a small list): nearly all different people, for u. */
function randomPairs(records: readonly Prepared[], wanted: number, next: () => number): ComparisonVector[] {
  const n = records.length;
  const vectors: ComparisonVector[] = [];
  if ((n * (n - 1)) / 2 <= wanted) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) vectors.push(compare(records[i]!, records[j]!));
    return vectors;
  }
  while (vectors.length < wanted) {
    const [i, j] = [Math.floor(next() * n), Math.floor(next() * n)];
    if (i !== j) vectors.push(compare(records[i]!, records[j]!));
  }
  return vectors;
}


/** A pair's weights and probability: the model's, with exact name agreement weighed by how common the name is. */
const NAME_FIELDS = [FIELDS.indexOf('surname'), FIELDS.indexOf('given')];

class Scorer {
  private readonly prior: number;
  private readonly byPattern = new Map<number, { sum: number; exact: number[] }>();
  constructor(private readonly model: FsModel, private readonly records: readonly Prepared[], private readonly frequencies: NameFrequencies) {
    this.prior = Math.log2(model.lambda / (1 - model.lambda));
  }

  /** `other` stands for record i when it is not in the list (a record being added). */
  weights(i: number, j: number, vector: ComparisonVector, other?: Prepared): number[] {
    return vector.map((level, f) => {
      if (level === null) return 0;
      const base = Math.log2(this.model.m[f]![level]! / this.model.u[f]![level]!);
      const exact = level === LEVELS[f]! - 1 ? this.frequencies.sharedShare(FIELDS[f]!, other ?? this.records[i]!, this.records[j]!) : null;
      // Splink's term-frequency adjustment: for agreeing on this very name, u is how common it is —
      // relative to how often random pairs agree on the field, so an average name is not moved.
      return exact === null ? base : base + Math.log2(this.model.u[f]![level]! / exact);
    });
  }

  pair(i: number, j: number, vector: ComparisonVector): number {
    return this.probability(this.weights(i, j, vector));
  }

  /** The same as `pair`, for millions of pairs: a pattern's weights summed once, only the names' frequencies per pair. */
  pattern(i: number, j: number, pattern: number): number {
    let known = this.byPattern.get(pattern);
    if (!known) {
      const vector = vectorOf(pattern);
      const exact = NAME_FIELDS.filter((f) => vector[f] === LEVELS[f]! - 1);
      const sum = vector.reduce<number>((total, level, f) => (level === null || exact.includes(f) ? total : total + Math.log2(this.model.m[f]![level]! / this.model.u[f]![level]!)), 0);
      this.byPattern.set(pattern, (known = { sum, exact }));
    }
    let total = known.sum;
    for (const f of known.exact) {
      const top = LEVELS[f]! - 1;
      const share = this.frequencies.sharedShare(FIELDS[f]!, this.records[i]!, this.records[j]!);
      total += Math.log2(this.model.m[f]![top]! / this.model.u[f]![top]!) + (share === null ? 0 : Math.log2(this.model.u[f]![top]! / share));
    }
    return 1 / (1 + 2 ** -(this.prior + total));
  }

  probability(weights: readonly number[]): number {
    const total = this.prior + weights.reduce((a, b) => a + b, 0);
    return 1 / (1 + 2 ** -total);
  }
}
