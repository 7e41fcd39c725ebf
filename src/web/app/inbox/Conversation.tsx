// The conversation with the reporter. Replies are sealed to a key derived from the reporter's
// codename: only whoever holds the codename reads them, at the status page.
import type { OpenedMessage } from './thread.ts';
import { nameOf, type TeamMember } from './team.ts';
import { SealedTextForm } from './SealedTextForm.tsx';
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
        canWrite && <SealedTextForm name="reply" label={t('replyLabel')} hint={t('replyHint')} submit={t('sendReply')} failure={t('replyFailed')} onSend={onReply} />
      )}
    </section>
  );
}
