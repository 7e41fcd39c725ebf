// The daily look for deadlines due tomorrow (in the organization's time zone): open follow-ups
// with that due day, and appeal deadlines no appeal was recorded for — what the Due soon list
// shows. Plain dates only; nothing sealed is read.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { addDays } from '../../core/records/custody.ts';
import { claimDay, releaseDay } from '../cluster/daily-claim.ts';

const DEADLINE_JOB = 'notice-deadlines';

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
 * With several servers one looks each day: the first to claim the day (daily_claims) as `owner`; a
 * restart that day does not look again. A failed look gives the day back for the next look.
 */
export function dailyDeadlines(db: Kysely<Database>, hour: number, owner: string, count: (db: Kysely<Database>, day: string) => Promise<number> = deadlinesOn) {
  let lastDay: string | null = null;
  return async (timeZone: string, now = new Date()): Promise<number> => {
    const local = localNow(timeZone, now);
    if (local.hour < hour || local.day === lastDay) return 0;
    if (!(await claimDay(db, DEADLINE_JOB, local.day, owner))) {
      lastDay = local.day;
      return 0;
    }
    try {
      const due = await count(db, addDays(local.day, 1));
      lastDay = local.day;
      return due;
    } catch (error) {
      await releaseDay(db, DEADLINE_JOB, local.day, owner).catch(() => undefined);
      throw error;
    }
  };
}
