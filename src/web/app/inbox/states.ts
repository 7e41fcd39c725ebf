import { REPORT_STATES, type ReportStateName } from '../../../core/api/schemas.ts';

export { REPORT_STATES, type ReportStateName };

export const STATE_NAMES: Record<ReportStateName, string> = {
  new: 'New',
  in_review: 'In review',
  verified: 'Verified',
  unverified: 'Unverified',
  duplicate: 'Duplicate',
  spam: 'Spam',
  archived: 'Archived',
};

/** Keys 1–7 set these states, in this order. */
export const STATE_KEYS: Record<string, ReportStateName> = Object.fromEntries(REPORT_STATES.map((s, i) => [String(i + 1), s]));
