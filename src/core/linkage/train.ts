// Training the Fellegi–Sunter model the way splink does, because EM over the candidate pairs
// finds the wrong classes (pairs blocked on a given name's first sound agree on it whether or not
// they are one person):
//   u — how often random pairs agree, nearly all of them different people — held fixed;
//   m — by EM in sessions, each over pairs drawn among the records that share one name exactly,
//       estimating the other fields only (the shared name says nothing of its own m);
//   the prior — the chance that two random records are one person, found so that the matches it
//       expects among the candidate pairs are as many as the posteriors add up to.
import { compare, FIELDS, LEVELS, type Prepared } from './compare.ts';
import { patternOf, vectorOf } from './patterns.ts';
import { fitFellegiSunter, type ComparisonVector, type FsModel } from './fellegi-sunter.ts';

export interface PatternCounts {
  vectors: ComparisonVector[];
  counts: number[];
}

const SURNAME = FIELDS.indexOf('surname');
const GIVEN = FIELDS.indexOf('given');
const SESSIONS = [
  { shared: (r: Prepared) => r.names[0]?.surname?.phonetic, estimates: FIELDS.map((_, f) => f).filter((f) => f !== SURNAME) },
  { shared: (r: Prepared) => r.names[0]?.given[0]?.phonetic, estimates: [SURNAME] },
];
/** Pairs drawn for each session: enough for stable shares, bounded for 100,000 records. */
const SESSION_PAIRS = 100_000;
/** EM starts from "one person's records mostly agree" and a small share of them. */
const START = { initialLambda: 0.01, initialM: LEVELS.map((n) => Array.from({ length: n }, (_, level) => (level === n - 1 ? 0.9 : 0.1 / (n - 1)))) };

export function trainModel(records: readonly Prepared[], candidates: PatternCounts, u: number[][], random: () => number): FsModel {
  const m = START.initialM.map((levels) => [...levels]);
  let iterations = 0;
  for (const session of SESSIONS) {
    const vectors = sessionPairs(records, session.shared, random).map((v) => v.map((level, f) => (session.estimates.includes(f) ? level : null)));
    if (vectors.length === 0) continue;
    const patterns = countPatterns(vectors.map(patternOf));
    const fitted = fitFellegiSunter(patterns.vectors, LEVELS, { ...START, counts: patterns.counts, fixedU: u });
    iterations += fitted.iterations;
    for (const f of session.estimates) m[f] = fitted.m[f]!;
  }
  const totalPairs = (records.length * (records.length - 1)) / 2;
  return { lambda: randomPrior(candidates, m, u, totalPairs), m, u, iterations };
}

/** The distinct comparison patterns among pairs, and how many pairs have each. */
export function countPatterns(patterns: ArrayLike<number>): PatternCounts {
  const counts = new Map<number, number>();
  for (let k = 0; k < patterns.length; k++) counts.set(patterns[k]!, (counts.get(patterns[k]!) ?? 0) + 1);
  const distinct = [...counts.keys()];
  return { vectors: distinct.map(vectorOf), counts: distinct.map((p) => counts.get(p)!) };
}

/** Pairs drawn uniformly among all pairs of records sharing a value (all of them when few). */
function sessionPairs(records: readonly Prepared[], shared: (r: Prepared) => string | undefined, random: () => number): ComparisonVector[] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const value = shared(r);
    if (!value) return;
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  const big = [...groups.values()].filter((g) => g.length >= 2);
  const weights = big.map((g) => (g.length * (g.length - 1)) / 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const vectors: ComparisonVector[] = [];
  if (total <= SESSION_PAIRS) {
    for (const g of big) for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) vectors.push(compare(records[g[a]!]!, records[g[b]!]!));
    return vectors;
  }
  const cumulative = weights.map(((sum) => (w: number) => (sum += w))(0));
  while (vectors.length < SESSION_PAIRS) {
    const x = random() * total;
    const group = big[firstAbove(cumulative, x)]!;
    const [a, b] = [Math.floor(random() * group.length), Math.floor(random() * group.length)];
    if (a !== b) vectors.push(compare(records[group[a]!]!, records[group[b]!]!));
  }
  return vectors;
}

/** The prior over all pairs, by fixed point: expected matches = Σ posteriors over the candidates. */
function randomPrior(candidates: PatternCounts, m: number[][], u: number[][], totalPairs: number): number {
  const ratios = candidates.vectors.map((v) => v.reduce<number>((r, level, f) => (level === null ? r : r * (m[f]![level]! / u[f]![level]!)), 1));
  const floor = 1 / Math.max(2, totalPairs);
  let lambda = Math.min(0.5, Math.max(floor, 1 / Math.max(2, Math.sqrt(totalPairs))));
  for (let step = 0; step < 500; step++) {
    const odds = lambda / (1 - lambda);
    const expected = ratios.reduce((sum, ratio, i) => sum + (candidates.counts[i]! * odds * ratio) / (1 + odds * ratio), 0);
    const next = Math.max(floor, Math.min(0.5, expected / Math.max(1, totalPairs)));
    if (Math.abs(next - lambda) <= lambda * 1e-6) return next;
    lambda = next;
  }
  return lambda;
}

/** The first index whose running total exceeds x: a binary search, as a list may have thousands of surnames. */
function firstAbove(cumulative: readonly number[], x: number): number {
  let [low, high] = [0, cumulative.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > x) high = middle;
    else low = middle + 1;
  }
  return low;
}
