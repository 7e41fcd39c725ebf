// A day's job done by one server of several: the first whose (job, day) row is stored does it; the
// others, finding the row, leave it. A job that fails gives its day back, so a later look retries.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

/** True if this server (`owner`) is the one to do `job` on `day`. */
export async function claimDay(db: Kysely<Database>, job: string, day: string, owner: string): Promise<boolean> {
  const claimed = await db.insertInto('daily_claims').values({ job, day, owner }).onConflict((c) => c.columns(['job', 'day']).doNothing()).executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows) !== 1) return false;
  // Earlier days of the job are done or past: one row a job is enough.
  await db.deleteFrom('daily_claims').where('job', '=', job).where('day', '<', day).execute();
  return true;
}

/** Gives the day back after the job failed. */
export async function releaseDay(db: Kysely<Database>, job: string, day: string, owner: string): Promise<void> {
  await db.deleteFrom('daily_claims').where('job', '=', job).where('day', '=', day).where('owner', '=', owner).execute();
}
