// The conversation with the reporter. Replies are sealed to a key derived from the reporter's
// codename: only whoever holds the codename reads them, at the status page.
import { useTextForm } from '../use-text-form.ts';
import type { OpenedMessage } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { utcMinute } from '../time.ts';
import { Feedback } from '../Feedback.tsx';

export function Conversation({
  messages,
  canReply,
  canWrite,
  team,
  onReply,
  onRefresh,
}: {
  messages: OpenedMessage[] | null;
  canReply: boolean;
  canWrite: boolean;
  team: TeamMember[];
  onReply: (text: string) => Promise<void>;
  onRefresh: () => void;
}) {
  const { text, setText, busy, error, submit } = useTextForm(onReply, 'The reply could not be sent.');

  return (
    <section aria-labelledby="conversation-title">
      <h3 id="conversation-title">Conversation with the reporter</h3>
      {messages === null ? (
        <p>Opening the conversation…</p>
      ) : messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <li key={m.id} class={m.direction}>
              <p class="meta">
                {m.direction === 'team' ? `Team (${nameOf(team, m.author)})` : 'Reporter'} · {utcMinute(m.createdHour)} UTC
              </p>
              {m.text === null ? <p class="error">This message could not be opened.</p> : <p class="text">{m.text}</p>}
            </li>
          ))}
        </ol>
      )}
      <button type="button" class="small secondary" onClick={onRefresh}>
        Check for new messages
      </button>
      {!canReply ? (
        <p class="hint">This reporter cannot be answered: the report came without a reply key.</p>
      ) : (
        canWrite && (
          <form onSubmit={submit}>
            <label for="reply-text">Reply to the reporter</label>
            <p class="hint" id="reply-hint">
              They read it at the status page with their codename. Anyone holding the codename can read it too: write
              nothing that would endanger them.
            </p>
            <textarea id="reply-text" value={text} onInput={(e) => setText(e.currentTarget.value)} rows={3} maxLength={20000} aria-describedby="reply-hint" />
            <Feedback error={error} />
            <button type="submit" disabled={busy || !text.trim()}>
              {busy ? 'Sealing…' : 'Send reply'}
            </button>
          </form>
        )
      )}
    </section>
  );
}
