// The team's notes on a report, sealed in this browser to the intake key.
import { useTextForm } from '../use-text-form.ts';
import type { OpenedNote } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { utcMinute } from '../time.ts';
import { Feedback } from '../Feedback.tsx';

export function Notes({ notes, team, canWrite, onAdd }: { notes: OpenedNote[] | null; team: TeamMember[]; canWrite: boolean; onAdd: (text: string) => Promise<void> }) {
  const { text, setText, busy, error, submit } = useTextForm(onAdd, 'The note could not be saved.');

  return (
    <section aria-labelledby="notes-title">
      <h3 id="notes-title">Notes{notes ? ` (${notes.length})` : ''}</h3>
      <p class="hint">For the team only. Sealed in this browser: the server cannot read them.</p>
      {notes === null ? (
        <p>Opening notes…</p>
      ) : notes.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ol class="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p class="meta">
                {nameOf(team, n.author)} · {utcMinute(n.createdAt)} UTC
              </p>
              {n.text === null ? <p class="error">This note could not be opened.</p> : <p class="text">{n.text}</p>}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit}>
          <label for="note-text">New note</label>
          <textarea id="note-text" value={text} onInput={(e) => setText(e.currentTarget.value)} rows={3} maxLength={20000} />
          <Feedback error={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? 'Sealing…' : 'Add note'}
          </button>
        </form>
      )}
    </section>
  );
}
