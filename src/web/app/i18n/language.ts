// The workspace's language before anyone logs in (`?lang=`, else the browser's languages), and the
// one in use now — read outside components too (the API client words the server's error codes).
import { isLanguage } from '../../../core/i18n/index.ts';
import type { Language } from '../../../core/i18n/languages.ts';

export function browserLanguage(search = location.search, preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

let current: Language = 'en';

export const currentLanguage = (): Language => current;

export function setCurrentLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}
