// A report's notes (team only) and conversation with the reporter: fetched sealed, opened here;
// new notes and replies are sealed here before they leave the browser.
import { api, ApiError } from '../session/api.ts';
import type { ReportThread } from '../../../core/api/inbox.ts';
import { SealedKind, sealTo } from '../../../core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../../../core/crypto/bytes.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import type { Opener } from './opener.ts';
import type { OrgKeyCache } from '../session/org-key.ts';
import type { ReportStore } from './report-store.ts';
import { searchTextOf } from '../../../core/linkage/search.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { reportWords } from './detail-words.ts';

export interface OpenedNote {
  id: string;
  author: string;
  createdAt: string;
  text: string | null;
}
export interface OpenedMessage {
  /** Order of arrival (what "seen up to" counts in). */
  seq: number;
  id: string;
  direction: 'team' | 'reporter';
  author: string | null;
  createdHour: string;
  text: string | null;
}
export interface OpenedThread {
  notes: OpenedNote[];
  messages: OpenedMessage[];
  reporterKey: string | null;
}

const path = (reportId: string, rest: string) => `/api/reports/${encodeURIComponent(reportId)}/${rest}`;

export async function loadThread(reportId: string, opener: Opener, store: ReportStore): Promise<OpenedThread> {
  const thread = await api<ReportThread>(path(reportId, 'thread'));
  const open = (kind: (typeof SealedKind)[keyof typeof SealedKind], envelope: string, keyId: string) => opener.openText(kind, envelope, keyId).catch(() => null);
  const [notes, messages] = await Promise.all([
    Promise.all(thread.notes.map(async (n) => ({ id: n.id, author: n.author, createdAt: n.createdAt, text: await open(SealedKind.note, n.envelope, n.keyId) }))),
    Promise.all(
      thread.messages.map(async (m) => ({
        seq: m.seq,
        id: m.id,
        direction: m.direction,
        author: m.author,
        createdHour: m.createdHour,
        text: await open(m.direction === 'team' ? SealedKind.reply : SealedKind.answer, m.envelope, m.keyId),
      })),
    ),
  ]);
  const report = store.get(reportId);
  if (report) {
    report.notes = notes.length;
    report.messages = messages.length;
    report.threadText = searchTextOf([...notes, ...messages].map((x) => x.text ?? '').join('\n'));
    report.threadSeen = true;
    store.changed();
  }
  return { notes, messages, reporterKey: thread.reporterKey };
}

/**
 * The member opened the conversation and saw its messages: the server stops counting them as new
 * for this member (only up to the newest one listed, so one that arrived meanwhile stays new).
 */
export async function markAnswersSeen(reportId: string, thread: OpenedThread, store: ReportStore): Promise<void> {
  if (!thread.messages.some((m) => m.direction === 'reporter')) return;
  const upTo = Math.max(...thread.messages.map((m) => m.seq));
  const { unreadAnswers } = await api<{ unreadAnswers: number }>(path(reportId, 'seen'), { upTo });
  const report = store.get(reportId);
  if (report && report.unreadAnswers !== unreadAnswers) {
    report.unreadAnswers = unreadAnswers;
    store.changed();
  }
}

const plaintextOf = (text: string) => utf8(JSON.stringify({ v: 1, text }));

/** Retries once with a fresh intake key if it rotated meanwhile. */
async function withIntakeKey(intake: OrgKeyCache, send: (key: Awaited<ReturnType<OrgKeyCache['get']>>) => Promise<unknown>): Promise<void> {
  try {
    await send(await intake.get());
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'stale-key')) throw e;
    intake.forget();
    await send(await intake.get());
  }
}

export function addNote(reportId: string, text: string, intake: OrgKeyCache): Promise<void> {
  return withIntakeKey(intake, async (key) => {
    const envelope = await sealTo(SealedKind.note, key, plaintextOf(text));
    await api(path(reportId, 'notes'), { keyId: key.keyId, envelope: toBase64Url(envelope) });
  });
}

/** Sealed twice: to the reporter's codename key (they read it at /status) and to the intake key (the team's copy). */
export async function sendReply(reportId: string, text: string, reporterKey: string, intake: OrgKeyCache): Promise<void> {
  const reporterPublic = fromBase64Url(reporterKey);
  if (!reporterPublic) throw new Error(translator(reportWords, currentLanguage())('cannotAnswer'));
  const reporter = { publicKey: reporterPublic, keyId: await keyIdOf(reporterPublic) };
  await withIntakeKey(intake, async (key) => {
    const plaintext = plaintextOf(text);
    const [forTeam, forReporter] = await Promise.all([sealTo(SealedKind.reply, key, plaintext), sealTo(SealedKind.reply, reporter, plaintext)]);
    await api(path(reportId, 'replies'), { forTeam: { keyId: key.keyId, envelope: toBase64Url(forTeam) }, forReporter: toBase64Url(forReporter) });
  });
}

/**
 * Opens the threads of every report with notes or messages, a few at a time, so search finds
 * words in notes too. (One request per report: there is no bulk endpoint for notes yet.)
 */
export async function indexThreads(store: ReportStore, opener: Opener, onProgress: (done: number, total: number) => void): Promise<void> {
  const todo = store.reports.filter((r) => !r.threadSeen && r.notes + r.messages > 0).map((r) => r.id);
  let done = 0;
  const worker = async () => {
    for (let id = todo.shift(); id !== undefined && !store.forgotten; id = todo.shift()) {
      await loadThread(id, opener, store).catch(() => undefined);
      onProgress(++done, done + todo.length);
    }
  };
  onProgress(0, todo.length);
  await Promise.all([worker(), worker(), worker()]);
}
