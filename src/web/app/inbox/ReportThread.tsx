// The open report's thread: the team's notes and the conversation with the reporter, each
// sealed in this browser, with a line for the screen reader once something is done.
import { useState } from 'preact/hooks';
import type { Report, ReportStore } from './report-store.ts';
import type { Opener } from './opener.ts';
import type { OrgKeyCache } from '../session/org-key.ts';
import type { TeamMember } from './team.ts';
import { addNote, sendReply } from './thread.ts';
import { useThread } from './use-thread.ts';
import { Notes } from './Notes.tsx';
import { Conversation } from './Conversation.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { reportWords } from './detail-words.ts';

/** What the open report's parts work with: the report, where reports are held, the keys to open and seal its thread, the team. */
export interface OpenReport {
  report: Report;
  store: ReportStore;
  opener: Opener;
  intake: OrgKeyCache;
  team: TeamMember[];
}

export function ReportThread({ report, store, opener, intake, team, canWrite }: OpenReport & { canWrite: boolean }) {
  const t = useWords(reportWords);
  const { thread, newSince, error, reload } = useThread(report, opener, store, t('threadFailed'));
  const [said, say] = useState('');
  const reloadSaying = async (done: string) => {
    await reload();
    say(done);
  };
  return (
    <>
      <Feedback error={error} />
      <Notes
        notes={thread?.notes ?? null}
        team={team}
        canWrite={canWrite}
        onAdd={async (text) => {
          await addNote(report.id, text, intake);
          await reloadSaying(t('noteAdded'));
        }}
      />
      <Conversation
        messages={thread?.messages ?? null}
        newSince={newSince ?? Number.MAX_SAFE_INTEGER}
        canReply={report.canReply && (thread ? thread.reporterKey !== null : true)}
        canWrite={canWrite}
        team={team}
        onRefresh={() => reloadSaying(t('conversationUpdated'))}
        onReply={async (text) => {
          if (!thread?.reporterKey) throw new Error(t('cannotAnswer'));
          await sendReply(report.id, text, thread.reporterKey, intake);
          await reloadSaying(t('replySent'));
        }}
      />
      <p role="status" class="status">
        {said}
      </p>
    </>
  );
}
