// Words every public page may show: the frame (skip link, language menu, quick exit, more links) and
// the links and the sending notice several pages share.
import { defineWords } from '../../core/i18n/message.ts';

export const layoutWords = defineWords({
  en: {
    skipToContent: 'Skip to the content',
    languageMenu: 'Language',
    quickExit: 'Quick exit',
    quickExitHint: 'Leaves this page at once.',
    moreLinks: 'More',
    backToForm: 'Back to the form',
    checkStatus: 'Check on a report',
    sending: 'Locking and sending…',
  },
  ru: {
    skipToContent: 'Перейти к содержанию',
    languageMenu: 'Язык',
    quickExit: 'Быстрый выход',
    quickExitHint: 'Сразу уйти с этой страницы.',
    moreLinks: 'Ещё',
    backToForm: 'Вернуться к форме',
    checkStatus: 'Проверить сообщение',
    sending: 'Шифруем и отправляем…',
  },
  az: {
    skipToContent: 'Məzmuna keç',
    languageMenu: 'Dil',
    quickExit: 'Tez çıxış',
    quickExitHint: 'Bu səhifədən dərhal çıxır.',
    moreLinks: 'Daha çox',
    backToForm: 'Formaya qayıt',
    checkStatus: 'Məlumatı yoxla',
    sending: 'Kilidlənir və göndərilir…',
  },
});
