// A report named in a route's path, with the reporter's public key (the conversation needs it).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { HttpError, uuidParam } from '../http/errors.ts';

/** The report, or 404 (also for an id that is no UUID). */
export async function existingReport(db: Kysely<Database>, id: string) {
  const report = await db.selectFrom('reports').select(['id', 'reporter_key']).where('id', '=', uuidParam(id)).executeTakeFirst();
  if (!report) throw new HttpError(404, 'not-found');
  return report;
}
