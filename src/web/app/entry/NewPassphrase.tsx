// A new passphrase, typed twice: at setup, when joining, and when changing it. Each form keeps the
// ids and names it always had; the hint, where there is one, describes the first field.
import { MIN_PASSPHRASE } from './passphrase-rules.ts';

export interface NewPassphraseProps {
  id: string;
  name: string;
  againId: string;
  againName: string;
  label: string;
  againLabel: string;
  hint?: string;
}

export function NewPassphrase({ id, name, againId, againName, label, againLabel, hint }: NewPassphraseProps) {
  const hintId = `${id}-hint`;
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={id} name={name} type="password" required minLength={MIN_PASSPHRASE} autoComplete="new-password" {...(hint ? { 'aria-describedby': hintId } : {})} />
      <label for={againId}>{againLabel}</label>
      <input id={againId} name={againName} type="password" required autoComplete="new-password" />
    </>
  );
}
