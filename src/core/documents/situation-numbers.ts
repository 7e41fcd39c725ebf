// The numbers of a situation report, as the server computes them from plain columns (never typed
// by a person), and the query that asks for them. Shared by the server and the workspace.
import * as z from 'zod';
import { isDay } from '../records/custody.ts';

export const SITUATION_FORMAT = 'vigil/situation-numbers/v1' as const;

const day = z.string().refine(isDay, 'a calendar day, YYYY-MM-DD');
/** A moment: a day (meaning its end, UTC) or an ISO-8601 time. */
const moment = z.string().max(40).refine((v) => isDay(v) || (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))), 'a day or an ISO time');

export const situationQuery = z
  .object({
    asOf: moment.optional(),
    from: day.optional(),
    to: day.optional(),
    /** Incident ids, comma-separated. */
    incident: z.string().max(50 * 37).regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i).optional(),
    lang: z.string().max(5).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, 'from must not be after to');
export type SituationQuery = z.infer<typeof situationQuery>;

/** The instant a query's `asOf` names: a day means the end of that day (UTC); none means now. */
export function asOfInstant(asOf: string | undefined, now = new Date()): string {
  if (!asOf) return now.toISOString();
  if (isDay(asOf)) return `${asOf}T23:59:59.999Z`;
  return new Date(asOf).toISOString();
}

export interface Count {
  acts: number;
  people: number;
}

export interface SituationNumbers {
  format: typeof SITUATION_FORMAT;
  asOf: string;
  from: string | null;
  to: string | null;
  incidentIds: string[];
  organization: { name: string; publicTitle: string };
  /** Violations: one act against one person. */
  acts: number;
  incidents: number;
  /** People: records, and individuals (a group counts as its size). */
  people: { records: number; individuals: number };
  /** Earliest and latest act date known (as recorded, possibly only a month or a year). */
  period: { first: string | null; last: string | null };
  custody: {
    detentions: number;
    /** People in custody at that moment (held, transferred or whereabouts unknown). */
    held: number;
    released: number;
    sentenced: number;
    fined: number;
    /** Sentences of administrative detention by length, in days. */
    sentenceDays: { days: number; people: number }[];
  };
  byActType: ({ code: string } & Count)[];
  byPlace: ({ placeId: string | null } & Count)[];
  heldByPlace: { placeId: string | null; people: number }[];
  byUnit: ({ unitId: string | null; perpetratorType: string } & Count)[];
  /** People in scope who consented to public use: the only ones whose accounts may be quoted. */
  publicAccounts: { personId: string; code: string }[];
}
