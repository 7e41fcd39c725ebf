// The team's notes on a report, sealed in this browser to the intake key.
import { useTextForm } from '../ui/use-text-form.ts';
import type { OpenedNote } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

export function Notes({ notes, team, canWrite, onAdd }: { notes: OpenedNote[] | null; team: TeamMember[]; canWrite: boolean; onAdd: (text: string) => Promise<void> }) {
  const t = useWords(reportWords);
  const names = useWords(inboxWords);
  const f = useFormats();
  const { text, setText, busy, error, submit } = useTextForm(onAdd, t('noteFailed'));

  return (
    <section aria-labelledby="notes-title">
      <h3 id="notes-title">{notes ? t('notesTitleCount', { count: notes.length }) : t('notesTitle')}</h3>
      <p class="hint">{t('notesHint')}</p>
      {notes === null ? (
        <p>{t('openingNotes')}</p>
      ) : notes.length === 0 ? (
        <p>{t('noNotes')}</p>
      ) : (
        <ol class="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p class="meta">
                {nameOf(team, n.author, names)} · {f.dateTime(n.createdAt)}
              </p>
              {n.text === null ? <p class="error">{t('noteUnreadable')}</p> : <p class="text">{n.text}</p>}
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit}>
          <label for="note-text">{t('newNote')}</label>
          <textarea id="note-text" value={text} onInput={(e) => setText(e.currentTarget.value)} rows={3} maxLength={20000} />
          <Feedback error={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? t('sealing') : t('addNote')}
          </button>
        </form>
      )}
    </section>
  );
}
