// What an estimate's reader must be told, as codes with their figures; the words (az, ru, en) come with
// the workspace. The two assumptions are always stated: every estimate rests on them.
import { overlap, type CaptureHistories } from './histories.ts';

/** Fewer people than this on two lists at once makes their dependence, and so the estimate, unstable. */
export const SMALL_OVERLAP = 5;

export type EstimateWarning =
  | { code: 'assumption-closed-population' }
  | { code: 'assumption-homogeneity' }
  | { code: 'small-overlap'; lists: [number, number]; people: number }
  | { code: 'models-bounded'; fitted: number }
  | { code: 'not-converged'; model: string }
  | { code: 'boundary'; model: string }
  | { code: 'large-bias'; model: string; bias: number }
  | { code: 'interaction-of-lists-apart'; model: string; lists: [number, number] }
  | { code: 'no-fit-check'; model: string }
  | { code: 'interval-at-observed'; model: string }
  | { code: 'interval-unbounded'; model: string; searchedTo: number };

/** Warnings that make a model's own figures untrustworthy, whatever its interval says. */
const UNRELIABLE_FIT: readonly EstimateWarning['code'][] = ['boundary', 'not-converged', 'large-bias'];
export const isUnreliable = (warnings: readonly EstimateWarning[]): boolean => warnings.some((w) => UNRELIABLE_FIT.includes(w.code));

export const ASSUMPTIONS: EstimateWarning[] = [{ code: 'assumption-closed-population' }, { code: 'assumption-homogeneity' }];

/** Every pair of lists (0-based) sharing fewer than SMALL_OVERLAP people. */
export function overlapWarnings(histories: CaptureHistories): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  for (let i = 0; i < histories.lists; i++) {
    for (let j = i + 1; j < histories.lists; j++) {
      const people = overlap(histories, i, j);
      if (people < SMALL_OVERLAP) warnings.push({ code: 'small-overlap', lists: [i, j], people });
    }
  }
  return warnings;
}
