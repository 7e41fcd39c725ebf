// A report's state, and the report a duplicate repeats. The change applies on the button, not on
// the select, so arrowing through a list never changes a report by accident.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Report, ReportStore } from './report-store.ts';
import { REPORT_STATES, markedState, stateName, type ReportStateName } from './states.ts';
import type { TriageChange } from './triage.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { headlineOf } from '../../../core/report/text.ts';
import { inboxWords } from './words.ts';
import { reportWords } from './detail-words.ts';
import type { Formats } from '../../../core/i18n/format.ts';

const NEARBY = 100;

/** Reports near this one (most duplicates arrive close together), for the "duplicate of" list. */
function candidatesFor(report: Report, store: ReportStore): Report[] {
  const at = store.reports.indexOf(report);
  const from = Math.max(0, at - NEARBY / 2);
  const near = store.reports.slice(from, from + NEARBY + 1).filter((r) => r.id !== report.id);
  const target = report.duplicateOf ? store.get(report.duplicateOf) : undefined;
  return target && !near.includes(target) ? [target, ...near] : near;
}

/** A report as an option of the "duplicate of" list: number, time and first line. */
function describe(r: Report, f: Formats, words: { noStory: string; cannotBeOpened: string; opening: string }): string {
  const line = r.content ? (r.content.ok ? headlineOf(r.content, f.language, words.noStory) : words.cannotBeOpened) : words.opening;
  return `#${r.seq} · ${f.dateTime(r.receivedHour)} · ${line.length > 60 ? `${line.slice(0, 59)}…` : line}`;
}

interface Props {
  report: Report;
  store: ReportStore;
  onChange: (change: TriageChange, done: string) => void;
  /** Bumped by the "5" key: choose "duplicate" and focus the list of reports it may repeat. */
  duplicateRequest: number;
}

export function StateForm({ report, store, onChange, duplicateRequest }: Props) {
  const t = useWords(inboxWords);
  const td = useWords(reportWords);
  const [state, setState] = useState<ReportStateName>(report.state);
  const [duplicateOf, setDuplicateOf] = useState(report.duplicateOf ?? '');

  useEffect(() => setState(report.state), [report.state]);
  useEffect(() => {
    if (duplicateRequest === 0) return;
    setState('duplicate');
    requestAnimationFrame(() => document.getElementById('detail-duplicate-of')?.focus());
  }, [duplicateRequest]);

  const stateChanged = state !== report.state || (state === 'duplicate' && duplicateOf !== (report.duplicateOf ?? ''));
  const target = duplicateOf ? store.get(duplicateOf) : undefined;

  function applyState(event: Event) {
    event.preventDefault();
    if (state === 'duplicate') {
      if (!target) return;
      onChange({ state, duplicateOf }, td('markedDuplicate', { seq: String(report.seq), target: String(target.seq) }));
    } else onChange({ state }, markedState(t, state, [report]));
  }

  return (
    <form onSubmit={applyState}>
      <label for="detail-state">{t('stateLabel')}</label>
      <div class="inline-form">
        <select id="detail-state" value={state} onChange={(e) => setState(e.currentTarget.value as ReportStateName)} aria-keyshortcuts="1 2 3 4 5 6 7">
          {REPORT_STATES.map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
        {state !== 'duplicate' && (
          <button type="submit" class="small" disabled={!stateChanged}>
            {t('setState')}
          </button>
        )}
      </div>
      {state === 'duplicate' && <DuplicateOfSelect report={report} store={store} value={duplicateOf} onChange={setDuplicateOf} canApply={!!target && stateChanged} />}
    </form>
  );
}

/** Which report a duplicate repeats: the reports that came near it, the one it repeats now first. */
function DuplicateOfSelect({ report, store, value, onChange, canApply }: { report: Report; store: ReportStore; value: string; onChange: (id: string) => void; canApply: boolean }) {
  const t = useWords(inboxWords);
  const td = useWords(reportWords);
  const f = useFormats();
  const optionWords = { noStory: t('noStory'), cannotBeOpened: td('cannotBeOpened'), opening: t('opening') };
  const candidates = useMemo(() => candidatesFor(report, store), [report, store]);
  return (
    <>
      <label for="detail-duplicate-of">{td('duplicateOfLabel')}</label>
      <div class="inline-form">
        <select id="detail-duplicate-of" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{td('chooseRepeated')}</option>
          {candidates.map((r) => (
            <option key={r.id} value={r.id}>
              {describe(r, f, optionWords)}
            </option>
          ))}
        </select>
        <button type="submit" class="small" disabled={!canApply}>
          {td('markDuplicate')}
        </button>
      </div>
    </>
  );
}
