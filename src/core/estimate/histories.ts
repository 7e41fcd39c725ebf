// Capture histories: how many people each combination of lists saw (issue 12). A pattern is a bit mask,
// bit i set when list i (0-based; list "1" in the model notation) saw the person. Pattern 0 — seen by no
// list — is what we estimate, so its count is never stored.

export const MIN_LISTS = 2;
export const MAX_LISTS = 8;

export interface CaptureHistories {
  lists: number;
  /** counts[pattern] for pattern 1 … 2^lists − 1; counts[0] is always 0. */
  counts: readonly number[];
}

export class EstimateInputError extends Error {
  constructor(
    readonly code: 'list-count' | 'pattern-width' | 'list-index' | 'negative-count' | 'empty-pattern',
    message: string,
  ) {
    super(message);
  }
}

function checkListCount(lists: number) {
  if (!Number.isInteger(lists) || lists < MIN_LISTS || lists > MAX_LISTS) {
    throw new EstimateInputError('list-count', `between ${MIN_LISTS} and ${MAX_LISTS} lists are needed, got ${lists}`);
  }
}

const emptyCounts = (lists: number) => new Array<number>(2 ** lists).fill(0);

/** Each person is the set of lists (0-based) that saw them; a person no list saw is not a record. */
export function historiesFromPeople(lists: number, people: Iterable<Iterable<number>>): CaptureHistories {
  checkListCount(lists);
  const counts = emptyCounts(lists);
  for (const person of people) {
    let pattern = 0;
    for (const list of person) {
      if (!Number.isInteger(list) || list < 0 || list >= lists) throw new EstimateInputError('list-index', `no list ${list}`);
      pattern |= 1 << list;
    }
    if (pattern === 0) throw new EstimateInputError('empty-pattern', 'a person seen by no list');
    counts[pattern]! += 1;
  }
  return { lists, counts };
}

/** Rows of 0/1, one per list, each with how many people share it (a CSV with a `count` column). */
export function historiesFromRows(rows: readonly { pattern: readonly number[]; count: number }[]): CaptureHistories {
  const lists = rows[0]?.pattern.length ?? 0;
  checkListCount(lists);
  const counts = emptyCounts(lists);
  for (const { pattern, count } of rows) {
    if (pattern.length !== lists) throw new EstimateInputError('pattern-width', `a pattern of ${pattern.length} lists among patterns of ${lists}`);
    if (!Number.isFinite(count) || count < 0) throw new EstimateInputError('negative-count', `count ${count}`);
    const mask = pattern.reduce<number>((m, seen, list) => (seen ? m | (1 << list) : m), 0);
    // An all-zero row can only say 0 people (nobody is documented by no list); more is a malformed file.
    if (mask === 0 && count > 0) throw new EstimateInputError('empty-pattern', 'people with a pattern of no list');
    counts[mask]! += count;
  }
  return { lists, counts };
}

/** The patterns 1 … 2^K − 1 in order, the rows of every design matrix. */
export const observablePatterns = (lists: number) => Array.from({ length: 2 ** lists - 1 }, (_, i) => i + 1);

export const seenBy = (pattern: number, list: number) => (pattern >> list) & 1;

export const observedCount = (h: CaptureHistories) => h.counts.reduce((a, b) => a + b, 0);

/** People on list i (n_i). */
export const listTotal = (h: CaptureHistories, list: number) =>
  h.counts.reduce((sum, count, pattern) => sum + (seenBy(pattern, list) ? count : 0), 0);

/** People on both lists i and j, whatever the others say (m_ij). */
export const overlap = (h: CaptureHistories, i: number, j: number) =>
  h.counts.reduce((sum, count, pattern) => sum + (seenBy(pattern, i) && seenBy(pattern, j) ? count : 0), 0);

/** The same people with the lists renumbered: list `order[k]` becomes list k. */
export function permuteLists(h: CaptureHistories, order: readonly number[]): CaptureHistories {
  const counts = emptyCounts(h.lists);
  h.counts.forEach((count, pattern) => {
    const moved = order.reduce((m, from, to) => (seenBy(pattern, from) ? m | (1 << to) : m), 0);
    counts[moved]! += count;
  });
  return { lists: h.lists, counts };
}
