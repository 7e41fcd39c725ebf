// The open report: all answers, triage, tags, notes and the conversation.
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf } from '../api.ts';
import type { Report, ReportStore } from './report-store.ts';
import type { Opener } from './opener.ts';
import type { OrgKeyCache } from '../org-key.ts';
import type { TeamMember } from './team.ts';
import type { TriageChange } from './triage.ts';
import { addNote, loadThread, sendReply, type OpenedThread } from './thread.ts';
import { ReportAnswers } from './ReportAnswers.tsx';
import { TriageControls } from './TriageControls.tsx';
import { TagEditor } from './TagEditor.tsx';
import { Notes } from './Notes.tsx';
import { Conversation } from './Conversation.tsx';
import { STATE_NAMES } from './states.ts';
import { utcMinute } from '../time.ts';
import { Feedback } from '../Feedback.tsx';

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
  /** Links the report to an incident or person already recorded, the ones it may concern suggested first (records/LinkReport.tsx). */
  linkToRecords?: JSX.Element;
}) {
  const [thread, setThread] = useState<OpenedThread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, say] = useState('');

  const reload = useCallback(async () => {
    try {
      setThread(await loadThread(report.id, opener, store));
      setError(null);
    } catch (e) {
      setError(messageOf(e, 'The notes and messages could not be loaded.'));
    }
  }, [report.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const duplicateOf = report.duplicateOf ? store.get(report.duplicateOf) : undefined;
  const received = utcMinute(report.receivedHour);
  return (
    <section class="detail" aria-labelledby="detail-title" data-detail-id={report.id}>
      <div class="detail-head">
        <h2 id="detail-title" tabIndex={-1}>
          Report #{report.seq}
        </h2>
        <button type="button" class="small secondary" onClick={onClose} aria-keyshortcuts="Escape">
          Close<span class="visually-hidden"> report #{report.seq}</span>
        </button>
      </div>
      <p class="facts">
        <span>Received {received} UTC</span>
        <span class={`badge state-${report.state}`}>{STATE_NAMES[report.state]}</span>
        <span>{report.readHour ? `Read ${utcMinute(report.readHour)} UTC` : 'Not yet read'}</span>
        {duplicateOf && (
          <button type="button" class="link" onClick={() => onGoTo(duplicateOf.id)}>
            Duplicate of #{duplicateOf.seq}
          </button>
        )}
      </p>
      {canTriage && !report.readHour && (
        <button type="button" class="small" onClick={onMarkRead} aria-keyshortcuts="r">
          Mark read
        </button>
      )}
      <ReportAnswers content={report.content} />
      {evidence}
      {onMakeRecord && report.content?.ok && (
        <section class="to-records" aria-label="Records">
          <button type="button" class="small" onClick={onMakeRecord}>
            Make a record from this report
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
          say('Note added.');
        }}
      />
      <Conversation
        messages={thread?.messages ?? null}
        canReply={report.canReply && (thread ? thread.reporterKey !== null : true)}
        canWrite={canTriage}
        team={team}
        onRefresh={async () => {
          await reload();
          say('Conversation updated.');
        }}
        onReply={async (text) => {
          if (!thread?.reporterKey) throw new Error('This reporter cannot be answered.');
          await sendReply(report.id, text, thread.reporterKey, intake);
          await reload();
          say('Reply sent. The reporter sees it when they check their status with the codename.');
        }}
      />
      <p role="status" class="status">
        {said}
      </p>
    </section>
  );
}
