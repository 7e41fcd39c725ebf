// A comparison vector as one small number, so EM runs over the few hundred distinct patterns of
// millions of pairs, and a pair is stored in two bytes.
import { LEVELS } from './compare.ts';
import type { ComparisonVector } from './fellegi-sunter.ts';

/** Each field takes its levels plus one for "unknown" (0). */
const BASES = LEVELS.map((n) => n + 1);

export function patternOf(vector: ComparisonVector): number {
  let code = 0;
  for (let f = BASES.length - 1; f >= 0; f--) code = code * BASES[f]! + (vector[f] === null || vector[f] === undefined ? 0 : vector[f]! + 1);
  return code;
}

export function vectorOf(pattern: number): (number | null)[] {
  return BASES.map((base) => {
    const digit = pattern % base;
    pattern = Math.floor(pattern / base);
    return digit === 0 ? null : digit - 1;
  });
}
