// What members decided about possible duplicates, as the server stores and the browser reads it:
// merges ("same person": one record survives, the other's acts, sources, follow-up and evidence
// move to it, and can move back) and "different people" pairs (never suggested again). Plain
// record ids only: names are compared in the member's browser and never reach the server.
import * as z from 'zod';

const id = z.uuid();
/** A person as the member saw it: a merge made from an older version is refused. */
const seen = z.object({ id, version: z.number().int().min(1) });

export const mergeRequest = z.object({ survivor: seen, merged: seen });
export type MergeRequest = z.infer<typeof mergeRequest>;

export const mergeCreated = z.object({ id });
export type MergeCreated = z.infer<typeof mergeCreated>;

/** An undo moves back the rows the merge moved; rows changed since to refer to someone else stay. */
export const mergeUndone = z.object({ id, restored: z.number().int().min(0), leftAlone: z.number().int().min(0) });
export type MergeUndone = z.infer<typeof mergeUndone>;

export const distinctRequest = z.object({ a: id, b: id });
export type DistinctRequest = z.infer<typeof distinctRequest>;

export const mergeView = z.object({
  id,
  survivorId: id,
  mergedId: id,
  /** P-codes, or null for a record purged since. */
  survivorCode: z.string().nullable(),
  mergedCode: z.string().nullable(),
  createdAt: z.string(),
  /** The member's email, as record histories show it (null if the member is gone). */
  createdBy: z.string().nullable(),
  undone: z.boolean(),
});
export type MergeView = z.infer<typeof mergeView>;

export const decisionsAnswer = z.object({
  merges: z.array(mergeView),
  distinct: z.array(z.object({ a: id, b: id })),
});
export type DecisionsAnswer = z.infer<typeof decisionsAnswer>;

/** A pair in one order, whichever way it was asked: stored once, looked up either way. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** The key the browser files a decided pair under, the same for (a, b) and (b, a). */
export const pairKey = (a: string, b: string): string => orderedPair(a, b).join('|');
