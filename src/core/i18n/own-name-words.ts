// Each language's name as its own readers write it ("Azərbaycanca", "Русский", "English"): the public
// pages' language menu and the choices of languages show it, whatever the page's own language.
import { defineWords } from './message.ts';
import type { Language } from './languages.ts';

export const ownNameWords = defineWords({
  en: {
    languageName: 'English',
  },
  ru: {
    languageName: 'Русский',
  },
  az: {
    languageName: 'Azərbaycanca',
  },
});

/** A language's name in itself. */
export const languageName = (language: Language): string => ownNameWords[language].languageName;
