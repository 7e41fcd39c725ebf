import { REPORT_STATES, type ReportStateName } from '../../../core/api/inbox.ts';
import type { inboxWords } from './words.ts';

export { REPORT_STATES, type ReportStateName };

type InboxKey = keyof (typeof inboxWords)['en'];
type Translate = (key: InboxKey, args?: Record<string, string | number>) => string;

const SHOWN: Record<ReportStateName, InboxKey> = {
  new: 'stateNew',
  in_review: 'stateInReview',
  verified: 'stateVerified',
  unverified: 'stateUnverified',
  duplicate: 'stateDuplicate',
  spam: 'stateSpam',
  archived: 'stateArchived',
};

const IN_SENTENCE: Record<ReportStateName, InboxKey> = {
  new: 'inSentenceNew',
  in_review: 'inSentenceInReview',
  verified: 'inSentenceVerified',
  unverified: 'inSentenceUnverified',
  duplicate: 'inSentenceDuplicate',
  spam: 'inSentenceSpam',
  archived: 'inSentenceArchived',
};

/** A state's name on its own (a badge, an option). */
export const stateName = (t: Translate, state: ReportStateName): string => t(SHOWN[state]);

/** "Report #3 marked verified." — the state as a word in that sentence. */
export function markedState(t: Translate, state: ReportStateName, reports: { seq: number }[]): string {
  return t('markedState', { count: reports.length, seq: String(reports[0]?.seq ?? ''), state: t(IN_SENTENCE[state]) });
}

/** Keys 1–7 set these states, in this order. */
export const STATE_KEYS: Record<string, ReportStateName> = Object.fromEntries(REPORT_STATES.map((s, i) => [String(i + 1), s]));
