// What the inbox does to reports — triage, mark read, check for new — and what it says after:
// a line in words for the screen reader, or the failure.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { DecryptPool } from '../decrypt/pool.ts';
import type { ReportStore } from './report-store.ts';
import { checkForNew } from './load-inbox.ts';
import { markRead, triage, type TriageChange } from './triage.ts';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

type NewsKey = 'nothingNew' | 'newReports' | 'newAnswers' | 'newReportsAndAnswers';

/** What "Check for new reports" found, in words. */
function newsOf(t: (key: NewsKey, args?: Record<string, number>) => string, found: { reports: number; answers: number }): string {
  if (found.reports > 0 && found.answers > 0) return t('newReportsAndAnswers', found);
  if (found.reports > 0) return t('newReports', { count: found.reports });
  if (found.answers > 0) return t('newAnswers', { count: found.answers });
  return t('nothingNew');
}

/** The reports of these ids (those still held). */
export const reportsOf = (store: ReportStore, ids: string[]) => ids.flatMap((id) => store.get(id) ?? []);

/** The reports a message speaks of: how many, and the number of the first (for "Report #3 …"). */
export const whichOf = (store: ReportStore, ids: string[]) => ({ count: ids.length, seq: String(store.get(ids[0] ?? '')?.seq ?? '') });

export function useInboxActs(vault: Vault, store: ReportStore) {
  const t = useWords(inboxWords);
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function change(ids: string[], change: TriageChange, done: string) {
    if (!vault.canTriage) return say(t('viewersCannotChange'));
    if (ids.length === 0) return;
    setError(null);
    try {
      await triage(store, ids, change);
      say(done);
    } catch (e) {
      setError(messageOf(e, t('changeFailed')));
    }
  }
  async function read(ids: string[]) {
    if (!vault.canTriage) return say(t('viewersCannotChange'));
    setError(null);
    try {
      say(t('markedRead', { count: await markRead(store, ids) }));
    } catch (e) {
      setError(messageOf(e, t('markReadFailed')));
    }
  }
  async function checkNew() {
    setError(null);
    try {
      // Keys granted since login (a rotation) first, so new reports sealed to them open.
      await vault.refreshKeys();
      const found = await checkForNew(store, vault.hold('decrypt-pool', () => new DecryptPool(vault.keyring)));
      say(newsOf(t, found));
    } catch (e) {
      setError(messageOf(e, t('loadFailed')));
    }
  }
  return { said, say, error, change, read, checkNew };
}
