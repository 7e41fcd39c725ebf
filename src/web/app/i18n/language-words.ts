// The languages Vigil speaks, named in the workspace's language (for document and form languages;
// the language switch names each language in itself instead).
import { defineWords } from '../../../core/i18n/message.ts';

export const languageNameWords = defineWords({
  en: {
    az: 'Azerbaijani',
    ru: 'Russian',
    en: 'English',
  },
  ru: {
    az: 'Азербайджанский',
    ru: 'Русский',
    en: 'Английский',
  },
  az: {
    az: 'Azərbaycan dili',
    ru: 'Rus dili',
    en: 'İngilis dili',
  },
});
