// A "know your rights" or "staying safe" page, around the organization's own words.
import { defineWords } from '../../core/i18n/message.ts';

export const guideWords = defineWords({
  en: {
    guideNotInLanguage: 'This page is not written in your language yet. You can read it in:',
    guideEmpty: 'This page has not been written yet.',
    guideUpdated: 'Written by the team. Updated {when}.',
  },
  ru: {
    guideNotInLanguage: 'Эта страница ещё не написана на вашем языке. Её можно прочитать на:',
    guideEmpty: 'Эта страница ещё не написана.',
    guideUpdated: 'Написано командой. Обновлено {when}.',
  },
  az: {
    guideNotInLanguage: 'Bu səhifə hələ sizin dilinizdə yazılmayıb. Onu bu dillərdə oxuya bilərsiniz:',
    guideEmpty: 'Bu səhifə hələ yazılmayıb.',
    guideUpdated: 'Komanda tərəfindən yazılıb. {when} tarixində yeniləndi.',
  },
});
