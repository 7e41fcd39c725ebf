// Failure windows kept in the database, so every server on one PostgreSQL refuses the same account
// (a lockout in one server's memory was undone by the proxy sending the next guess to another).
// A window starts at a key's first failure and lasts `windowMs`; at `max` failures the key waits
// for its end. Keys are keyed hashes of typed addresses, device nonces or member ids — never a
// client's network address (those stay in each server's memory: see docs/deploy.md). Ended windows
// are deleted by the hourly purge, so the table holds at most one window's worth of failures.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

export interface FailurePolicy {
  /** Failures allowed in one window; the next attempt is refused until the window ends. */
  max: number;
  windowMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class FailureWindows {
  /** `kind` prefixes every key, so one table holds accounts, devices and passphrase changes apart. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: string,
    readonly policy: FailurePolicy,
  ) {}

  /** Seconds until `key` may try again; 0 when it may try now. */
  async lockedFor(key: string, now: number): Promise<number> {
    const row = await this.db.selectFrom('login_failures').select(['failures', 'ends_at']).where('key', '=', `${this.kind}:${key}`).executeTakeFirst();
    if (!row || row.failures < this.policy.max) return 0;
    const endsAt = Date.parse(row.ends_at);
    return endsAt > now ? Math.ceil((endsAt - now) / 1000) : 0;
  }

  /** One more failure: in the key's window, or the first of a new one. One statement, so two servers counting at once both count. */
  async fail(key: string, now: number): Promise<void> {
    const at = iso(now);
    await this.db
      .insertInto('login_failures')
      .values({ key: `${this.kind}:${key}`, failures: 1, ends_at: iso(now + this.policy.windowMs) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when login_failures.ends_at <= ${at} then 1 else login_failures.failures + 1 end`,
          ends_at: sql<string>`case when login_failures.ends_at <= ${at} then excluded.ends_at else login_failures.ends_at end`,
        }),
      )
      .execute();
  }
}

/** Deletes ended windows (any kind): run with the hourly purge. */
export async function purgeEndedFailures(db: Kysely<Database>, now = Date.now()): Promise<void> {
  await db.deleteFrom('login_failures').where('ends_at', '<=', iso(now)).execute();
}
