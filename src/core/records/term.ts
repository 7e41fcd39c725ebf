// A term of a controlled vocabulary: the key records store, and its label in each language.
export type Labels = { en: string; az: string; ru: string };
export interface Term<K extends string = string> {
  key: K;
  labels: Labels;
}
/**
 * A vocabulary's terms, written as the house writes words (core/i18n/message.ts): English first,
 * Russian and Azerbaijani with exactly its keys. The terms come in the order English lists them.
 */
export function terms<const E extends Record<string, string>>(labels: { en: E; ru: { [K in keyof E]: string }; az: { [K in keyof E]: string } }): readonly Term<keyof E & string>[] {
  return Object.keys(labels.en).map((key) => ({ key, labels: { en: labels.en[key]!, az: labels.az[key]!, ru: labels.ru[key]! } }));
}
