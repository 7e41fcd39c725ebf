// Text derived from a report's answers: the line shown in the inbox and the folded text search
// runs over (core/linkage/search.ts: across scripts and missing diacritics). Computed in the
// decryption workers, next to the opening, so the page's main thread only stores it.
import type { ReportAnswers } from '../../../core/report/answers.ts';
import { MESSAGES } from '../../../core/i18n/index.ts';
import { FoldedWords, searchTextOf as foldedForSearch } from '../../../core/linkage/search.ts';

const en = MESSAGES.en;

export function whatHappened(a: ReportAnswers): string {
  return a.what.map((w) => en.what[w]).join('; ');
}

export function firstLineOf(a: ReportAnswers): string {
  const line = (a.story ?? '').split('\n').find((l) => l.trim()) ?? '';
  const text = line.trim() || whatHappened(a) || a.whatOther || '(no story)';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** Words folded so far by this worker (or page, without workers): dropped with the keys on lock. */
const folded = new FoldedWords();
export const forgetFoldedWords = () => folded.forget();

export function searchTextOf(a: ReportAnswers): string {
  return foldedForSearch([a.story, whatHappened(a), a.whatOther, a.whenExact, a.whenRough, a.city, a.place, a.contact, a.people === undefined ? '' : String(a.people)].filter(Boolean).join('\n'), folded);
}
