// The one line a notice says ("Vigil: 1 new urgent report and 2 new reports"), from counts alone.
import { LOCALES, translator } from '../i18n/message.ts';
import type { Language } from '../i18n/languages.ts';
import { NOTICE_KINDS, type NoticeCounts } from './kinds.ts';
import { noticeWords } from './words.ts';

/** The kinds with a count, most pressing first; null when there is nothing to tell. */
export function noticeText(counts: NoticeCounts, language: Language): string | null {
  const t = translator(noticeWords, language);
  const parts = NOTICE_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => t(k, { count: counts[k]! }));
  if (parts.length === 0) return null;
  // The language's own way of joining a list ("a, b and c", "a, b и c", "a, b və c").
  return t('message', { list: new Intl.ListFormat(LOCALES[language], { type: 'conjunction', style: 'long' }).format(parts) });
}

export const testNoticeText = (language: Language): string => translator(noticeWords, language)('test');
export const openWorkspaceLine = (language: Language, url: string): string => translator(noticeWords, language)('open', { url });
