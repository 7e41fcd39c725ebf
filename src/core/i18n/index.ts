// Choosing the reader's language. Words themselves are in catalogs beside the code that shows them
// (defineWords, ./message.ts); the ones server and browser share are here: error-words.ts,
// language-words.ts, report-choice-words.ts.
import { LANGUAGES, type Language } from './languages.ts';

export type { ErrorCode } from './error-words.ts';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the language: an explicit choice (?lang= or a form field) wins, then the first
 * Accept-Language entry we speak, then the organization's first language.
 */
export function pickLanguage(explicit: unknown, acceptLanguage: string | undefined, offered: readonly Language[]): Language {
  if (isLanguage(explicit) && offered.includes(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) if (isLanguage(lang) && offered.includes(lang)) return lang;
  return offered[0] ?? 'en';
}
