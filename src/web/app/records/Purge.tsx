// An administrator's explicit purge of a record (e.g. a person asks to be removed for their
// safety): the record's code must be typed; the audit log keeps that it happened, not what it held.
import { useState } from 'preact/hooks';
import { api } from '../session/api.ts';
import { useSaving } from './use-saving.ts';
import type { RecordType } from '../../../core/records/schemas.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { recordsWords } from './words.ts';

export function Purge({ type, id, code, then }: { type: RecordType; id: string; code: string; then: string }) {
  const t = useWords(recordsWords);
  const [typed, setTyped] = useState('');
  const { error, saving } = useSaving(t('notPurged'));
  const purge = saving(async () => {
    await api(`/api/records/${type}/${id}/purge`, { confirm: typed.trim() });
    location.hash = then;
  });
  const inputId = `purge-${id}`;
  return (
    <details class="purge">
      <summary>{t('purgeCode', { code })}</summary>
      <form onSubmit={purge}>
        <p id={`${inputId}-hint`}>{t('purgeWarning', { code })}</p>
        <label for={inputId}>{t('typeToConfirm', { code })}</label>
        <input id={inputId} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} aria-describedby={`${inputId}-hint`} autoComplete="off" />
        <button type="submit" class="danger" disabled={typed.trim() !== code}>
          {t('purgeForGood')}
        </button>
        <Feedback error={error} />
      </form>
    </details>
  );
}
