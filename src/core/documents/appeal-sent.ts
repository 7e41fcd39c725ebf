// "Mark as sent" for a UN communication: one follow-up (an intervention of type 'un-appeal') per
// person concerned, all in one request, so the server can store them whole or not at all and
// refuse to make a second set for the same communication — same kind, same people, same day —
// when the button is pressed twice or the page is sent again.
import * as z from 'zod';
import { interventionInput } from '../records/schemas.ts';
import { addDays, isDay } from '../records/custody.ts';
import { COMMUNICATION_KINDS, FOLLOW_UP_DAYS, type CommunicationKind } from './un-communication.ts';

/** How urgent each kind's follow-up is: someone held now makes it urgent. */
export const APPEAL_PRIORITY = { 'urgent-appeal': 'urgent', 'allegation-letter': 'high' } as const satisfies Record<CommunicationKind, string>;

/** The follow-up's plain fields for one person (its sealed part is made in the browser). */
export function appealFollowUp(kind: CommunicationKind, day: string, personId: string, incidentId: string | null) {
  return { incidentId, personId, actId: null, type: 'un-appeal', onDay: day, status: 'sent', priority: APPEAL_PRIORITY[kind], dueOn: addDays(day, FOLLOW_UP_DAYS[kind]) } as const;
}

export const appealSentInput = z
  .object({
    kind: z.enum(COMMUNICATION_KINDS),
    day: z.string().refine(isDay),
    followUps: z.array(z.object({ id: z.uuid(), record: interventionInput })).min(1).max(100),
  })
  .refine(({ kind, day, followUps }) => {
    const people = followUps.map((f) => f.record.personId);
    // Each follow-up is exactly the one "Mark as sent" makes for its person, each person once.
    return (
      new Set(people).size === people.length &&
      followUps.every(({ record }) => {
        const expected = record.personId ? appealFollowUp(kind, day, record.personId, record.incidentId) : null;
        return expected && (Object.keys(expected) as (keyof typeof expected)[]).every((k) => record[k] === expected[k]);
      })
    );
  }, 'one follow-up of this communication for each person');
export type AppealSentInput = z.infer<typeof appealSentInput>;
