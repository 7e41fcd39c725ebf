// Names as this region writes them, folded so that one person's Azerbaijani Latin, Russian Cyrillic
// and English spellings meet (issue 11, first step: the engine's name forms). any-ascii folds the
// scripts; only the region's own rules are written here — the letters any-ascii cannot know
// (ə, c = dj, x = kh, q) and the traditional Russian forms (г for h and q, дж for c, е for ə).
// Pure: runs in a browser worker and in the CLI; names never reach the server.
import anyAscii from 'any-ascii';

/** Azerbaijani letters as English writes them, before any-ascii (which would make ç "c", ş "s"). */
const AZERBAIJANI: Record<string, string> = { ə: 'a', ç: 'ch', ş: 'sh', c: 'j', x: 'kh', ğ: 'gh', ı: 'i', ö: 'o', ü: 'u', q: 'g' };

/** One form of a name for comparing: Latin letters, lower case; spelling-tolerant; consonants only. */
export interface NameForm {
  latin: string;
  phonetic: string;
  skeleton: string;
}

export interface ParsedName {
  surname: NameForm | null;
  given: NameForm[];
  /** The father's name: "Rəşad oğlu", "Рашадович" — a separate field, never the person's own. */
  patronymic: NameForm | null;
  /** Single letters ("E." in "E. Hasanov"). */
  initials: string[];
}

/** Lower-case Latin letters: Azerbaijani letters as English spells them, other scripts by any-ascii. */
export function latinOf(text: string): string {
  // An English "ch" (Chingiz) stays; an Azerbaijani c (Cavid) is a j.
  const az = text.normalize('NFC').toLowerCase().replace(/c(?!h)|[əçşxğıöüq]/g, (letter) => AZERBAIJANI[letter]!);
  return anyAscii(az).toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * A spelling-tolerant form: the sounds that the three spellings of one name write differently are
 * made one — dzh/dj/j; h, g, k and q (Həsənov, Гасанов; Quliyev, Кулиев); kh/x; ə as a or e
 * (Məmmədov, Мамедов); ü as u or yu; ı as i or y; doubled letters once; -ova/-eva as -ov/-ev.
 */
export function phoneticOf(latin: string): string {
  return latin
    .replace(/dzh|dj/g, 'j')
    .replace(/sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/zh/g, 'Z')
    .replace(/kh|gh|[hkq]/g, 'g')
    .replace(/yu/g, 'u')
    .replace(/yo/g, 'o')
    .replace(/ya/g, 'a')
    .replace(/e/g, 'a')
    .replace(/iy/g, 'i')
    // Russian drops the y between vowels (Ağayev, Агаев) and writes ı as ы (Qasımov, Гасымов).
    .replace(/([aiou])y(?=[aiou])/g, '$1')
    .replace(/([^aiou])y(?=[^aiou]|$)/g, '$1i')
    .replace(/(.)\1+/g, '$1')
    .replace(/(ov|av)a$/, '$1');
}

/** Consonants only, with the first letter kept: coarse, for finding candidates, never for deciding. */
export function skeletonOf(phonetic: string): string {
  return phonetic.slice(0, 1) + phonetic.slice(1).replace(/[aeiouy]/g, '');
}

/**
 * A word's forms, remembered: a list of 100,000 people has a few thousand distinct words, and
 * folding one through any-ascii costs far more than a lookup. Bounded, like compare.ts's memory.
 */
const forms = new Map<string, NameForm>();
/** Name forms are derived from names: dropped when the workspace locks (compare.ts's forgetRememberedNames). */
export function forgetNameForms(): void {
  forms.clear();
}
export function nameForm(text: string): NameForm {
  const known = forms.get(text);
  if (known) return known;
  const latin = latinOf(text);
  const phonetic = phoneticOf(latin);
  const form = Object.freeze({ latin, phonetic, skeleton: skeletonOf(phonetic) });
  if (forms.size >= 200_000) forms.clear();
  forms.set(text, form);
  return form;
}

/** Words that say the word before them is the father's name (Azerbaijani, and as Russian and English write them). */
const PATRONYMIC_WORDS = new Set(['oghlu', 'oglu', 'ogly', 'ogli', 'ghizi', 'gizi', 'kizi', 'kyzy', 'gyzy']);
/** Russian patronymic endings: Рашадович, Рашадовна (the father's name is what comes before). */
const RUSSIAN_PATRONYMIC = /(ovich|evich|ovna|evna|ichna|ich)$/;
/** Surname endings of the region: Məmmədov, Əliyeva, Hüseynli, Vəzirzadə, Кулиев. */
const SURNAME_ENDING = /(ov|ova|ev|eva|zade|zada|ski|skiy|sky|skaya)$/;
/** Həsənli, Гасанлы — but not Əli, which is a given name. */
const SURNAME_ENDING_WEAK = /.{3}(li|ly|lu)$/;

/**
 * A name as typed, in any order ("Məmmədov Elvin Rəşad oğlu", "Elvin Hasanov", "E. Mamedov",
 * "Мамедов Эльвин Рашадович"): surname, given names, patronymic and initials told apart.
 */
export function parseName(text: string): ParsedName {
  const words = text.split(/[\s,]+/).filter((w) => nameForm(w).latin !== '');
  const parsed: ParsedName = { surname: null, given: [], patronymic: null, initials: [] };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const latin = nameForm(word).latin;
    if (PATRONYMIC_WORDS.has(latin) && rest.length > 0) {
      parsed.patronymic ??= nameForm(rest.pop()!);
    } else if (/^\p{L}\.?$/u.test(word)) {
      parsed.initials.push(latin);
    } else if (RUSSIAN_PATRONYMIC.test(latin) && (rest.length > 0 || parsed.surname)) {
      parsed.patronymic ??= nameForm(latin.replace(RUSSIAN_PATRONYMIC, ''));
    } else {
      rest.push(word);
    }
  }
  const strong = rest.findIndex((w) => SURNAME_ENDING.test(nameForm(w).latin));
  const surnameAt = strong >= 0 ? strong : rest.findIndex((w) => SURNAME_ENDING_WEAK.test(nameForm(w).latin));
  if (surnameAt >= 0) parsed.surname = nameForm(rest.splice(surnameAt, 1)[0]!);
  parsed.given = rest.map(nameForm);
  return parsed;
}
