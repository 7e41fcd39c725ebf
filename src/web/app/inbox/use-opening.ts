// Opening the inbox once a session: every report fetched and decrypted (load-inbox.ts), then the
// notes and answers of each indexed for search (thread.ts), with how far that has come.
import { useEffect, useState } from 'preact/hooks';
import type { ReportStore } from './report-store.ts';
import type { Opener } from './opener.ts';
import type { DecryptPool } from '../decrypt/pool.ts';
import { loadInbox } from './load-inbox.ts';
import { indexThreads } from './thread.ts';

/** Starts the opening if this session has not yet; returns [done, total] of the threads indexed. */
export function useOpening(store: ReportStore, pool: DecryptPool, opener: Opener): [number, number] | null {
  const [threadProgress, setThreadProgress] = useState<[number, number] | null>(null);
  useEffect(() => {
    if (store.started) return;
    void loadInbox(store, pool).then(() => {
      if (store.phase === 'done' && !store.forgotten) return indexThreads(store, opener, (done, total) => setThreadProgress([done, total]));
    });
  }, []);
  return threadProgress;
}
