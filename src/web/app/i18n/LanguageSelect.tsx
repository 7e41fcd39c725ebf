// The languages Vigil speaks, named in the workspace's language, and the one picker every page
// that writes or renders in a chosen language uses.
import { LANGUAGES, type Language } from '../../../core/i18n/languages.ts';
import { translator } from '../../../core/i18n/message.ts';
import { useLanguage } from './context.tsx';
import { currentLanguage } from './language.ts';
import { languageNameWords } from './language-words.ts';

/** The languages' names in `inLanguage` ("Azerbaijani", "Азербайджанский", "Azərbaycan dili"). */
export function languageNames(inLanguage: Language): Record<Language, string> {
  const t = translator(languageNameWords, inLanguage);
  return { az: t('az'), ru: t('ru'), en: t('en') };
}

/** The languages' names in the workspace's language, for components (re-rendered when it changes). */
export function useLanguageNames(): Record<Language, string> {
  return languageNames(useLanguage().language);
}

/** The names in the workspace's language at the moment each is read (prefer useLanguageNames() in components). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = Object.freeze({
  get az() {
    return languageNames(currentLanguage()).az;
  },
  get ru() {
    return languageNames(currentLanguage()).ru;
  },
  get en() {
    return languageNames(currentLanguage()).en;
  },
});

export function LanguageSelect({ id, label, value, onChange, languages = LANGUAGES }: { id: string; label: string; value: Language; onChange: (language: Language) => void; languages?: readonly Language[] }) {
  const names = useLanguageNames();
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </>
  );
}
