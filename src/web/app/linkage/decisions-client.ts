// The workspace's calls for decisions about possible duplicates (issue 11), typed by the shared
// schemas (src/core/linkage/decisions.ts). Only record ids and versions are sent: the names that
// made two records look alike stay in this browser.
import { api } from '../session/api.ts';
import { pairKey, type DecisionsAnswer, type MergeCreated, type MergeRequest, type MergeUndone } from '../../../core/linkage/decisions.ts';

/** Every merge (standing or undone) and every pair decided to be different people. */
export function loadDecisions(): Promise<DecisionsAnswer> {
  return api<DecisionsAnswer>('/api/linkage/decisions');
}

/**
 * "Same person": `merged`'s acts, sources, follow-up and evidence move to `survivor`. Each is named
 * with the version the member saw; a 409 'edit-conflict' means one changed meanwhile (reload),
 * 'already-merged' and 'different-people' that someone decided otherwise meanwhile.
 */
export function mergePeople(request: MergeRequest): Promise<MergeCreated> {
  return api<MergeCreated>('/api/linkage/merges', request);
}

/** Moves back exactly what the merge moved (409 'merged-since' if the survivor was merged on since). */
export function undoMerge(mergeId: string): Promise<MergeUndone> {
  return api<MergeUndone>(`/api/linkage/merges/${encodeURIComponent(mergeId)}/undo`, {});
}

/** "Different people": the pair is never suggested again. Deciding twice is harmless. */
export async function markDifferent(a: string, b: string): Promise<void> {
  await api<unknown>('/api/linkage/distinct', { a, b });
}

/** What the suggestions page needs at hand: decided pairs (either order) and who is merged into whom. */
export interface DecidedSets {
  /** pairKey(a, b) of pairs decided different. */
  different: Set<string>;
  /** pairKey(survivor, merged) of merges that stand. */
  merged: Set<string>;
  /** A merged person's id → the survivor's id, for merges that stand. */
  mergedInto: Map<string, string>;
}

export function decidedSets(decisions: DecisionsAnswer): DecidedSets {
  const standing = decisions.merges.filter((m) => !m.undone);
  return {
    different: new Set(decisions.distinct.map((d) => pairKey(d.a, d.b))),
    merged: new Set(standing.map((m) => pairKey(m.survivorId, m.mergedId))),
    mergedInto: new Map(standing.map((m) => [m.mergedId, m.survivorId])),
  };
}

/** Was this pair decided already (different people, or one merged into the other)? */
export const isDecided = (sets: DecidedSets, a: string, b: string): boolean => sets.different.has(pairKey(a, b)) || sets.merged.has(pairKey(a, b));
