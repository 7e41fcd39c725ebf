// State (with the report a duplicate repeats) and assignee of one report. Changes apply on the
// button, not on the select, so arrowing through a list never changes a report by accident.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { AssigneeOptions } from './AssigneeOptions.tsx';
import type { Report, ReportStore } from './report-store.ts';
import { REPORT_STATES, markedState, stateName, type ReportStateName } from './states.ts';
import type { TeamMember } from './team.ts';
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

export function TriageControls({
  report,
  store,
  team,
  onChange,
  duplicateRequest,
}: {
  report: Report;
  store: ReportStore;
  team: TeamMember[];
  onChange: (change: TriageChange, done: string) => void;
  /** Bumped by the "5" key: choose "duplicate" and focus the list of reports it may repeat. */
  duplicateRequest: number;
}) {
  const t = useWords(inboxWords);
  const td = useWords(reportWords);
  const f = useFormats();
  const optionWords = { noStory: t('noStory'), cannotBeOpened: td('cannotBeOpened'), opening: t('opening') };
  const [state, setState] = useState<ReportStateName>(report.state);
  const [duplicateOf, setDuplicateOf] = useState(report.duplicateOf ?? '');
  const [assignee, setAssignee] = useState(report.assignee ?? '');
  const candidates = useMemo(() => (state === 'duplicate' ? candidatesFor(report, store) : []), [state, report, store]);

  useEffect(() => setState(report.state), [report.state]);
  useEffect(() => setAssignee(report.assignee ?? ''), [report.assignee]);
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

  function applyAssignee(event: Event) {
    event.preventDefault();
    const who = team.find((m) => m.id === assignee);
    const one = { count: 1, seq: String(report.seq) };
    onChange({ assignee: assignee || null }, who ? t('assignedTo', { ...one, name: who.email }) : t('unassigned', one));
  }

  return (
    <div class="triage">
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
        {state === 'duplicate' && (
          <>
            <label for="detail-duplicate-of">{td('duplicateOfLabel')}</label>
            <div class="inline-form">
              <select id="detail-duplicate-of" value={duplicateOf} onChange={(e) => setDuplicateOf(e.currentTarget.value)}>
                <option value="">{td('chooseRepeated')}</option>
                {candidates.map((r) => (
                  <option key={r.id} value={r.id}>
                    {describe(r, f, optionWords)}
                  </option>
                ))}
              </select>
              <button type="submit" class="small" disabled={!target || !stateChanged}>
                {td('markDuplicate')}
              </button>
            </div>
          </>
        )}
      </form>
      <form onSubmit={applyAssignee}>
        <label for="detail-assignee">{t('assignedToLabel')}</label>
        <div class="inline-form">
          <select id="detail-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">{t('nobodyOption')}</option>
            <AssigneeOptions team={team} />
          </select>
          <button type="submit" class="small" disabled={assignee === (report.assignee ?? '')}>
            {t('assign')}
          </button>
        </div>
      </form>
    </div>
  );
}
