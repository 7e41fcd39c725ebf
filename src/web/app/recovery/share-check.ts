// What the /recover page says about a share as it is typed: how far along it is, what is wrong
// with it (named at once), or that it is right and can be added.
import { ShareError, parseShare, type RecoveryShare } from '../../../core/recovery/shares.ts';
import { WORD_COUNT } from '../../../core/recovery/share-words.ts';

export type ShareCheck = { ok: true; share: RecoveryShare; said: string } | { ok: false; error: string | null; said: string };

export function checkShare(text: string, kit: { id: string }, added: RecoveryShare[]): ShareCheck {
  if (text.trim() === '') return { ok: false, error: null, said: `Type the ${WORD_COUNT} words of a share, or paste its QR code's text.` };
  let share: RecoveryShare;
  try {
    share = parseShare(text);
  } catch (e) {
    const problem = e instanceof ShareError ? e : new ShareError('unreadable');
    const typing = !/\s$/.test(text) && problem.detail.word === problem.detail.words;
    if (problem.code === 'mistyped' && problem.detail.word && typing && problem.detail.word < WORD_COUNT) return { ok: false, error: null, said: `${problem.detail.word - 1} of ${WORD_COUNT} words.` };
    if (problem.code === 'mistyped' && problem.detail.word) return { ok: false, error: `Word ${problem.detail.word} is not in the word list: check its spelling on the sheet.`, said: '' };
    if (problem.code === 'mistyped') return { ok: false, error: 'This share is wrong: a word is mistyped or two are swapped. Check each word against the sheet.', said: '' };
    const count = problem.detail.words ?? 0;
    if (count > 0 && count < WORD_COUNT) return { ok: false, error: null, said: `${count} of ${WORD_COUNT} words.` };
    return { ok: false, error: `This is not a share: a share has ${WORD_COUNT} words.`, said: '' };
  }
  if (share.kitId !== kit.id) return { ok: false, error: `This share belongs to another kit (kit ${share.kitId}), not this organization's (kit ${kit.id}): it may be from an older kit.`, said: '' };
  if (added.some((s) => s.number === share.number)) return { ok: false, error: `Share ${share.number} is already added.`, said: '' };
  return { ok: true, share, said: `Share ${share.number} of ${share.of} is right.` };
}
