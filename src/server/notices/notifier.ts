// The running server's notices: news heard (events.ts) is counted per member in memory (batcher.ts)
// and sent at the member's pace by their channel; the daily deadline look, claimed by one server a
// day, is news too. Each message delivered counts in the day's tally.
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context.ts';
import type { Mailer } from '../alerts/mailer.ts';
import { KIND_ROLES, type NoticeCounts, type NoticeKind } from '../../core/notices/kinds.ts';
import { noticeText } from '../../core/notices/text.ts';
import { listenForNotices } from './events.ts';
import { createBatcher, type SendResult } from './batcher.ts';
import { dailyDeadlines } from './deadlines.ts';
import { sendNotice, type Recipient } from './send.ts';
import { dailyTally } from './tally.ts';
import { listenersFor, recipientOf } from './recipients.ts';

/** How often the daily deadline look checks whether its hour has come. */
const LOOK_EVERY_MS = 60_000;
/** Errors no retry can mend: said once in the log, the message dropped. */
const FINAL_ERRORS = new Set(['mail-off', 'secret-unreadable']);

export function createNotifier(vigil: VigilContext, mailer: Mailer | null, log: FastifyBaseLogger) {
  const { db } = vigil.storage;
  const { everyMs, deadlineHour } = vigil.config.notices;
  const tally = dailyTally(db);
  const warn = (what: string) => (error: unknown) => log.warn({ code: (error as { code?: string })?.code }, what);

  /** One attempt; a success is counted for the day's tally. */
  async function deliver(recipient: Recipient, text: string, counts: NoticeCounts): Promise<string | null> {
    const error = await sendNotice(vigil, mailer, recipient, text, counts);
    if (error) {
      log.warn({ channel: recipient.channel, code: error }, 'notice not delivered');
      return error;
    }
    tally.add();
    return null;
  }

  async function sendWaiting(memberId: string, counts: NoticeCounts): Promise<SendResult> {
    const recipient = await recipientOf(vigil, memberId);
    if (!recipient) return { sent: false, retry: false };
    // Only what they still want and may see (settings and roles change while news waits).
    const wanted: NoticeCounts = {};
    for (const kind of recipient.kinds) if (counts[kind] && KIND_ROLES[kind].includes(recipient.role)) wanted[kind] = counts[kind];
    const text = noticeText(wanted, recipient.language);
    if (!text) return { sent: false, retry: false };
    const error = await deliver(recipient, text, wanted);
    return error ? { sent: false, retry: !FINAL_ERRORS.has(error) } : { sent: true };
  }

  const batcher = createBatcher({
    everyMs,
    // A burst (several reports in a minute) makes one message; urgent news still leaves within half a minute.
    gatherMs: Math.min(30_000, Math.floor(everyMs / 5)),
    retryMs: vigil.config.alertRetryMs.slice(0, 3),
    send: sendWaiting,
    dropped: () => log.warn('notice dropped after its retries'),
  });

  async function news(kind: NoticeKind, count: number): Promise<void> {
    for (const { memberId, told } of await listenersFor(db, kind)) batcher.add(memberId, told, count);
  }

  const deadlines = dailyDeadlines(db, deadlineHour, vigil.instanceId);
  async function lookForDeadlines() {
    const org = await vigil.organization();
    if (!org) return;
    await tally.audit();
    const due = await deadlines(org.timeZone);
    if (due > 0) await news('deadline', due);
  }

  let deadlineTimer: NodeJS.Timeout | null = null;
  return {
    deliver,
    start(): void {
      listenForNotices(vigil, (kind, count) => void news(kind, count).catch(warn('notice not counted')));
      const look = () => void lookForDeadlines().catch(warn('deadline look failed'));
      look();
      deadlineTimer = setInterval(look, LOOK_EVERY_MS).unref();
    },
    async stop(): Promise<void> {
      listenForNotices(vigil, null);
      if (deadlineTimer) clearInterval(deadlineTimer);
      batcher.stop();
      await tally.audit(true).catch(() => undefined);
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
