// What a page says back while it works: busy during a step, the step's failure in words, and a
// status line. The documents pages and the notice settings use it.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';

export function useFeedback() {
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  /** Runs one step of the page: busy meanwhile, a failure said as `failure` unless the server says more. */
  async function attempt(step: () => Promise<void>, failure: string): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      await step();
    } catch (e) {
      setError(messageOf(e, failure));
    } finally {
      setBusy(false);
    }
  }

  return { error, setError, said, setSaid, busy, attempt };
}

export type PageFeedback = ReturnType<typeof useFeedback>;
