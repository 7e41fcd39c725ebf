// Changing a record already made (an incident's fields, a person's consent, an act, a source's
// grade): a form behind a closed summary that saves a new version, or says why it could not.
import type { ComponentChildren } from 'preact';
import { useSaving } from './use-saving.ts';
import { Feedback } from '../ui/Feedback.tsx';

interface Props {
  summary: string;
  /** The form's name for the screen reader, where the summary alone does not say which record. */
  label?: string;
  /** What the button says. */
  submit: string;
  /** Why it failed when the server does not say: a message, or the error's own words where they are the member's. */
  failure: string | ((error: unknown) => string);
  onSave: () => Promise<void>;
  /** On one line, with a small button and what went wrong after it (a source's rows). */
  inline?: boolean;
  small?: boolean;
  onToggle?: (open: boolean) => void;
  children: ComponentChildren;
}

export function EditForm({ summary, label, submit, failure, onSave, inline = false, small = inline, onToggle, children }: Props) {
  const { error, saving } = useSaving(failure);
  const button = (
    <button type="submit" class={small ? 'small' : undefined}>
      {submit}
    </button>
  );
  return (
    <details class="edit" onToggle={onToggle && ((e) => onToggle((e.currentTarget as HTMLDetailsElement).open))}>
      <summary>{summary}</summary>
      <form onSubmit={saving(onSave)} class={inline ? 'inline-form' : undefined} aria-label={label}>
        {children}
        {inline ? button : <Feedback error={error} />}
        {inline ? <Feedback error={error} /> : button}
      </form>
    </details>
  );
}
