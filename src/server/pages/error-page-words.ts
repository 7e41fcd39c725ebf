// The error page, and the bland page quick exit lands on (nothing of this site on it).
import { defineWords } from '../../core/i18n/message.ts';

/** The error page (the error itself is worded by core/i18n/error-words.ts). */
export const errorPageWords = defineWords({
  en: {
    errorTitle: 'Something is wrong',
  },
  ru: {
    errorTitle: 'Что-то не так',
  },
  az: {
    errorTitle: 'Nəsə düz deyil',
  },
});

/** Where quick exit lands: a recipe, nothing of this site. */
export const exitPageWords = defineWords({
  en: {
    exitTitle: 'Seasonal recipes',
    exitBody: 'Autumn soup: onions, carrots, lentils, salt. Simmer for forty minutes.',
  },
  ru: {
    exitTitle: 'Сезонные рецепты',
    exitBody: 'Осенний суп: лук, морковь, чечевица, соль. Варить сорок минут.',
  },
  az: {
    exitTitle: 'Mövsüm reseptləri',
    exitBody: 'Payız şorbası: soğan, kök, mərci, duz. Qırx dəqiqə qaynadın.',
  },
});
