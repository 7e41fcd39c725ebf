// What the /recover page says about a share as it is typed: how far along it is, what is wrong
// with it (named at once), or that it is right and can be added — in the page's language.
import { ShareError, parseShare, type RecoveryShare } from '../../../core/recovery/shares.ts';
import { WORD_COUNT } from '../../../core/recovery/share-words.ts';
import { translator } from '../../../core/i18n/message.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { currentLanguage } from '../i18n/language.ts';
import { recoveryWords } from './words.ts';

export type ShareCheck = { ok: true; share: RecoveryShare; said: string } | { ok: false; error: string | null; said: string };

export function checkShare(text: string, kit: { id: string }, added: RecoveryShare[], language: Language = currentLanguage()): ShareCheck {
  const t = translator(recoveryWords, language);
  const count = WORD_COUNT;
  if (text.trim() === '') return { ok: false, error: null, said: t('typeWords', { count }) };
  let share: RecoveryShare;
  try {
    share = parseShare(text);
  } catch (e) {
    const problem = e instanceof ShareError ? e : new ShareError('unreadable');
    const typing = !/\s$/.test(text) && problem.detail.word === problem.detail.words;
    if (problem.code === 'mistyped' && problem.detail.word && typing && problem.detail.word < WORD_COUNT) return { ok: false, error: null, said: t('progress', { typed: problem.detail.word - 1, count }) };
    if (problem.code === 'mistyped' && problem.detail.word) return { ok: false, error: t('notInList', { word: problem.detail.word }), said: '' };
    if (problem.code === 'mistyped') return { ok: false, error: t('mistyped'), said: '' };
    const typed = problem.detail.words ?? 0;
    if (typed > 0 && typed < WORD_COUNT) return { ok: false, error: null, said: t('progress', { typed, count }) };
    return { ok: false, error: t('notAShare', { count }), said: '' };
  }
  if (share.kitId !== kit.id) return { ok: false, error: t('otherKit', { theirs: share.kitId, ours: kit.id }), said: '' };
  if (added.some((s) => s.number === share.number)) return { ok: false, error: t('alreadyAdded', { number: share.number }), said: '' };
  return { ok: true, share, said: t('shareRight', { number: share.number, of: share.of }) };
}
