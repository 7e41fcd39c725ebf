// The workspace's language and time zone for every component: `useWords(catalog)` gives `t(key,
// values)` in the member's language; `useFormats()` numbers, dates and times in the organization's
// zone. Switching language re-renders everything at once.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { translator, type MessageArgs, type Words } from '../../../core/i18n/message.ts';
import { DEFAULT_TIME_ZONE, formatsFor, type Formats } from '../../../core/i18n/format.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { browserLanguage, setCurrentLanguage } from './language.ts';

interface LanguageState {
  language: Language;
  timeZone: string;
  setLanguage(language: Language): void;
  setTimeZone(zone: string): void;
}

const fallbackZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;

const LanguageContext = createContext<LanguageState>({
  language: 'en',
  timeZone: DEFAULT_TIME_ZONE,
  setLanguage: () => undefined,
  setTimeZone: () => undefined,
});

export function LanguageProvider({ children, initial }: { children: ComponentChildren; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const first = initial ?? browserLanguage();
    setCurrentLanguage(first);
    return first;
  });
  const [timeZone, setTimeZone] = useState(fallbackZone);
  const value = useMemo<LanguageState>(
    () => ({
      language,
      timeZone,
      setLanguage(next) {
        setCurrentLanguage(next);
        setLanguageState(next);
      },
      setTimeZone,
    }),
    [language, timeZone],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export const useLanguage = (): LanguageState => useContext(LanguageContext);

/** `t(key, values)` for one catalog, in the workspace's language. */
export function useWords<K extends string>(words: Words<K>): (key: K, args?: MessageArgs) => string {
  const { language } = useContext(LanguageContext);
  return useMemo(() => translator(words, language), [words, language]);
}

/** Numbers, dates and times in the workspace's language and the organization's time zone. */
export function useFormats(): Formats {
  const { language, timeZone } = useContext(LanguageContext);
  return formatsFor(language, timeZone);
}
