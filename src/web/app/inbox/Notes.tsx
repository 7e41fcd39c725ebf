// The team's notes on a report, sealed in this browser to the intake key.
import type { OpenedNote } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { SealedTextForm } from './SealedTextForm.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

export function Notes({ notes, team, canWrite, onAdd }: { notes: OpenedNote[] | null; team: TeamMember[]; canWrite: boolean; onAdd: (text: string) => Promise<void> }) {
  const t = useWords(reportWords);
  const names = useWords(inboxWords);
  const f = useFormats();

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
      {canWrite && <SealedTextForm name="note" label={t('newNote')} submit={t('addNote')} failure={t('noteFailed')} onSend={onAdd} />}
    </section>
  );
}
