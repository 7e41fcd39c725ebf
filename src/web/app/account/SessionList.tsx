// Where this member is logged in, and ending the other sessions.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import type { SessionView } from '../../../core/api/auth.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { Table } from '../ui/Table.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { accountWords } from './words.ts';

export function SessionList() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');
  const t = useWords(accountWords);
  const f = useFormats();

  const load = useCallback(async () => {
    try {
      setSessions((await api<{ sessions: SessionView[] }>('/api/sessions')).sessions);
    } catch (e) {
      setError(messageOf(e, t('sessionsFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  async function end(session: SessionView) {
    setError(null);
    try {
      await api(`/api/sessions/${encodeURIComponent(session.id)}/end`, {});
      say(t('sessionEnded', { when: f.dateTime(session.createdAt) }));
    } catch (e) {
      setError(messageOf(e, t('endFailed')));
    }
    await load();
  }

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessionsTitle')}</h2>
      <p>{t('sessionsIntro')}</p>
      <Feedback error={error} />
      {sessions && (
        <Table
          caption={t('sessionsCaption')}
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            { head: t('started'), cell: (s) => f.dateTime(s.createdAt) },
            { head: t('lastSeen'), cell: (s) => f.dateTime(s.lastSeenAt) },
            {
              head: t('actions'),
              headHidden: true,
              cell: (s) =>
                s.current ? (
                  <strong>{t('thisSession')}</strong>
                ) : (
                  <button type="button" class="small danger" onClick={() => end(s)}>
                    {t('end')}
                    <span class="visually-hidden"> {t('endSuffix', { when: f.dateTime(s.createdAt) })}</span>
                  </button>
                ),
            },
          ]}
        />
      )}
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}
