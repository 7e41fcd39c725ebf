// The Members page's state: the team as the server lists it, what the last action did (said aloud
// to screen readers) or why it failed; every action reloads the list when done.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { MembersResponse } from '../../../core/api/members.ts';
import { useWords } from '../i18n/context.tsx';
import { membersWords } from './words.ts';

export function useMembers() {
  const [data, setData] = useState<MembersResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [busy, setBusy] = useState(false);
  const t = useWords(membersWords);

  const load = useCallback(async () => {
    try {
      setData(await api<MembersResponse>('/api/members'));
    } catch (e) {
      setError(messageOf(e, t('loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs an action that returns what to say; `fallback` if it fails without a message. */
  async function run(action: () => Promise<string>, fallback: string) {
    setError(null);
    setBusy(true);
    try {
      say(await action());
    } catch (e) {
      setError(messageOf(e, fallback));
      say('');
    } finally {
      setBusy(false);
      await load();
    }
  }

  return { data, error, said, say, busy, load, run };
}
