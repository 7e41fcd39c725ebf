// The report form's choices, worded for the reporter on the form and for the team reading the report
// (the browser words a report in the reader's language from these).
import { defineWords } from './message.ts';

/** What happened: the boxes a reporter may tick. */
export const whatHappenedWords = defineWords({
  en: {
    detained: 'Detained or arrested',
    raid: 'Raid on a home or hotel',
    entrapment: 'Trap through a dating app or a fake client',
    online: 'Threats, outing or blackmail online',
    violence: 'Beaten or ill-treated',
    medical: 'Forced medical examination',
    names: 'Pressed to give other people’s names',
    extortion: 'Money or a bribe demanded',
    sentenced: 'Fined or sentenced',
    other: 'Something else',
  },
  ru: {
    detained: 'Задержание или арест',
    raid: 'Облава или обыск в квартире или гостинице',
    entrapment: 'Ловушка через приложение знакомств или подставного клиента',
    online: 'Угрозы, аутинг или шантаж в интернете',
    violence: 'Избиение или жестокое обращение',
    medical: 'Принудительное медицинское обследование',
    names: 'Заставляли назвать имена других людей',
    extortion: 'Требовали деньги или взятку',
    sentenced: 'Штраф или арест по решению суда',
    other: 'Другое',
  },
  az: {
    detained: 'Saxlanılma və ya həbs',
    raid: 'Evə və ya otelə basqın',
    entrapment: 'Tanışlıq tətbiqi və ya saxta müştəri vasitəsilə tələ',
    online: 'İnternetdə hədə, ifşa və ya şantaj',
    violence: 'Döyülmə və ya pis rəftar',
    medical: 'Məcburi tibbi müayinə',
    names: 'Başqalarının adlarını verməyə məcbur edildi',
    extortion: 'Pul və ya rüşvət tələbi',
    sentenced: 'Cərimə və ya məhkəmə qərarı ilə həbs',
    other: 'Başqa',
  },
});

/** Is anyone still held now? */
export const stillHeldWords = defineWords({
  en: {
    yes: 'Yes',
    no: 'No',
    unknown: 'I don’t know',
  },
  ru: {
    yes: 'Да',
    no: 'Нет',
    unknown: 'Не знаю',
  },
  az: {
    yes: 'Bəli',
    no: 'Xeyr',
    unknown: 'Bilmirəm',
  },
});
