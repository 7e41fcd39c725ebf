// Pacing: what each member has not yet been told, counted in memory only (no row anywhere says what
// kind of report arrived), and sent as one message at most every `everyMs`. The first news after a
// quiet spell waits `gatherMs` (so a burst makes one message), later news until the window since
// the last message has passed. A failed message is tried again after each of `retryMs`, merged
// with whatever came meanwhile, then dropped.
import { NOTICE_KINDS, type NoticeCounts, type NoticeKind } from '../../core/notices/kinds.ts';

export type SendResult = { sent: true } | { sent: false; retry: boolean };

export interface BatcherOptions {
  everyMs: number;
  gatherMs: number;
  retryMs: readonly number[];
  /** Sends what a member has waiting; `sent: false, retry: false` when nothing can or need be sent. */
  send(memberId: string, counts: NoticeCounts): Promise<SendResult>;
  /** Told when a message is given up after its retries. */
  dropped(memberId: string): void;
}

interface Waiting {
  counts: NoticeCounts;
  timer: NodeJS.Timeout | null;
  sending: boolean;
  failures: number;
  notBefore: number;
}

export function addCounts(into: NoticeCounts, more: NoticeCounts): NoticeCounts {
  for (const kind of NOTICE_KINDS) if (more[kind]) into[kind] = (into[kind] ?? 0) + more[kind]!;
  return into;
}

const isEmpty = (counts: NoticeCounts) => NOTICE_KINDS.every((k) => !counts[k]);

export function createBatcher(options: BatcherOptions) {
  const waiting = new Map<string, Waiting>();
  /** When each member was last sent a message. */
  const lastSent = new Map<string, number>();
  let stopped = false;

  function arm(memberId: string, state: Waiting) {
    if (stopped || state.timer || state.sending || isEmpty(state.counts)) return;
    const now = Date.now();
    const due = Math.max(now + options.gatherMs, (lastSent.get(memberId) ?? -Infinity) + options.everyMs, state.notBefore);
    state.timer = setTimeout(() => void flush(memberId, state), due - now);
    state.timer.unref();
  }

  async function flush(memberId: string, state: Waiting) {
    state.timer = null;
    state.sending = true;
    const counts = state.counts;
    state.counts = {};
    let result: SendResult;
    try {
      result = await options.send(memberId, counts);
    } catch {
      result = { sent: false, retry: true };
    }
    state.sending = false;
    if (result.sent) {
      state.failures = 0;
      lastSent.set(memberId, Date.now());
    } else if (result.retry && state.failures < options.retryMs.length) {
      state.notBefore = Date.now() + options.retryMs[state.failures]!;
      state.failures += 1;
      addCounts(state.counts, counts);
    } else {
      if (result.retry) options.dropped(memberId);
      state.failures = 0;
    }
    if (isEmpty(state.counts)) waiting.delete(memberId);
    else arm(memberId, state);
  }

  return {
    /** News for a member (the pace is this process's: no row says when a member was last told). */
    add(memberId: string, kind: NoticeKind, count: number) {
      if (stopped) return;
      let state = waiting.get(memberId);
      if (!state) waiting.set(memberId, (state = { counts: {}, timer: null, sending: false, failures: 0, notBefore: 0 }));
      addCounts(state.counts, { [kind]: count });
      arm(memberId, state);
    },
    stop() {
      stopped = true;
      for (const state of waiting.values()) if (state.timer) clearTimeout(state.timer);
      waiting.clear();
    },
  };
}

export type Batcher = ReturnType<typeof createBatcher>;
