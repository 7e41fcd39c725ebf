// Fetches every page of the inbox and opens the envelopes in batches, yielding to the browser
// between batches: the newest reports show within a moment, the rest fill in behind, and the
// page stays responsive while tens of thousands of reports open.
import { api, apiBytes, messageOf } from '../session/api.ts';
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import { INBOX_FRAME_TYPE, decodeInboxFrame, type InboxFrame } from '../../../core/api/inbox-frame.ts';
import { applyChecked, applyOpened } from './open-report.ts';
import type { DecryptPool } from '../decrypt/pool.ts';
import type { Report, ReportStore } from './report-store.ts';
import { INBOX_PAGE_MOST, type UnreadAnswers } from '../../../core/api/inbox.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { inboxWords } from './words.ts';

/** Small first page so the first screen is fast; then big pages. */
const FIRST_PAGE = 100;
const PAGE = INBOX_PAGE_MOST;
const FIRST_SCREEN = 50;

/** Hands the main thread back to the browser (input, rendering) before the next batch. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  // Unlike setTimeout(0), not clamped to 4 ms after a few rounds.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Re-rendering filters and counts goes over every report, so it is not done after every batch:
 * every quarter second for a small inbox, less often as it grows (every 2.5 s at 100,000), so
 * redrawing never takes more than a sliver of the time the opening needs.
 */
const redrawEvery = (reports: number) => Math.max(250, reports / 40);

/**
 * Sends the new cache entries, 500 at a time, one request after another, once the inbox is shown
 * (sending while opening slowed a first login of 100,000 reports from 11 to 16 s on two cores).
 * Only an optimisation: a failure costs the next login time, nothing else.
 */
function storeCacheEntries(store: ReportStore): Promise<void> {
  store.sending = store.sending.then(async () => {
    while (store.cacheQueue.length > 0 && !store.forgotten) {
      const entries = store.cacheQueue.splice(0, 500).map((e) => ({ id: e.id, cache: toBase64Url(e.cache) }));
      await api('/api/inbox/cache', { entries }).catch(() => undefined);
    }
  });
  return store.sending;
}

/**
 * After the inbox is shown: every report that was opened from the cache is opened again from its
 * envelope, in the workers, and any copy that differs is replaced by the truth and counted.
 */
async function checkAgainstEnvelopes(store: ReportStore, pool: DecryptPool): Promise<void> {
  const unchecked = store.reports.filter((r) => r.unchecked && r.envelope);
  const byId = new Map(unchecked.map((r) => [r.id, r]));
  let mismatches = 0;
  await pool.openAll(
    unchecked.map((r) => ({ id: r.id, keyId: r.keyId, envelope: r.envelope! })),
    (results) => {
      if (store.forgotten) return;
      for (const result of results) if (!applyChecked(byId.get(result.id)!, result)) mismatches += 1;
    },
    false,
  );
  if (store.forgotten) return;
  store.cacheMismatches += mismatches;
  if (mismatches > 0) store.changed();
  requestAnimationFrame(() => performance.mark('vigil:inbox:checked'));
}

/** One page of the inbox as a binary frame: envelopes as bytes, not base64 in JSON. */
function fetchPage(before: number | undefined, limit: number): Promise<InboxFrame> {
  const page = apiBytes(`/api/inbox?limit=${limit}${before ? `&before=${before}` : ''}`, INBOX_FRAME_TYPE).then(decodeInboxFrame);
  page.catch(() => undefined); // Awaited later; not an unhandled rejection meanwhile.
  return page;
}

