// The Possible duplicates page's list: open suggestions gathered into groups (people the engine
// put in one cluster, reviewed together side by side) and lone pairs, most likely first; and the
// run as a decision leaves it, shown at once while the list is made again in the background.
import type { Suggestion } from '../../../core/linkage/link.ts';
import { pairKey, type DecisionsAnswer, type MergeView } from '../../../core/linkage/decisions.ts';
import type { LinkageRecord } from './people.ts';

/** One linkage of everyone on record, as the review shows it and updates it decision by decision. */
export interface LinkRun {
  /** Everyone linked, oldest record first; `clusterOf` is in this order. */
  people: LinkageRecord[];
  byId: Map<string, LinkageRecord>;
  clusterOf: Int32Array;
  suggestions: Suggestion[];
  pairsCompared: number;
  /** The decisions as they stood, with this session's own added as they are made. */
  decisions: DecisionsAnswer;
}

export interface ReviewItem {
  key: string;
  /** The people shown side by side, oldest record first. */
  ids: string[];
  /** Their pairs still to decide, most likely first. */
  pairs: Suggestion[];
  probability: number;
}

export function reviewItems(run: LinkRun, open: readonly Suggestion[], skipped: ReadonlySet<string>): ReviewItem[] {
  const position = new Map(run.people.map((p, i) => [p.id, i]));
  const items = new Map<string, ReviewItem>();
  for (const s of open) {
    if (skipped.has(pairKey(s.a, s.b))) continue;
    const [i, j] = [position.get(s.a), position.get(s.b)];
    if (i === undefined || j === undefined) continue;
    const cluster = run.clusterOf[i] === run.clusterOf[j] ? `cluster:${run.clusterOf[i]}` : `pair:${pairKey(s.a, s.b)}`;
    const item = items.get(cluster) ?? { key: cluster, ids: [], pairs: [], probability: 0 };
    item.pairs.push(s);
    for (const id of [s.a, s.b]) if (!item.ids.includes(id)) item.ids.push(id);
    item.probability = Math.max(item.probability, s.probability);
    items.set(cluster, item);
  }
  for (const item of items.values()) {
    item.ids.sort((x, y) => position.get(x)! - position.get(y)!);
    item.pairs.sort((x, y) => y.probability - x.probability);
  }
  return [...items.values()].sort((x, y) => y.probability - x.probability);
}

/** The older record survives a merge unless the member chooses otherwise. */
export const olderOf = (run: LinkRun, a: string, b: string): string => {
  const [x, y] = [run.byId.get(a)!, run.byId.get(b)!];
  return x.createdAt <= y.createdAt ? a : b;
};

/** "Different people": the pair leaves the list. */
export const withDifferent = (run: LinkRun, a: string, b: string): LinkRun => ({ ...run, decisions: { ...run.decisions, distinct: [...run.decisions.distinct, { a, b }] } });

/** "Same person": the merge is listed, and every pair of the merged record leaves the list. */
export const withMerge = (run: LinkRun, merge: MergeView): LinkRun => ({
  ...run,
  suggestions: run.suggestions.filter((s) => s.a !== merge.mergedId && s.b !== merge.mergedId),
  decisions: { ...run.decisions, merges: [...run.decisions.merges, merge] },
});

/** A merge undone is shown as such; the record's pairs come back with the next run. */
export const withUndo = (run: LinkRun, mergeId: string): LinkRun => ({
  ...run,
  decisions: { ...run.decisions, merges: run.decisions.merges.map((m) => (m.id === mergeId ? { ...m, undone: true } : m)) },
});
