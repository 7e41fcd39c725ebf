// Proofs are single use: a spent challenge id is remembered until its challenge expires, and no
// longer (a proof cannot be replayed after that anyway). Bounded: when full of unexpired ids, a new
// proof is simply not accepted (its request is counted like one without a proof) rather than
// forgetting an id that could then be replayed.

export type Spending = 'fresh' | 'replayed' | 'full';

/** Where spent ids are kept: in memory here; in the database shared by several servers (server/pow/spent.ts). */
export interface SpentProofs {
  /** 'fresh' if `id` was not spent before (and now is); 'replayed' if it was; 'full' if there is no room. */
  spend(id: string, expiresAt: number, now: number): Spending | Promise<Spending>;
}

export class SpentInMemory implements SpentProofs {
  private readonly ids = new Map<string, number>();
  private lastSweep = 0;

  /** About 100 bytes an id: 200,000 ids hold 20 MB at most. */
  constructor(private readonly capacity = 200_000) {}

  /** `expiresAt` and `now` in the same unit (the server uses unix seconds). */
  spend(id: string, expiresAt: number, now: number): Spending {
    // Swept once a minute, and when full at most once a second (a sweep walks every id).
    if (now - this.lastSweep >= (this.ids.size >= this.capacity ? 1 : 60)) this.sweep(now);
    if (this.ids.has(id)) return 'replayed';
    if (this.ids.size >= this.capacity) return 'full';
    this.ids.set(id, expiresAt);
    return 'fresh';
  }

  get size(): number {
    return this.ids.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, expiresAt] of this.ids) if (expiresAt <= now) this.ids.delete(id);
  }
}
