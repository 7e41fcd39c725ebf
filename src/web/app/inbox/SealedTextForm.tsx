// Writing to a report's thread (a note, a reply): the text is sealed in this browser before it
// is sent, so the button says so while it works.
import { useTextForm } from '../ui/use-text-form.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { reportWords } from './detail-words.ts';

interface Props {
  /** The textarea is <name>-text, its hint <name>-hint. */
  name: string;
  label: string;
  hint?: string;
  submit: string;
  failure: string;
  onSend: (text: string) => Promise<void>;
}

export function SealedTextForm({ name, label, hint, submit, failure, onSend }: Props) {
  const t = useWords(reportWords);
  const { text, setText, busy, error, submit: send } = useTextForm(onSend, failure);
  const id = `${name}-text`;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <form onSubmit={send}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <textarea id={id} value={text} onInput={(e) => setText(e.currentTarget.value)} rows={3} maxLength={20000} aria-describedby={hintId} />
      <Feedback error={error} />
      <button type="submit" disabled={busy || !text.trim()}>
        {busy ? t('sealing') : submit}
      </button>
    </form>
  );
}
