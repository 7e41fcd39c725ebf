// A suggestion's explanation (the engine's verdict on each field) in plain words for the member
// deciding: "same name in Latin and Cyrillic", "same birth year", "held at Binagadi on the same
// day" — never bits or weights.
import type { Explanation, Field } from '../../../core/linkage/compare.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { LOCALES, translator, type MessageArgs } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { currentLanguage } from '../i18n/language.ts';
import { linkageWords } from './words.ts';

type Translate = (key: keyof (typeof linkageWords)['en'], args?: MessageArgs) => string;

/** What the words need of each side: its name as written, and where and whether it was held. */
export interface Side {
  name: string;
  placeId: string | null;
  held: boolean;
}

export interface Reasons {
  alike: string[];
  differ: string[];
}

type Key = keyof (typeof linkageWords)['en'];

const scriptOf = (text: string): 'cyrillic' | 'latin' | null => (/\p{Script=Cyrillic}/u.test(text) ? 'cyrillic' : /\p{Script=Latin}/u.test(text) ? 'latin' : null);

function sameName(a: Side, b: Side, t: Translate): string {
  const [first, second] = [scriptOf(a.name), scriptOf(b.name)];
  if (first && second && first !== second) return t('sameNameScripts', { first, second });
  return a.name.trim().toLocaleLowerCase() === b.name.trim().toLocaleLowerCase() ? t('sameName') : t('sameNameSpelt');
}

const WORDS: Record<Exclude<Field, 'place' | 'eventDate'>, [Key, Key, Key]> = {
  surname: ['sameSurname', 'similarSurname', 'differentSurname'],
  given: ['sameGiven', 'similarGiven', 'differentGiven'],
  patronymic: ['samePatronymic', 'similarPatronymic', 'differentPatronymic'],
  birthYear: ['sameBirthYear', 'birthYearsApart', 'differentBirthYears'],
};

/** The reasons in the workspace's language (outside a component: the one in use now). */
export function reasonsOf(suggestion: Pick<Suggestion, 'fields'>, a: Side, b: Side, placeLabel: (id: string) => string, language: Language = currentLanguage()): Reasons {
  const t = translator(linkageWords, language);
  const verdict = (field: Field): Explanation['verdict'] => suggestion.fields.find((f) => f.field === field)?.verdict ?? 'unknown';
  const alike: string[] = [];
  const differ: string[] = [];
  const say = (field: keyof typeof WORDS) => {
    const [same, close, different] = WORDS[field];
    const v = verdict(field);
    if (v === 'agrees') alike.push(t(same));
    else if (v === 'close') alike.push(t(close));
    else if (v === 'disagrees') differ.push(t(different));
  };
  if (verdict('surname') === 'agrees' && verdict('given') === 'agrees') alike.push(sameName(a, b, t));
  else {
    say('surname');
    say('given');
  }
  say('patronymic');
  say('birthYear');

  const day = verdict('eventDate');
  const when = day === 'agrees' ? t('sameDay') : day === 'close' ? t('fewDays') : null;
  if (verdict('place') === 'agrees' && a.placeId) {
    const where = t(a.held && b.held ? 'heldAt' : 'at', { place: placeLabel(a.placeId) });
    alike.push(when ? t('whereWhen', { where, when }) : where);
  } else {
    if (verdict('place') === 'disagrees') differ.push(t('differentPlaces'));
    if (when) alike.push(when);
  }
  if (day === 'disagrees') differ.push(t('datesFarApart'));
  return { alike, differ };
}

/** One line: "same name in Latin and Cyrillic, same birth year; but different places". */
export function reasonsLine({ alike, differ }: Reasons, language: Language = currentLanguage()): string {
  const agree = alike.join(', ');
  const but = differ.join(', ');
  return agree && but ? translator(linkageWords, language)('reasonsBut', { alike: agree, differ: but }) : agree || but;
}

/** "90%", "90 %", "%90": as the language writes a percentage. */
export const percent = (probability: number, language: Language = currentLanguage()): string =>
  new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(probability);