/** Opens the reports in the decryption workers; draws the first screen as soon as it is open. */
async function openInBatches(store: ReportStore, pool: DecryptPool, reports: Report[]): Promise<void> {
  let drawn = 0;
  const byId = new Map(reports.map((r) => [r.id, r]));
  const items = reports.filter((r) => r.envelope).map((r) => ({ id: r.id, keyId: r.keyId, envelope: r.envelope!, cache: r.cache }));
  const first = items.splice(0, store.opened < FIRST_SCREEN ? FIRST_SCREEN : 0);
  for (const group of [first, items]) {
    if (group.length === 0 || store.forgotten) continue;
    await pool.openAll(group, (results) => {
      if (store.forgotten) return;
      for (const result of results) {
        applyOpened(byId.get(result.id)!, result);
        if (result.ok && result.newCache && store.writesCache) store.cacheQueue.push({ id: result.id, cache: result.newCache });
      }
      store.opened += results.length;
      if (group === first || performance.now() - drawn > redrawEvery(store.reports.length)) {
        store.changed();
        drawn = performance.now();
        if (group === first && store.opened >= first.length && performance.getEntriesByName('vigil:inbox:first-screen').length === 0) {
          // Measured by bench/inbox.ts: the first screen is drawn on the next frame.
          requestAnimationFrame(() => performance.mark('vigil:inbox:first-screen'));
        }
      }
    });
    await nextTask();
  }
  store.changed();
}

export async function loadInbox(store: ReportStore, pool: DecryptPool): Promise<void> {
  store.started = true;
  try {
    let pending: Promise<InboxFrame> | null = fetchPage(undefined, FIRST_PAGE);
    while (pending && !store.forgotten) {
      const page: InboxFrame = await pending;
      if (store.forgotten) return;
      const added = store.add(page.reports);
      // The next page downloads while this one opens.
      pending = page.next !== null ? fetchPage(page.next, PAGE) : null;
      store.allFetched = pending === null;
      store.changed();
      await openInBatches(store, pool, added);
    }
    store.phase = 'done';
    if (!store.forgotten) requestAnimationFrame(() => performance.mark('vigil:inbox:all-opened'));
    // After the inbox is shown: send the quick copies made now, then check those used now.
    await storeCacheEntries(store);
    await checkAgainstEnvelopes(store, pool);
  } catch (e) {
    store.phase = 'failed';
    store.problem = messageOf(e, translator(inboxWords, currentLanguage())('loadFailed'));
  }
  store.changed();
}

/** New reports since the inbox was loaded (and fresh facts for the newest ones). */
async function loadNewer(store: ReportStore, pool: DecryptPool): Promise<Report[]> {
  const newest = store.reports[0]?.seq ?? 0;
  let before: number | undefined;
  const added: Report[] = [];
  for (;;) {
    const page = await fetchPage(before, 500);
    if (store.forgotten) return [];
    added.push(...store.add(page.reports, 'newer'));
    if (page.next === null || page.reports.some((r) => r.seq <= newest)) break;
    before = page.next;
  }
  store.changed();
  await openInBatches(store, pool, added);
  void storeCacheEntries(store).then(() => checkAgainstEnvelopes(store, pool));
  return added;
}

/** Every report's count of answers this member has not seen, whatever page it is on. */
async function loadUnreadAnswers(store: ReportStore): Promise<void> {
  const { reports } = await api<UnreadAnswers>('/api/inbox/answers');
  if (store.forgotten) return;
  const unread = new Map(reports.map((r) => [r.id, r]));
  for (const report of store.reports) {
    const found = unread.get(report.id);
    report.unreadAnswers = found?.unreadAnswers ?? 0;
    if (found) report.messages = found.messages;
  }
  store.changed();
}

/**
 * "Check for new reports": the reports that arrived since the inbox was loaded, and the reporters'
 * answers that arrived meanwhile — on any report, not only the newest page's — counted by comparing
 * each report's unseen answers before and after.
 */
export async function checkForNew(store: ReportStore, pool: DecryptPool): Promise<{ reports: number; answers: number }> {
  const unreadBefore = new Map(store.reports.filter((r) => r.unreadAnswers > 0).map((r) => [r.id, r.unreadAnswers]));
  const added = await loadNewer(store, pool);
  await loadUnreadAnswers(store);
  let answers = 0;
  for (const report of store.reports) answers += Math.max(0, report.unreadAnswers - (unreadBefore.get(report.id) ?? 0));
  return { reports: added.length, answers };
}
