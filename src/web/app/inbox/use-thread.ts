// The open report's notes and conversation, opened in this browser, and which answers were new
// when it was first shown (they keep their mark while it stays open).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Report, ReportStore } from './report-store.ts';
import type { Opener } from './opener.ts';
import { loadThread, markAnswersSeen, type OpenedThread } from './thread.ts';

/** Up to which message this member had seen the conversation: all but the last `unread` answers. */
function seenBefore(thread: OpenedThread, unread: number): number {
  const answers = thread.messages.filter((m) => m.direction === 'reporter');
  if (unread > 0) return answers[answers.length - unread - 1]?.seq ?? 0;
  return Math.max(0, ...thread.messages.map((m) => m.seq));
}

export function useThread(report: Report, opener: Opener, store: ReportStore, failure: string) {
  const [thread, setThread] = useState<OpenedThread | null>(null);
  const [newSince, setNewSince] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

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
      setError(messageOf(e, failure));
    }
  }, [report.id]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { thread, newSince, error, reload };
}
