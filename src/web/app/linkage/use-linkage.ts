// The session's linkage for a component: the last run, progress while one runs, and its error;
// re-renders as any of them change. `start` makes a run when there is none (the Possible
// duplicates page); other pages only read what this session already has.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { canLink, linkerOf, type Linker, type LinkProgress } from './linker.ts';
import type { LinkRun } from './review.ts';

export function useLinkage(vault: Vault, { start }: { start: boolean }): { linker: Linker | null; run: LinkRun | null; progress: LinkProgress | null; error: string | null } {
  const linker = canLink(vault) ? linkerOf(vault) : null;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!linker) return;
    const unsubscribe = linker.subscribe(() => setTick((n) => n + 1));
    if (start) linker.latest().catch(() => undefined);
    return unsubscribe;
  }, [linker]);
  return { linker, run: linker?.last ?? null, progress: linker?.progress ?? null, error: linker?.error ?? null };
}
