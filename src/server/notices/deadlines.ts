// The daily look for deadlines due tomorrow (in the organization's time zone): open follow-ups
// with that due day, and appeal deadlines no appeal was recorded for — what the Due soon list
// shows. Plain dates only; nothing sealed is read.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { addDays } from '../../core/records/custody.ts';

/** The calendar day and hour now in a time zone. */
export function localNow(timeZone: string, now = new Date()): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

export async function deadlinesOn(db: Kysely<Database>, day: string): Promise<number> {
  const [followUps, appeals] = await Promise.all([
    db.selectFrom('interventions').select((eb) => eb.fn.countAll<number>().as('n')).where('due_on', '=', day).where('status', 'in', ['planned', 'sent']).executeTakeFirstOrThrow(),
    db
      .selectFrom('detentions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('appeal_deadline', '=', day)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('interventions').select('id').whereRef('interventions.act_id', '=', 'detentions.act_id').where('interventions.type', '=', 'appeal'))))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(followUps.n) + Number(appeals.n);
}

/**
 * Once a day, at the first look at or after `hour` o'clock: how many deadlines fall due tomorrow.
 * The day looked at is kept in memory, so a restart that day looks again.
 */
export function dailyDeadlines(db: Kysely<Database>, hour: number) {
  let lastDay: string | null = null;
  return async (timeZone: string, now = new Date()): Promise<number> => {
    const local = localNow(timeZone, now);
    if (local.hour < hour || local.day === lastDay) return 0;
    const due = await deadlinesOn(db, addDays(local.day, 1));
    // Only now: a failed read is tried again at the next look.
    lastDay = local.day;
    return due;
  };
}
