// The inbox: every report opened in this browser, filtered and searched in memory, triaged with
// the keyboard. Composition only; the work is in the hooks and components it imports.
import { useRef, useState } from 'preact/hooks';
import type { ComponentProps } from 'preact';
import type { Vault } from '../session/vault.ts';
import { ReportStore, answersOf, useStoreVersion, type Report } from './report-store.ts';
import { Opener } from './opener.ts';
import { DecryptPool } from '../decrypt/pool.ts';
import { OrgKeyCache } from '../session/org-key.ts';
import { useTeam } from './team.ts';
import { useOpening } from './use-opening.ts';
import { useFilteredReports, useNews } from './use-filtered-reports.ts';
import { useCursor } from './use-cursor.ts';
import { useSelection } from './use-selection.ts';
import { reportsOf, useInboxActs, whichOf } from './use-inbox-acts.ts';
import { useInboxKeys } from './use-inbox-keys.ts';
import { InboxHead } from './InboxHead.tsx';
import { FilterBar } from './FilterBar.tsx';
import { ReportListPane } from './ReportListPane.tsx';
import { ReportDetail } from './ReportDetail.tsx';
import { BulkBar } from './BulkBar.tsx';
import { TagPrompt } from './TagPrompt.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { makeRecord } from './make-record.ts';
import { Attachments } from '../evidence/Attachments.tsx';
import { LinkReport } from './LinkReport.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

export function InboxPage({ vault }: { vault: Vault }) {
  const store = vault.hold('inbox', () => new ReportStore(vault.canTriage));
  const opener = vault.hold('opener', () => new Opener(vault.keyring));
  const pool = vault.hold('decrypt-pool', () => new DecryptPool(vault.keyring));
  const intake = vault.hold('intake-key', () => new OrgKeyCache(vault.keyring, 'intake'));
  const version = useStoreVersion(store);
  const t = useWords(inboxWords);
  const team = useTeam();
  const { canTriage } = vault;
  const myId = vault.me.id;
  const threadProgress = useOpening(store, pool, opener);
  const list = useFilteredReports(store, version);
  const news = useNews(store, version);
  const cursor = useCursor(list.shown, list.clear);
  const selection = useSelection();
  const acts = useInboxActs(vault, store);
  const [dialog, setDialog] = useState<'help' | 'tag' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useInboxKeys({ store, canTriage, myId, cursor, selection, acts, searchRef, openDialog: setDialog });

  const { current } = cursor;
  const selected = [...selection.selected];
  const tagTargets = selection.targets(current);
  return (
    <main class={`inbox${cursor.paneOpen && current ? ' with-detail' : ''}`}>
      <InboxHead store={store} news={news} threadProgress={threadProgress} error={acts.error} said={acts.said} onCheckNew={acts.checkNew} onHelp={() => setDialog('help')} />
      <FilterBar filters={list.filters} search={list.search} onSearch={list.setSearch} onChange={list.setFilters} tags={list.tags} team={team} myId={myId} searchRef={searchRef} />
      {selected.length > 0 && canTriage && (
        <BulkBar selected={reportsOf(store, selected)} team={team} onChange={(c, done) => void acts.change(selected, c, done)} onMarkRead={() => void acts.read(selected)} onClear={selection.clear} />
      )}
      <div class="inbox-body">
        <ReportListPane store={store} list={list} cursor={cursor} selection={selection} team={team} canTriage={canTriage} onMarkRead={(id) => void acts.read([id])} />
        {cursor.paneOpen && current && (
          <ReportPane key={current.id} vault={vault} report={current} store={store} opener={opener} intake={intake} team={team} canTriage={canTriage} duplicateRequest={cursor.duplicateRequest}
            onChange={(ids, c, done) => void acts.change(ids, c, done)} onMarkRead={() => void acts.read([current.id])} onClose={cursor.closePane} onGoTo={cursor.goTo} />
        )}
      </div>
      <datalist id="known-tags">
        {list.tags.map(([tag]) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {dialog === 'help' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'tag' && (
        <TagPrompt count={tagTargets.length} onClose={() => setDialog(null)} onAdd={(tag) => {
          setDialog(null);
          void acts.change(tagTargets, { addTags: [tag] }, t('tagAdded', { ...whichOf(store, tagTargets), tag }));
        }} />
      )}
    </main>
  );
}

type DetailProps = ComponentProps<typeof ReportDetail>;

/** The open report with what the workspace adds to it: its attachments, and making or linking a record of it. */
function ReportPane({ vault, report, ...detail }: { vault: Vault; report: Report } & Omit<DetailProps, 'report' | 'onMakeRecord' | 'evidence' | 'linkToRecords'>) {
  const canTriage = vault.canTriage;
  return (
    <ReportDetail
      {...detail}
      report={report}
      onMakeRecord={canTriage ? () => makeRecord(vault, report) : undefined}
      evidence={<Attachments vault={vault} owner={{ type: 'report', id: report.id }} />}
      linkToRecords={canTriage && report.content?.ok ? <LinkReport key={report.id} vault={vault} reportId={report.id} reportSeq={report.seq} answers={answersOf(report.content)} receivedHour={report.receivedHour} /> : undefined}
    />
  );
}
