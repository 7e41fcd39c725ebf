// Spent proofs shared by every server on one PostgreSQL: a proof spent on one cannot be spent again
// on another. The id is the challenge's random id (never derived from a reporter), kept until its
// challenge expires. SQLite has one server (the data-folder lock): its proofs stay in memory, where
// remembering one costs nothing measurable (see the README's benchmark on the database's cost).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Storage } from '../storage/open.ts';
import { SpentInMemory, type SpentProofs, type Spending } from '../../core/pow/spent.ts';
import { GroupCommit } from '../storage/group-commit.ts';

/** Expired ids are deleted at most this often (seconds), by whichever spend comes then. */
const SWEEP_SECONDS = 60;

export class SpentInDatabase implements SpentProofs {
  private lastSweep = 0;
  /** Ids the latest batch stored (not spent before), each taken by the spend that asked. */
  private readonly stored = new Set<string>();
  // Spends arriving together share one statement: under a flood of proofs, one round trip for many.
  private readonly batches = new GroupCommit<{ id: string; expires_at: number }>(async (rows) => {
    const inserted = await this.db.insertInto('pow_spent').values(rows).onConflict((c) => c.column('id').doNothing()).returning('id').execute();
    for (const { id } of inserted) this.stored.add(id);
  });

  constructor(private readonly db: Kysely<Database>) {}

  async spend(id: string, expiresAt: number, now: number): Promise<Spending> {
    if (now - this.lastSweep >= SWEEP_SECONDS) {
      this.lastSweep = now;
      void this.db.deleteFrom('pow_spent').where('expires_at', '<=', now).execute().catch(() => undefined);
    }
    await this.batches.add({ id, expires_at: expiresAt });
    // The same id twice in one batch is stored once: the first spend to look takes it.
    return this.stored.delete(id) ? 'fresh' : 'replayed';
  }
}

/** Where this server remembers spent proofs: the database when several servers may share it. */
export const spentProofsFor = (storage: Storage): SpentProofs => (storage.kind === 'postgres' ? new SpentInDatabase(storage.db) : new SpentInMemory());
