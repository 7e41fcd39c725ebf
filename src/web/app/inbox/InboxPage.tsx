// The inbox: every report opened in this browser, filtered and searched in memory, triaged with
// the keyboard. Composition only; the work is in the modules it imports.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { messageOf } from '../session/api.ts';
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useShortcuts } from '../shell/shortcuts.ts';
import { ReportStore, answersOf, useStoreVersion } from './report-store.ts';
import { Opener } from './opener.ts';
import { DecryptPool } from '../decrypt/pool.ts';
import { OrgKeyCache } from '../session/org-key.ts';
import { checkForNew, loadInbox } from './load-inbox.ts';
import { indexThreads } from './thread.ts';
import { NO_FILTERS, applyFilters, isFiltered, tagCounts, type Filters } from './filters.ts';
import { markRead, triage, type TriageChange } from './triage.ts';
import { useTeam } from './team.ts';
import { STATE_KEYS, markedState } from './states.ts';
import { FilterBar } from './FilterBar.tsx';
import { ReportList } from './ReportList.tsx';
import { ReportDetail } from './ReportDetail.tsx';
import { BulkBar } from './BulkBar.tsx';
import { TagPrompt } from './TagPrompt.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { makeRecord } from './make-record.ts';
import { Attachments } from '../evidence/Attachments.tsx';
import { LinkReport } from './LinkReport.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';
import { useInboxTitle } from './inbox-title.ts';

const SEARCH_PAUSE_MS = 150;

/** What "Check for new reports" found, in words. */
function newsOf(t: (key: 'nothingNew' | 'newReports' | 'newAnswers' | 'newReportsAndAnswers', args?: Record<string, number>) => string, found: { reports: number; answers: number }): string {
  if (found.reports > 0 && found.answers > 0) return t('newReportsAndAnswers', found);
  if (found.reports > 0) return t('newReports', { count: found.reports });
  if (found.answers > 0) return t('newAnswers', { count: found.answers });
  return t('nothingNew');
}

