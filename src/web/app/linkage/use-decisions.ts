// The review page's decisions: "Same person", "Different people" and "Undo", each sent to the
// server and shown at once (linker.ts), with what was said or refused.
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import type { Suggestion } from '../../../core/linkage/link.ts';
import { useWords } from '../i18n/context.tsx';
import { linkageWords } from './words.ts';
import { markDifferent, mergePeople, undoMerge } from './decisions-client.ts';
import type { Linker } from './linker.ts';
import type { LinkRun } from './review.ts';

type Key = keyof (typeof linkageWords)['en'];

/** What a refused decision means, by the server's code (decisions-client.ts); the list is made again after each. */
const REFUSED: Record<string, Key> = {
  'edit-conflict': 'refusedEditConflict',
  'already-merged': 'refusedAlreadyMerged',
  'different-people': 'refusedDifferentPeople',
  'merge-undone': 'refusedMergeUndone',
  'merged-since': 'refusedMergedSince',
};

export function useDecisions(vault: Vault, linker: Linker | null) {
  const t = useWords(linkageWords);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);

  /**
   * A decision's call: busy only while the server answers. The list shown is updated at once
   * (linker.ts) and made again in the background, so the next pair can be decided meanwhile.
   */
  async function decide(call: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      say(await call());
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t(REFUSED[e.code] ?? 'refusedOtherwise'));
        linker!.relinkInBackground();
      } else setError(messageOf(e, t('couldNotSave')));
    } finally {
      setBusy(false);
    }
  }

  const merge = (run: LinkRun, pair: Suggestion, survivorId: string) =>
    decide(async () => {
      const [survivor, merged] = [run.byId.get(survivorId)!, run.byId.get(survivorId === pair.a ? pair.b : pair.a)!];
      const { id } = await mergePeople({ survivor: { id: survivor.id, version: survivor.version }, merged: { id: merged.id, version: merged.version } });
      const createdAt = new Date().toISOString();
      linker!.decidedSame({ id, survivorId: survivor.id, mergedId: merged.id, survivorCode: survivor.code, mergedCode: merged.code, createdAt, createdBy: vault.me.email, undone: false });
      return t('merged', { merged: merged.code, survivor: survivor.code });
    });
  const different = (run: LinkRun, pair: Suggestion) =>
    decide(async () => {
      await markDifferent(pair.a, pair.b);
      linker!.decidedDifferent(pair.a, pair.b);
      return t('different', { a: run.byId.get(pair.a)!.code, b: run.byId.get(pair.b)!.code });
    });
  const undo = (mergeId: string, mergedCode: string) =>
    decide(async () => {
      const { leftAlone } = await undoMerge(mergeId);
      linker!.undid(mergeId);
      return leftAlone ? t('undoneLeftAlone', { code: mergedCode, count: leftAlone }) : t('undone', { code: mergedCode });
    });

  return { error, said, busy, merge, different, undo };
}
