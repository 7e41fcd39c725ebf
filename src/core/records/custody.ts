// Dates of custody: the expected release, days held, appeal deadlines and the order of the
// currently-held board. Pure functions on calendar dates ('YYYY-MM-DD', no time zone), shared by
// the server (which stores the expected release so it can sort and count) and the workspace.
import { IN_CUSTODY } from './vocabulary-words.ts';

export type Day = string; // 'YYYY-MM-DD'
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const toUtc = (day: Day): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** A real calendar day (rejects 2026-02-30). */
export function isDay(value: string): boolean {
  return DAY.test(value) && new Date(toUtc(value)).toISOString().slice(0, 10) === value;
}

export function addDays(day: Day, days: number): Day {
  return new Date(toUtc(day) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

export const today = (now = new Date()): Day => now.toISOString().slice(0, 10);

/**
 * The day someone sentenced to N days is due out. The term runs from the day custody began
 * (time already held counts towards it, as under the Azerbaijani Code of Administrative
 * Offences), so detained on 1 November with 30 days means out on 1 December. A team that knows
 * the term began later records that day as the sentence start.
 */
export function expectedRelease(detention: { decision: string | null; detentionDays: number | null; sentenceStart: Day | null; custodyStart: Day | null }): Day | null {
  if (detention.decision !== 'detention' || !detention.detentionDays) return null;
  const start = detention.sentenceStart ?? detention.custodyStart;
  return start ? addDays(start, detention.detentionDays) : null;
}

/** The last day to appeal a decision, where the legal provision says how many days there are. */
export function appealDeadline(decisionDate: Day | null, appealDays: number | null): Day | null {
  return decisionDate && appealDays ? addDays(decisionDate, appealDays) : null;
}

export interface HeldPerson {
  status: string;
  lawyerAccess: string;
  decision: string | null;
  custodyStart: Day | null;
  expectedRelease: Day | null;
}

export const inCustody = (status: string): boolean => (IN_CUSTODY as readonly string[]).includes(status);

/**
 * How urgent a case on the currently-held board is, most urgent first: whereabouts unknown;
 * no lawyer (or not known to have one); no decision yet; the rest. Within a level, the longest
 * held first, then the soonest release.
 */
export function urgencyLevel(p: HeldPerson): number {
  if (p.status === 'unknown') return 0;
  if (p.lawyerAccess === 'none' || p.lawyerAccess === 'no-consultation' || p.lawyerAccess === 'unknown') return 1;
  if (!p.decision || p.decision === 'pending') return 2;
  return 3;
}

export function byUrgency(a: HeldPerson, b: HeldPerson): number {
  return (
    urgencyLevel(a) - urgencyLevel(b) ||
    (a.custodyStart ?? '9999').localeCompare(b.custodyStart ?? '9999') ||
    (a.expectedRelease ?? '9999').localeCompare(b.expectedRelease ?? '9999')
  );
}
