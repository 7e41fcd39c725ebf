// Text derived from a report's answers: the line shown in the inbox and the folded text search
// runs over (core/linkage/search.ts: across scripts and missing diacritics). Computed in the
// decryption workers, next to the opening, so the page's main thread only stores it. The workers
// do not know the reader's language: what they derive is the reporter's own words, and the
// ticked boxes as codes, worded when shown (headlineOf). Pure but for the folded-words cache,
// which forgetFoldedWords() drops with the keys.
import type { ReportAnswers, WhatHappened } from './answers.ts';
import type { Language } from '../i18n/languages.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { whatHappenedWords } from '../i18n/report-choice-words.ts';
import { FoldedWords, searchTextOf as foldedForSearch } from '../linkage/search.ts';

/** The ticked boxes, in the reader's language. */
export function whatHappened(what: readonly WhatHappened[], language: Language): string {
  return what.map((w) => whatHappenedWords[language][w]).join('; ');
}

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

/** The reporter's own first line (of the story, else of "something else"), or '' if they wrote none. */
export function firstLineOf(a: ReportAnswers): string {
  const line = (a.story ?? '').split('\n').find((l) => l.trim()) ?? '';
  return shorten(line.trim() || (a.whatOther ?? '').trim());
}

/** The line a report is listed by: its first line, else what happened, else "(no story)"; ⚠ if its quick copy was false. */
export function headlineOf(content: { firstLine: string; what: readonly WhatHappened[]; tampered?: boolean }, language: Language, noStory: string): string {
  const line = content.firstLine || shorten(whatHappened(content.what, language)) || noStory;
  return content.tampered ? `⚠ ${line}` : line;
}

/** Words folded so far by this worker (or page, without workers): dropped with the keys on lock. */
const folded = new FoldedWords();
export const forgetFoldedWords = () => folded.forget();

/** The answers folded for search; the ticked boxes in every language, so a search in any finds them. */
export function reportSearchText(a: ReportAnswers): string {
  const ticked = LANGUAGES.map((language) => whatHappened(a.what, language));
  return foldedForSearch([a.story, ...ticked, a.whatOther, a.whenExact, a.whenRough, a.city, a.place, a.contact, a.people === undefined ? '' : String(a.people)].filter(Boolean).join('\n'), folded);
}
