// Words of the shared pieces in ui/ that say something themselves (the safety code while it is computed).
import { defineWords } from '../../../core/i18n/message.ts';

export const uiWords = defineWords({
  en: {
    computingCode: 'Computing the safety code…',
  },
  ru: {
    computingCode: 'Вычисляем код безопасности…',
  },
  az: {
    computingCode: 'Təhlükəsizlik kodu hesablanır…',
  },
});
