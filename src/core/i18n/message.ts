// One convention for every word Vigil shows (public pages, workspace, notifications): a catalog per
// concept holding az, ru and en side by side, each message an ICU MessageFormat string — `{name}` for
// a value, `{count, plural, one {…} few {…} many {…} other {…}}` for Russian's three forms — formatted
// by FormatJS's intl-messageformat. The types make a missing or extra key in any language an error;
// test/words.test.ts checks that every language uses the same arguments and every plural form.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './languages.ts';

export type MessageArgs = Record<string, string | number | Date>;

/** One concept's words in every language. */
export type Words<K extends string = string> = { readonly [L in Language]: Readonly<Record<K, string>> };

/** Declares a catalog: English first; Russian and Azerbaijani must have exactly its keys. */
export function defineWords<const E extends Record<string, string>>(words: {
  en: E;
  ru: { [K in keyof E]: string };
  az: { [K in keyof E]: string };
}): Words<keyof E & string> {
  return words as Words<keyof E & string>;
}

/** The `Intl` locale for a language (Azerbaijani in its Latin script). */
export const LOCALES: Record<Language, string> = { az: 'az-Latn', ru: 'ru', en: 'en' };

const compiled = new Map<string, IntlMessageFormat>();

/** A message with its values filled in, plurals chosen by the language's rules. */
export function formatMessage(language: Language, message: string, args?: MessageArgs): string {
  // No argument and no ICU syntax: the text as it is (and no parsing).
  if (!args && !message.includes('{') && !message.includes("'")) return message;
  const cacheKey = `${language}\u0000${message}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, LOCALES[language], undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(args));
}

/** `t(key, values)` for one catalog in one language. */
export function translator<K extends string>(words: Words<K>, language: Language): (key: K, args?: MessageArgs) => string {
  return (key, args) => formatMessage(language, words[language][key], args);
}