export function InboxPage({ vault }: { vault: Vault }) {
  const store = vault.hold('inbox', () => new ReportStore(vault.canTriage));
  const opener = vault.hold('opener', () => new Opener(vault.keyring));
  const pool = vault.hold('decrypt-pool', () => new DecryptPool(vault.keyring));
  const intake = vault.hold('intake-key', () => new OrgKeyCache(vault.keyring, 'intake'));
  const version = useStoreVersion(store);
  const t = useWords(inboxWords);
  const team = useTeam();
  const canTriage = vault.canTriage;
  const myId = vault.me.id;

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const [paneOpen, setPaneOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [said, say] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'help' | 'tag' | null>(null);
  const [duplicateFor, setDuplicateFor] = useState<{ id: string; n: number } | null>(null);
  const [threadProgress, setThreadProgress] = useState<[number, number] | null>(null);
  const focusNext = useRef<'row' | 'pane' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (store.started) return;
    void loadInbox(store, pool).then(() => {
      if (store.phase === 'done' && !store.forgotten) return indexThreads(store, opener, (done, total) => setThreadProgress([done, total]));
    });
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === search ? f : { ...f, search })), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const shown = useMemo(() => applyFilters(store.reports, filters), [version, filters]);
  const tags = useMemo(() => tagCounts(store.reports), [version]);
  const unread = useMemo(() => store.reports.filter((r) => !r.readHour).length, [version]);
  const newAnswers = useMemo(() => store.reports.reduce((n, r) => n + r.unreadAnswers, 0), [version]);
  useInboxTitle(unread + newAnswers);
  const found = useMemo(() => (cursor.id ? shown.findIndex((r) => r.id === cursor.id) : -1), [shown, cursor.id]);
  const index = found >= 0 ? found : Math.min(cursor.index, Math.max(0, shown.length - 1));
  const current = shown[index] ?? null;

  // The current report left the list (filtered out after a change): its successor takes its
  // place, and the focus must not fall to the page.
  useEffect(() => {
    if (current && current.id !== cursor.id) {
      setCursor({ id: current.id, index });
      if (cursor.id && (document.activeElement === document.body || !document.activeElement?.isConnected)) focusNext.current = paneOpen ? 'pane' : 'row';
    }
  });
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || !current) return;
    focusNext.current = null;
    if (target === 'pane') document.getElementById('detail-title')?.focus();
    else document.querySelector<HTMLElement>(`[data-report-id="${current.id}"] .open`)?.focus();
  });

  function moveTo(i: number) {
    if (shown.length === 0) return;
    const to = Math.max(0, Math.min(shown.length - 1, i));
    setCursor({ id: shown[to]!.id, index: to });
    setDuplicateFor(null);
    focusNext.current = paneOpen ? 'pane' : 'row';
  }
  function openAt(i: number) {
    moveTo(i);
    setPaneOpen(true);
    focusNext.current = 'pane';
  }
  function closePane() {
    setPaneOpen(false);
    setDuplicateFor(null);
    focusNext.current = 'row';
  }
  function goTo(id: string) {
    const at = shown.findIndex((r) => r.id === id);
    if (at >= 0) return openAt(at);
    // Not in the filtered list: clear the filters to show it.
    setSearch('');
    setFilters(NO_FILTERS);
    setCursor({ id, index: 0 });
    focusNext.current = 'pane';
  }
  function select(id: string, on: boolean) {
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  const targets = () => (selected.size > 0 ? [...selected] : current ? [current.id] : []);
  /** The reports a message speaks of: how many, and the number of the first (for "Report #3 …"). */
  const which = (ids: string[]) => ({ count: ids.length, seq: String(store.get(ids[0] ?? '')?.seq ?? '') });
  const reportsOf = (ids: string[]) => ids.flatMap((id) => store.get(id) ?? []);

  async function change(ids: string[], change: TriageChange, done: string) {
    if (!canTriage) return say(t('viewersCannotChange'));
    if (ids.length === 0) return;
    setError(null);
    try {
      await triage(store, ids, change);
      say(done);
    } catch (e) {
      setError(messageOf(e, t('changeFailed')));
    }
  }
  async function read(ids: string[]) {
    if (!canTriage) return say(t('viewersCannotChange'));
    setError(null);
    try {
      say(t('markedRead', { count: await markRead(store, ids) }));
    } catch (e) {
      setError(messageOf(e, t('markReadFailed')));
    }
  }
  async function checkNew() {
    setError(null);
    try {
      // Keys granted since login (a rotation) first, so new reports sealed to them open.
      await vault.refreshKeys();
      const found = await checkForNew(store, vault.hold('decrypt-pool', () => new DecryptPool(vault.keyring)));
      say(newsOf(t, found));
    } catch (e) {
      setError(messageOf(e, t('loadFailed')));
    }
  }
  function setStateByKey(key: string) {
    const state = STATE_KEYS[key]!;
    const ids = targets();
    if (state === 'duplicate') {
      if (!canTriage) return say(t('viewersCannotChange'));
      if (selected.size > 0 || !current) return say(t('duplicatesOneAtATime'));
      setPaneOpen(true);
      setDuplicateFor((d) => ({ id: current.id, n: (d?.n ?? 0) + 1 }));
      return;
    }
    void change(ids, { state }, markedState(t, state, reportsOf(ids)));
  }

  useShortcuts({
    j: () => moveTo(index + 1),
    ArrowDown: () => moveTo(index + 1),
    k: () => moveTo(index - 1),
    ArrowUp: () => moveTo(index - 1),
    Enter: () => current && openAt(index),
    o: () => current && openAt(index),
    Escape: () => {
      if (paneOpen) closePane();
      else if (selected.size > 0) {
        setSelected(new Set());
        say(t('selectionCleared'));
      }
    },
    'Escape-field': () => {
      focusNext.current = paneOpen ? 'pane' : 'row';
      setCursor((c) => ({ ...c }));
    },
    x: () => {
      if (!current) return;
      const on = !selected.has(current.id);
      select(current.id, on);
      say(t(on ? 'selectedOne' : 'unselectedOne', { seq: String(current.seq) }));
    },
    '/': () => searchRef.current?.focus(),
    r: () => void read(targets()),
    a: () => {
      const ids = targets();
      void change(ids, { assignee: myId }, t('assignedToYou', which(ids)));
    },
    t: () => {
      if (!canTriage) return say(t('viewersCannotChange'));
      if (targets().length > 0) setDialog('tag');
    },
    ...Object.fromEntries(Object.keys(STATE_KEYS).map((key) => [key, () => setStateByKey(key)])),
    '?': () => setDialog('help'),
  });

  const total = store.reports.length;
  const loading = store.phase === 'loading';
  return (
    <main class={`inbox${paneOpen && current ? ' with-detail' : ''}`}>
      <div class="inbox-head">
        <PageHeading>
          {t('title')} <span class="count">{t('unread', { count: unread })}</span>
          {newAnswers > 0 && <span class="count new-answers">{t('newAnswersBadge', { count: newAnswers })}</span>}
        </PageHeading>
        <div class="tools">
          <button type="button" class="small secondary" onClick={checkNew} disabled={loading}>
            {t('checkNew')}
          </button>
          <button type="button" class="small secondary" onClick={() => setDialog('help')} aria-keyshortcuts="?">
            {t('keyboardShortcuts')}
          </button>
        </div>
      </div>
      <p class="progress">
        {loading ? t(store.allFetched ? 'openedOf' : 'openedOfMore', { opened: store.opened, total }) : store.phase === 'done' ? t('openedHere', { count: total }) : ''}
        {threadProgress && threadProgress[1] > 0 && threadProgress[0] < threadProgress[1] && ` ${t('openingNotes', { done: threadProgress[0], total: threadProgress[1] })}`}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {loading ? t('openingReports') : store.phase === 'done' ? t('allOpened', { count: total }) : ''}
      </p>
      {store.problem && (
        <p class="error" role="alert">
          {store.problem}
        </p>
      )}
      <Feedback error={error} said={said} />
      {store.cacheMismatches > 0 && (
        <p class="error" role="alert" data-cache-mismatches={store.cacheMismatches}>
          {t('cacheMismatches', { count: store.cacheMismatches })}
        </p>
      )}
      <FilterBar filters={filters} search={search} onSearch={setSearch} onChange={setFilters} tags={tags} team={team} myId={myId} searchRef={searchRef} />
      {selected.size > 0 && canTriage && (
        <BulkBar
          selected={reportsOf([...selected])}
          team={team}
          onChange={(c, done) => void change([...selected], c, done)}
          onMarkRead={() => void read([...selected])}
          onClear={() => setSelected(new Set())}
        />
      )}
      <div class="inbox-body">
        <div class="list">
          <div class="list-head">
            <p>{isFiltered(filters) ? t('matching', { shown: shown.length, total }) : t('newestFirst', { count: total })}</p>
            {canTriage && shown.length > 0 && (
              <button type="button" class="small secondary" onClick={() => setSelected(new Set(shown.map((r) => r.id)))}>
                {t('selectAllShown', { count: shown.length })}
              </button>
            )}
          </div>
          {!loading && total === 0 && <p>{t('noReportsYet')}</p>}
          {total > 0 && shown.length === 0 && <p>{t('noneMatch')}</p>}
          <ReportList
            reports={shown}
            cursor={index}
            selected={selected}
            team={team}
            canTriage={canTriage}
            onOpen={openAt}
            onSelect={select}
            onMarkRead={(id) => void read([id])}
            onMoveTo={moveTo}
          />
        </div>
        {paneOpen && current && (
          <ReportDetail
            key={current.id}
            report={current}
            store={store}
            opener={opener}
            intake={intake}
            team={team}
            canTriage={canTriage}
            duplicateRequest={duplicateFor?.id === current.id ? duplicateFor.n : 0}
            onChange={(ids, c, done) => void change(ids, c, done)}
            onMarkRead={() => void read([current.id])}
            onClose={closePane}
            onGoTo={goTo}
            onMakeRecord={canTriage ? () => makeRecord(vault, current) : undefined}
            evidence={<Attachments vault={vault} owner={{ type: 'report', id: current.id }} />}
            linkToRecords={
              canTriage && current.content?.ok ? <LinkReport key={current.id} vault={vault} reportId={current.id} reportSeq={current.seq} answers={answersOf(current.content)} receivedHour={current.receivedHour} /> : undefined
            }
          />
        )}
      </div>
      <datalist id="known-tags">
        {tags.map(([tag]) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {dialog === 'help' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'tag' && (
        <TagPrompt
          count={targets().length}
          onClose={() => setDialog(null)}
          onAdd={(tag) => {
            const ids = targets();
            setDialog(null);
            void change(ids, { addTags: [tag] }, t('tagAdded', { ...which(ids), tag }));
          }}
        />
      )}
    </main>
  );
}
