// Where this member is logged in, and ending the other sessions.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { SessionView } from '../../../core/api/schemas.ts';
import { utcMinute } from '../time.ts';
import { Feedback } from '../Feedback.tsx';

export function SessionList() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  const load = useCallback(async () => {
    try {
      setSessions((await api<{ sessions: SessionView[] }>('/api/sessions')).sessions);
    } catch (e) {
      setError(messageOf(e, 'Your sessions could not be loaded.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function end(session: SessionView) {
    setError(null);
    try {
      await api(`/api/sessions/${encodeURIComponent(session.id)}/end`, {});
      say(`The session started ${utcMinute(session.createdAt)} UTC was ended.`);
    } catch (e) {
      setError(messageOf(e, 'The session could not be ended.'));
    }
    await load();
  }

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are logged in</h2>
      <p>Each row is a browser where your passphrase was used. End any you do not recognise, then change your passphrase.</p>
      <Feedback error={error} />
      {sessions && (
        <table class="data">
          <caption class="visually-hidden">Your sessions</caption>
          <thead>
            <tr>
              <th scope="col">Started (UTC)</th>
              <th scope="col">Last seen (UTC)</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{utcMinute(s.createdAt)}</td>
                <td>{utcMinute(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    <strong>This session</strong>
                  ) : (
                    <button type="button" class="small danger" onClick={() => end(s)}>
                      End<span class="visually-hidden"> the session started {utcMinute(s.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}
