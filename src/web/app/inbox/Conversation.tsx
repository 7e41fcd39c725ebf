// The conversation with the reporter. Replies are sealed to a key derived from the reporter's
// codename: only whoever holds the codename reads them, at the status page.
import { useTextForm } from '../ui/use-text-form.ts';
import type { OpenedMessage } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

export function Conversation({
  messages,
  newSince,
  canReply,
  canWrite,
  team,
  onReply,
  onRefresh,
}: {
  messages: OpenedMessage[] | null;
  /** The reporter's messages after this seq were new to the member when the report was opened. */
  newSince: number;
  canReply: boolean;
  canWrite: boolean;
  team: TeamMember[];
  onReply: (text: string) => Promise<void>;
  onRefresh: () => void;
}) {
  const t = useWords(reportWords);
  const names = useWords(inboxWords);
  const f = useFormats();
  const { text, setText, busy, error, submit } = useTextForm(onReply, t('replyFailed'));

  return (
    <section aria-labelledby="conversation-title">
      <h3 id="conversation-title">{t('conversationTitle')}</h3>
      {messages === null ? (
        <p>{t('openingConversation')}</p>
      ) : messages.length === 0 ? (
        <p>{t('noMessages')}</p>
      ) : (
        <ol class="messages">
          {messages.map((m) => {
            const isNew = m.direction === 'reporter' && m.seq > newSince;
            return (
              <li key={m.id} class={`${m.direction}${isNew ? ' new' : ''}`}>
                <p class="meta">
                  {m.direction === 'team' ? t('fromTeam', { name: nameOf(team, m.author, names) }) : t('fromReporter')} · {f.dateTime(m.createdHour)}
                  {isNew && <span class="badge new-answers">{t('newAnswer')}</span>}
                </p>
                {m.text === null ? <p class="error">{t('messageUnreadable')}</p> : <p class="text">{m.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" class="small secondary" onClick={onRefresh}>
        {t('checkMessages')}
      </button>
      {!canReply ? (
        <p class="hint">{t('cannotReply')}</p>
      ) : (
        canWrite && (
          <form onSubmit={submit}>
            <label for="reply-text">{t('replyLabel')}</label>
            <p class="hint" id="reply-hint">
              {t('replyHint')}
            </p>
            <textarea id="reply-text" value={text} onInput={(e) => setText(e.currentTarget.value)} rows={3} maxLength={20000} aria-describedby="reply-hint" />
            <Feedback error={error} />
            <button type="submit" disabled={busy || !text.trim()}>
              {busy ? t('sealing') : t('sendReply')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
