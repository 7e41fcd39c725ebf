// The open report: all answers, triage, tags, notes and the conversation.
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Report, ReportStore } from './report-store.ts';
import type { Opener } from './opener.ts';
import type { OrgKeyCache } from '../session/org-key.ts';
import type { TeamMember } from './team.ts';
import type { TriageChange } from './triage.ts';
import { addNote, loadThread, markAnswersSeen, sendReply, type OpenedThread } from './thread.ts';
import { ReportAnswers } from './ReportAnswers.tsx';
import { TriageControls } from './TriageControls.tsx';
import { TagEditor } from './TagEditor.tsx';
import { Notes } from './Notes.tsx';
import { Conversation } from './Conversation.tsx';
import { stateName } from './states.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useFormats, useWords } from '../i18n/context.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';

/** Up to which message this member had seen the conversation: all but the last `unread` answers. */
function seenBefore(thread: OpenedThread, unread: number): number {
  const answers = thread.messages.filter((m) => m.direction === 'reporter');
  if (unread > 0) return answers[answers.length - unread - 1]?.seq ?? 0;
  return Math.max(0, ...thread.messages.map((m) => m.seq));
}

export function ReportDetail({
  report,
  store,
  opener,
  intake,
  team,
  canTriage,
  duplicateRequest,
  onChange,
  onMarkRead,
  onClose,
  onGoTo,
  onMakeRecord,
  evidence,
  linkToRecords,
}: {
  report: Report;
  store: ReportStore;
  opener: Opener;
  intake: OrgKeyCache;
  team: TeamMember[];
  canTriage: boolean;
  duplicateRequest: number;
  onChange: (ids: string[], change: TriageChange, done: string) => void;
  onMarkRead: () => void;
  onClose: () => void;
  onGoTo: (id: string) => void;
  /** Opens a new incident with this report's answers filled in (documenters and up). */
  onMakeRecord?: () => void;
  /** The report's attachments and its links to records (evidence/, records/). */
  evidence?: JSX.Element;
  /** Links the report to an incident or person already recorded, the ones it may concern suggested first (LinkReport.tsx). */
  linkToRecords?: JSX.Element;
}) {
  const t = useWords(reportWords);
  const ti = useWords(inboxWords);
  const tc = useWords(commonWords);
  const f = useFormats();
  const [thread, setThread] = useState<OpenedThread | null>(null);
  // Answers that were new when the conversation was first shown keep their mark while it is open.
  const [newSince, setNewSince] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  const reload = useCallback(async () => {
    try {
      const unread = report.unreadAnswers;
      const opened = await loadThread(report.id, opener, store);
      setThread(opened);
      setNewSince((since) => since ?? seenBefore(opened, unread));
      setError(null);
      // Seen now: no longer new for this member (a failure only leaves the badge for later).
      await markAnswersSeen(report.id, opened, store).catch(() => undefined);
    } catch (e) {
      setError(messageOf(e, t('threadFailed')));
    }
  }, [report.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const seq = String(report.seq);
  const duplicateOf = report.duplicateOf ? store.get(report.duplicateOf) : undefined;
  return (
    <section class="detail" aria-labelledby="detail-title" data-detail-id={report.id}>
      <div class="detail-head">
        <h2 id="detail-title" tabIndex={-1}>
          {ti('reportNumber', { seq })}
        </h2>
        <button type="button" class="small secondary" onClick={onClose} aria-keyshortcuts="Escape">
          {tc('close')}
          <span class="visually-hidden"> {ti('reportNumber', { seq })}</span>
        </button>
      </div>
      <p class="facts">
        <span>{t('receivedAt', { when: f.dateTime(report.receivedHour) })}</span>
        <span class={`badge state-${report.state}`}>{stateName(ti, report.state)}</span>
        <span>{report.readHour ? t('readAt', { when: f.dateTime(report.readHour) }) : t('notYetRead')}</span>
        {duplicateOf && (
          <button type="button" class="link" onClick={() => onGoTo(duplicateOf.id)}>
            {t('duplicateOf', { seq: String(duplicateOf.seq) })}
          </button>
        )}
      </p>
      {canTriage && !report.readHour && (
        <button type="button" class="small" onClick={onMarkRead} aria-keyshortcuts="r">
          {ti('markRead')}
        </button>
      )}
      <ReportAnswers content={report.content} />
      {evidence}
      {onMakeRecord && report.content?.ok && (
        <section class="to-records" aria-label={t('recordsLabel')}>
          <button type="button" class="small" onClick={onMakeRecord}>
            {t('makeRecord')}
          </button>
          {linkToRecords}
        </section>
      )}
      {canTriage && (
        <TriageControls
          key={report.id}
          report={report}
          store={store}
          team={team}
          duplicateRequest={duplicateRequest}
          onChange={(change, done) => onChange([report.id], change, done)}
        />
      )}
      <TagEditor report={report} canTriage={canTriage} onChange={(change, done) => onChange([report.id], change, done)} />
      <Feedback error={error} />
      <Notes
        notes={thread?.notes ?? null}
        team={team}
        canWrite={canTriage}
        onAdd={async (text) => {
          await addNote(report.id, text, intake);
          await reload();
          say(t('noteAdded'));
        }}
      />
      <Conversation
        messages={thread?.messages ?? null}
        newSince={newSince ?? Number.MAX_SAFE_INTEGER}
        canReply={report.canReply && (thread ? thread.reporterKey !== null : true)}
        canWrite={canTriage}
        team={team}
        onRefresh={async () => {
          await reload();
          say(t('conversationUpdated'));
        }}
        onReply={async (text) => {
          if (!thread?.reporterKey) throw new Error(t('cannotAnswer'));
          await sendReply(report.id, text, thread.reporterKey, intake);
          await reload();
          say(t('replySent'));
        }}
      />
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}
