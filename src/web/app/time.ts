// Times as some pages still show them: UTC, to the minute (the server keeps report times to the
// hour). New code shows times with useFormats() (the member's language, the organization's zone).
import { translator } from '../../core/i18n/message.ts';
import type { Language } from '../../core/report/answers.ts';
import { currentLanguage } from './i18n/language.ts';
import { shellWords } from './shell-words.ts';

/** "2026-11-20T14:00Z" or a full ISO time → "2026-11-20 14:00". */
export function utcMinute(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

/** Hours or days from now until an ISO time, in words of the workspace's language. */
export function timeUntil(iso: string, now = Date.now(), language: Language = currentLanguage()): string {
  const t = translator(shellWords, language);
  const hours = Math.round((Date.parse(iso) - now) / 3600_000);
  if (hours <= 1) return t('inLessThanAnHour');
  if (hours < 48) return t('inHours', { count: hours });
  return t('inDays', { count: Math.round(hours / 24) });
}
