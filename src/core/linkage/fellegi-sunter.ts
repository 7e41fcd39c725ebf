// Fellegi–Sunter match weights, fitted to the data by expectation–maximisation (as splink does), so
// that no organization hand-tunes thresholds (issue 11). A pair of records is a comparison vector:
// for each field, the level of agreement (0 = disagrees … highest = agrees exactly) or null when
// either record lacks the field. m = P(level | same person), u = P(level | different people).

export type ComparisonVector = readonly (number | null)[];

export interface FsModel {
  /** The share of candidate pairs that are the same person. */
  lambda: number;
  /** m[field][level] and u[field][level]. */
  m: number[][];
  u: number[][];
  iterations: number;
}

export interface FitOptions {
  maxIterations?: number;
  /** Stop when no probability moves more than this. */
  tolerance?: number;
  initialLambda?: number;
  /** How many pairs share each vector (the vectors may be the distinct patterns); 1 each if absent. */
  counts?: readonly number[];
  /**
   * u estimated elsewhere — from random pairs, nearly all of them different people, as splink does —
   * and kept fixed: blocked pairs agree on the blocking fields far more often than random ones.
   */
  fixedU?: number[][];
  /** Where m starts (by default leaning to the top level). */
  initialM?: number[][];
}

/** Keeps every probability off 0 and 1, so a weight is never infinite. */
const FLOOR = 1e-4;

const normalise = (counts: number[]) => {
  const floored = counts.map((c) => Math.max(c, 0) + FLOOR);
  const total = floored.reduce((a, b) => a + b, 0);
  return floored.map((c) => c / total);
};

/** `levels[f]` is how many levels field f has. */
export function fitFellegiSunter(vectors: readonly ComparisonVector[], levels: readonly number[], options: FitOptions = {}): FsModel {
  const { maxIterations = 200, tolerance = 1e-6, initialLambda = 0.1, fixedU } = options;
  const counts = options.counts ?? vectors.map(() => 1);
  // u starts as how often each level occurs among all candidate pairs (most are different people);
  // m starts leaning to the top level.
  let u = fixedU ?? levelShares(vectors, levels, counts);
  let m = options.initialM ?? levels.map((n) => normalise(Array.from({ length: n }, (_, level) => 2 ** level)));
  let lambda = initialLambda;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations += 1;
    const posterior = vectors.map((v) => matchProbability({ lambda, m, u, iterations }, v));
    const next = maximise(vectors, levels, posterior, counts);
    if (fixedU) next.u = fixedU;
    const moved = Math.max(Math.abs(next.lambda - lambda), ...next.m.flat().map((p, i) => Math.abs(p - m.flat()[i]!)), ...next.u.flat().map((p, i) => Math.abs(p - u.flat()[i]!)));
    ({ lambda, m, u } = next);
    if (moved < tolerance) break;
  }
  return { lambda, m, u, iterations };
}

/** How often each level of each field occurs among the given pairs. */
export function levelShares(vectors: readonly ComparisonVector[], levels: readonly number[], counts?: readonly number[]): number[][] {
  const seen = levels.map((n) => new Array<number>(n).fill(0));
  vectors.forEach((v, i) => v.forEach((level, f) => {
    if (level !== null) seen[f]![level]! += counts?.[i] ?? 1;
  }));
  return seen.map(normalise);
}

/** The M step: expected counts of each level among matches and non-matches. */
function maximise(vectors: readonly ComparisonVector[], levels: readonly number[], posterior: number[], counts: readonly number[]) {
  const m = levels.map((n) => new Array<number>(n).fill(0));
  const u = levels.map((n) => new Array<number>(n).fill(0));
  let matches = 0;
  let total = 0;
  vectors.forEach((v, i) => {
    const [same, count] = [posterior[i]! * counts[i]!, counts[i]!];
    matches += same;
    total += count;
    v.forEach((level, f) => {
      if (level === null) return;
      m[f]![level]! += same;
      u[f]![level]! += count - same;
    });
  });
  const lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / Math.max(1, total)));
  return { lambda, m: m.map(normalise), u: u.map(normalise) };
}

/** Each field's weight, log2(m/u) at its level (0 when the field is missing). */
export function fieldWeights(model: FsModel, vector: ComparisonVector): number[] {
  return vector.map((level, f) => (level === null ? 0 : Math.log2(model.m[f]![level]! / model.u[f]![level]!)));
}

/** The probability that a pair is the same person. */
export function matchProbability(model: FsModel, vector: ComparisonVector): number {
  const prior = Math.log2(model.lambda / (1 - model.lambda));
  const total = prior + fieldWeights(model, vector).reduce((a, b) => a + b, 0);
  return 1 / (1 + 2 ** -total);
}
