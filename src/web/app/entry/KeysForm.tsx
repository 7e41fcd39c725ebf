// The form that makes or re-wraps a member's keys (setup, joining, a new passphrase): its answers
// are checked before any key is made; then the button says keys are being made (the passphrase
// stretching takes a moment) until the work is done or has failed, and a failure is said above it.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { Feedback } from '../ui/Feedback.tsx';

export interface KeysFormProps {
  /** What is wrong with the answers, said before any key is made; or null. */
  problem: (form: FormData) => string | null;
  /** Makes the keys and sends them; may throw. */
  make: (form: FormData, element: HTMLFormElement) => Promise<void>;
  /** What to say when `make` threw. */
  failed: (error: unknown) => string;
  label: string;
  busyLabel: string;
  children: ComponentChildren;
}

export function KeysForm({ problem, make, failed, label, busyLabel, children }: KeysFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const wrong = problem(form);
    if (wrong) return setError(wrong);
    setError(null);
    setBusy(true);
    try {
      await make(form, element);
    } catch (e) {
      setError(failed(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      {children}
      <Feedback error={error} />
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </form>
  );
}
