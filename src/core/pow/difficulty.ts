// How hard the puzzle is: a base every reporter pays (about a second on a slow phone), one bit
// more (twice the work) for each doubling of proof-carrying submissions above what a busy day
// brings, up to a cap a real person can still wait for.

export interface DifficultyRule {
  /** Bits asked when all is quiet (VIGIL_POW_BITS). */
  base: number;
  /** Valid proofs a minute, per family, that a busy day of real reporting may bring. */
  threshold: number;
  /** At most this many bits above the base (each doubles a phone's wait). */
  maxExtra: number;
}

export const DEFAULT_RULE = { threshold: 30, maxExtra: 4 } as const;

/** The bits to ask for, given the valid proofs seen in the last minute. */
export function requiredBits(rule: DifficultyRule, proofsLastMinute: number): number {
  if (!(proofsLastMinute > rule.threshold)) return rule.base;
  const doublings = Math.ceil(Math.log2(proofsLastMinute / rule.threshold));
  return rule.base + Math.min(rule.maxExtra, doublings);
}

/** Counts events over the last minute in six ten-second buckets; time is given, never read. */
export class LastMinuteCount {
  private readonly buckets = new Array<number>(6).fill(0);
  private current = 0;

  /** `now` in milliseconds. */
  add(now: number): void {
    this.advance(now);
    this.buckets[this.current % 6]! += 1;
  }

  total(now: number): number {
    this.advance(now);
    return this.buckets.reduce((a, b) => a + b, 0);
  }

  private advance(now: number): void {
    const slot = Math.floor(now / 10_000);
    if (slot <= this.current) return;
    // Empty the buckets the clock has moved past (all six after a quiet minute).
    for (let s = Math.max(this.current + 1, slot - 5); s <= slot; s++) this.buckets[s % 6] = 0;
    this.current = slot;
  }
}
