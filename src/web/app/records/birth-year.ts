// A person's year of birth: sealed with their name (it narrows down who they are), used by
// linkage to tell apart people who share a common name.
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { incidentWords } from './incident-words.ts';

/** A stored year of birth, or null when there is none that makes sense. */
export function yearOf(value: unknown): number | null {
  const year = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null;
}

/** The typed year for sealing: null when left empty; a clear message, in the member's language, for anything but a year. */
export function birthYearField(text: string): number | null {
  if (!text.trim()) return null;
  const year = yearOf(text);
  if (year === null) throw new Error(translator(incidentWords, currentLanguage())('birthYearInvalid'));
  return year;
}
