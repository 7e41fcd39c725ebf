// What every server keeps a copy of (the organization, the intake key, the guides written): read
// once, kept until a change anywhere on the database is announced, and never trusted blindly.
import type { ChangeFeed } from '../cluster/changes.ts';

/** The longest a server serves its copy of the organization, intake key or guides without reading again. */
export const KEEP_AT_MOST_MS = 10_000;

export interface KeptCopies {
  /** A reader whose answer is kept while `worthKeeping` says so (a failed read is never kept). */
  kept<T>(read: () => Promise<T>, worthKeeping?: (value: T) => boolean): () => Promise<T>;
  /** Forgets every copy on this server. */
  forgetHere(): void;
}

export function keptCopies(changes: ChangeFeed): KeptCopies {
  const forgetters: (() => void)[] = [];
  let keptSince = Date.now();
  const forgetHere = () => {
    for (const forget of forgetters) forget();
    keptSince = Date.now();
  };
  changes.subscribe((change) => change !== 'lockdown' && forgetHere());
  /**
   * Copies may be used, unless changes elsewhere may go unheard (the listening connection is down:
   * read through) or they are older than KEEP_AT_MOST_MS — the backstop for a notification lost
   * between a commit and its pg_notify.
   */
  const usable = (): boolean => {
    if (!changes.listening || Date.now() - keptSince > KEEP_AT_MOST_MS) {
      forgetHere();
      return false;
    }
    return true;
  };
  return {
    forgetHere,
    kept<T>(read: () => Promise<T>, worthKeeping: (value: T) => boolean = () => true) {
      let copy: Promise<T> | undefined;
      forgetters.push(() => (copy = undefined));
      return () => {
        if (usable() && copy) return copy;
        const current = read();
        copy = current;
        // Judged once, when read; a later read's copy is not this one's to drop.
        const drop = () => {
          if (copy === current) copy = undefined;
        };
        void current.then((value) => worthKeeping(value) || drop(), drop);
        return current;
      };
    },
  };
}
