// An administrator's explicit purge of a record (e.g. a person asks to be removed for their
// safety): the record's code must be typed; the audit log keeps that it happened, not what it held.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { RecordType } from '../../../core/records/schemas.ts';
import { Feedback } from '../Feedback.tsx';

export function Purge({ type, id, code, then }: { type: RecordType; id: string; code: string; then: string }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function purge(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await api(`/api/records/${type}/${id}/purge`, { confirm: typed.trim() });
      location.hash = then;
    } catch (e) {
      setError(messageOf(e, 'It could not be purged.'));
    }
  }
  const inputId = `purge-${id}`;
  return (
    <details class="purge">
      <summary>Purge {code}</summary>
      <form onSubmit={purge}>
        <p id={`${inputId}-hint`}>This deletes {code}, every earlier version of it, its sources and its evidence, for good. It cannot be undone. The audit log will say that it was purged, by whom, and nothing of what it held.</p>
        <label for={inputId}>Type {code} to confirm</label>
        <input id={inputId} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} aria-describedby={`${inputId}-hint`} autoComplete="off" />
        <button type="submit" class="danger" disabled={typed.trim() !== code}>
          Purge for good
        </button>
        <Feedback error={error} />
      </form>
    </details>
  );
}
