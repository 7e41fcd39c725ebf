// A form's save: nothing said while it works, then what went wrong if anything (the server's own
// words, else the form's `failure`).
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';

export function useSaving(failure: string | ((error: unknown) => string)) {
  const [error, setError] = useState<string | null>(null);
  const saving = (work: () => Promise<void>) => async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e, typeof failure === 'string' ? failure : failure(e)));
    }
  };
  return { error, saving };
}
