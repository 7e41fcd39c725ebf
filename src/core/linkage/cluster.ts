// Clusters from scored pairs that do not chain unrelated people through one ambiguous record:
// "E. Hasanov" may be Elvin Hasanov or Emin Hasanov, but not both in one cluster. Pairs are taken
// from the most to the least likely; two clusters join only when their records are, on average, as
// likely the same person as a linking pair must be (average linkage: one typo-ridden record does
// not keep a person apart, one ambiguous record does not pull two people together), none of them is
// flatly contradicted, and no member decided two of them are different.

export interface ClusterInput {
  size: number;
  /** Scored candidate pairs, by index. */
  left: Int32Array;
  right: Int32Array;
  probability: Float32Array;
  length: number;
  /** The probability of any pair, scored on demand (the cross pairs of two clusters to join). */
  probabilityOf(i: number, j: number): number;
  /** Pairs never to be in one cluster. */
  distinct(i: number, j: number): boolean;
}

export interface ClusterOptions {
  /** A pair at least this likely links two clusters, when their cross pairs are on average this likely too… */
  threshold: number;
  /** …and none is less likely than this. */
  floor: number;
  /** No cluster grows beyond this many records (one person is not reported a hundred times). */
  maxSize: number;
}

/** The cluster of each record (clusters numbered from 0, in order of their first record). */
export function clusterPairs(input: ClusterInput, options: ClusterOptions): Int32Array {
  const members: number[][] = Array.from({ length: input.size }, (_, i) => [i]);
  const owner = Int32Array.from({ length: input.size }, (_, i) => i);
  for (const pair of strongestFirst(input, options.threshold)) {
    const [a, b] = [owner[input.left[pair]!]!, owner[input.right[pair]!]!];
    if (a === b || !mayJoin(members[a]!, members[b]!, input, options)) continue;
    const [big, small] = members[a]!.length >= members[b]!.length ? [a, b] : [b, a];
    for (const i of members[small]!) {
      owner[i] = big;
      members[big]!.push(i);
    }
    members[small] = [];
  }
  return renumber(owner);
}

function strongestFirst(input: ClusterInput, threshold: number): number[] {
  const strong: number[] = [];
  for (let k = 0; k < input.length; k++) if (input.probability[k]! >= threshold) strong.push(k);
  return strong.sort((x, y) => input.probability[y]! - input.probability[x]!);
}

function mayJoin(a: number[], b: number[], input: ClusterInput, options: ClusterOptions): boolean {
  if (a.length + b.length > options.maxSize) return false;
  // The pair that proposed the join is scored already: a single record on each side needs nothing more.
  if (a.length === 1 && b.length === 1) return !input.distinct(a[0]!, b[0]!);
  let total = 0;
  for (const i of a) for (const j of b) {
    if (input.distinct(i, j)) return false;
    const p = input.probabilityOf(i, j);
    if (p < options.floor) return false;
    total += p;
  }
  return total / (a.length * b.length) >= options.threshold / 2;
}

function renumber(owner: Int32Array): Int32Array {
  const number = new Map<number, number>();
  return owner.map((o) => {
    if (!number.has(o)) number.set(o, number.size);
    return number.get(o)!;
  });
}
