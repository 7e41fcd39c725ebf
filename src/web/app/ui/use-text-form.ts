// A small text form that sends its text once, shows a failure in words, and clears on success
// (notes, replies).
import { useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';

export function useTextForm(send: (text: string) => Promise<void>, failure: string) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await send(text.trim());
      setText('');
    } catch (e) {
      setError(messageOf(e, e instanceof Error ? e.message : failure));
    } finally {
      setBusy(false);
    }
  }

  return { text, setText, busy, error, submit };
}
