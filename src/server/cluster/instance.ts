// This running server, as the other servers on the same database see it: a random id and a
// heartbeat. Work only this process can finish (an email whose address is in its memory, a backup
// it is writing) carries its id; whoever finds that id no longer beating ends the work as
// interrupted — so a restart interrupts its own work only, never a neighbour's.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { databaseNow } from '../storage/dialect.ts';

export interface Instance {
  readonly id: string;
  /** Stops beating and removes the row: a clean stop leaves no id to wait for. */
  stop(): Promise<void>;
}

export interface HeartbeatTiming {
  everyMs: number;
  /** Not seen for this long: stopped (or cut off), its work may be taken over. */
  staleMs: number;
}

export const HEARTBEAT: HeartbeatTiming = { everyMs: 5_000, staleMs: 30_000 };

export async function startInstance(db: Kysely<Database>, timing: HeartbeatTiming = HEARTBEAT): Promise<Instance> {
  const id = randomUUID();
  // The database's clock: machines whose clocks differ must not think each other stopped.
  await db.insertInto('server_instances').values({ id, started_at: databaseNow(db), seen_at: databaseNow(db) }).execute();
  const beat = () =>
    db
      .updateTable('server_instances')
      .set({ seen_at: databaseNow(db) })
      .where('id', '=', id)
      .execute()
      // A missed beat is tried again at the next; a long outage makes others take over, as it should.
      .catch(() => undefined);
  const timer = setInterval(beat, timing.everyMs);
  timer.unref();
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.deleteFrom('server_instances').where('id', '=', id).execute().catch(() => undefined);
    },
  };
}

/** Ids of the servers still beating (this one included): work owned by any other id was abandoned. */
export function livingInstances(db: Kysely<Database>, timing: HeartbeatTiming = HEARTBEAT) {
  return db.selectFrom('server_instances').select('id').where('seen_at', '>', databaseNow(db, timing.staleMs / 1000));
}

/** Rows of servers not seen for a day: long stopped, their work long ended (run with the hourly purge). */
export async function forgetStoppedInstances(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('server_instances').where('seen_at', '<', databaseNow(db, 86_400)).execute();
}
