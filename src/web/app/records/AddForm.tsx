// Adding a record to an incident (a source, a follow-up) from a form behind its summary: once
// saved it says the new record's code, clears what was typed, closes and reloads; or says why not.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { sourcesWords } from './sources-words.ts';

interface Props {
  /** Names the form for tests and styles: data-add-<name>. */
  name: string;
  summary: string;
  submit: string;
  failure: string;
  /** Makes the record; then `reset` clears what was typed. */
  make: () => Promise<{ code: string }>;
  reset: () => void;
  onSaved: () => void;
  children: ComponentChildren;
}

export function AddForm({ name, summary, submit, failure, make, reset, onSaved, children }: Props) {
  const t = useWords(sourcesWords);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const [open, setOpen] = useState(false);
  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const made = await make();
      say(t('added', { code: made.code }));
      reset();
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(messageOf(e, failure));
    }
  }
  return (
    <>
      <details class="edit add" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} {...{ [`data-add-${name}`]: true }}>
        <summary>{summary}</summary>
        <form onSubmit={add} aria-label={summary}>
          {children}
          <Feedback error={error} />
          <button type="submit">{submit}</button>
        </form>
      </details>
      <Feedback error={null} said={said} />
    </>
  );
}
