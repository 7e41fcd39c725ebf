// Hierarchical log-linear models with every list's main effect and chosen two-way interactions, in the
// usual notation by list position (1-based): "[1][2][3]" is independence, "[12][3]" lets lists 1 and 2
// depend on each other, "[12][13][23]" every pair. Rcapture's comma form "[12,3]" is read too.

export type Pair = readonly [number, number];

export interface LogLinearModel {
  lists: number;
  /** 0-based list pairs with an interaction term, sorted. */
  pairs: readonly Pair[];
}

export class ModelNotationError extends Error {
  constructor(
    readonly code: 'model-syntax' | 'model-list' | 'model-higher-order' | 'model-missing-list',
    message: string,
  ) {
    super(message);
  }
}

const comparePairs = (a: Pair, b: Pair) => a[0] - b[0] || a[1] - b[1];

export function makeModel(lists: number, pairs: readonly Pair[]): LogLinearModel {
  const unique = new Map(pairs.map(([i, j]) => [Math.min(i, j) * 16 + Math.max(i, j), [Math.min(i, j), Math.max(i, j)] as const]));
  return { lists, pairs: [...unique.values()].sort(comparePairs) };
}

export const independence = (lists: number) => makeModel(lists, []);

export const allPairs = (lists: number) => makeModel(lists, pairsOf(lists));

function pairsOf(lists: number): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < lists; i++) for (let j = i + 1; j < lists; j++) pairs.push([i, j]);
  return pairs;
}

export function parseModel(text: string, lists: number): LogLinearModel {
  const compact = text.replace(/\s+/g, '');
  if (!/^\[[0-9,]+\](\[[0-9,]+\])*$/.test(compact)) throw new ModelNotationError('model-syntax', `not a model: ${text}`);
  const terms = compact.slice(1, -1).split(/\]\[|,/);
  const mentioned = new Set<number>();
  const pairs: Pair[] = [];
  for (const term of terms) {
    const members = [...term].map((digit) => Number(digit) - 1);
    for (const list of members) {
      if (list < 0 || list >= lists) throw new ModelNotationError('model-list', `list ${list + 1} in ${text}, but there are ${lists} lists`);
      mentioned.add(list);
    }
    if (members.length > 2) throw new ModelNotationError('model-higher-order', `only two-way interactions are fitted: ${term}`);
    if (members.length === 2) {
      if (members[0] === members[1]) throw new ModelNotationError('model-syntax', `a list interacting with itself: ${term}`);
      pairs.push([members[0]!, members[1]!]);
    }
  }
  // Every list keeps its main effect; writing each list somewhere keeps a typo from silently dropping one.
  if (mentioned.size !== lists) throw new ModelNotationError('model-missing-list', `every list 1–${lists} must appear in ${text}`);
  return makeModel(lists, pairs);
}

export function formatModel(model: LogLinearModel): string {
  const inPair = new Set(model.pairs.flat());
  const terms: Pair[] = [...model.pairs];
  for (let list = 0; list < model.lists; list++) if (!inPair.has(list)) terms.push([list, list]);
  terms.sort(comparePairs);
  return terms.map(([i, j]) => (i === j ? `[${i + 1}]` : `[${i + 1}${j + 1}]`)).join('');
}

/** Most models enumerate() returns: past this, only the simpler ones (see there). */
export const MODEL_BUDGET = 1024;

/**
 * Every model with main effects and any set of two-way interactions — 2^(K(K−1)/2) of them: 8 for three
 * lists, 64 for four, 1024 for five. Two lists have only independence (the interaction would leave no
 * degree of freedom for the unseen cell). From six lists on (32,768+ models) we keep every model with
 * at most m interactions, m the largest that stays within MODEL_BUDGET (m = 3 for six lists, 2 for seven
 * and eight), plus the all-pairs model; `bounded` says so.
 */
export function enumerateModels(lists: number): { models: LogLinearModel[]; bounded: boolean } {
  if (lists === 2) return { models: [independence(2)], bounded: false };
  const pairs = pairsOf(lists);
  const bySize: LogLinearModel[][] = [];
  let total = 0;
  for (let size = 0; size <= pairs.length; size++) {
    const ofSize = subsets(pairs, size).map((chosen) => makeModel(lists, chosen));
    if (total + ofSize.length > MODEL_BUDGET) {
      return { models: [...bySize.flat(), allPairs(lists)], bounded: true };
    }
    bySize.push(ofSize);
    total += ofSize.length;
  }
  return { models: bySize.flat(), bounded: false };
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, index) => {
    for (const rest of subsets(items.slice(index + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

/** The same model once list `order[k]` has become list k (see permuteLists). */
export function permuteModel(model: LogLinearModel, order: readonly number[]): LogLinearModel {
  const to = new Map(order.map((from, k) => [from, k]));
  return makeModel(model.lists, model.pairs.map(([i, j]) => [to.get(i)!, to.get(j)!] as const));
}
