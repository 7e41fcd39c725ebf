// How the workspace names the organization's keys in sentences, in the member's language.
import type { KeyPurpose } from '../../../core/api/keys.ts';
import { LOCALES, translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { currentLanguage } from '../i18n/language.ts';
import { keyWords } from './words.ts';

const listed = (items: string[], language: Language) => new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);

/** "the intake key", "the intake and records keys", "ключи приёма, записей и резервных копий". */
export function keysNamed(purposes: readonly KeyPurpose[], language: Language = currentLanguage()): string {
  const t = translator(keyWords, language);
  if (purposes.length === 0) return t('noKey');
  return t('keys', { count: purposes.length, list: listed(purposes.map((p) => t(p)), language) });
}

/** "records key 3fa…, backup key 81c…": keys named with their ids. */
export function keysWithIds(keys: readonly { purpose: KeyPurpose; keyId: string }[], language: Language = currentLanguage()): string {
  const t = translator(keyWords, language);
  return listed(keys.map((k) => t('keyWithId', { purpose: k.purpose, id: k.keyId })), language);
}
