// A form that makes a new record: busy while it saves (the button waits), and why it failed. On
// success the page moves on (the form closes, or another page opens), so busy stays set.
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';

export function useCreating(failure: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (make: () => Promise<void>) => async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await make();
    } catch (e) {
      // A value the member typed that cannot be recorded says so in its own words (birth-year.ts).
      setError(messageOf(e, e instanceof Error ? e.message : failure));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
