// State (with the report a duplicate repeats) and assignee of one report. Changes apply on the
// button, not on the select, so arrowing through a list never changes a report by accident.
import { useEffect, useState } from 'preact/hooks';
import { AssigneeOptions } from './AssigneeOptions.tsx';
import type { Report, ReportStore } from './report-store.ts';
import type { TeamMember } from './team.ts';
import type { TriageChange } from './triage.ts';
import { StateForm } from './StateForm.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Props {
  report: Report;
  store: ReportStore;
  team: TeamMember[];
  onChange: (change: TriageChange, done: string) => void;
  /** Bumped by the "5" key: choose "duplicate" and focus the list of reports it may repeat. */
  duplicateRequest: number;
}

export function TriageControls({ report, store, team, onChange, duplicateRequest }: Props) {
  return (
    <div class="triage">
      <StateForm report={report} store={store} onChange={onChange} duplicateRequest={duplicateRequest} />
      <AssigneeForm report={report} team={team} onChange={onChange} />
    </div>
  );
}

function AssigneeForm({ report, team, onChange }: Pick<Props, 'report' | 'team' | 'onChange'>) {
  const t = useWords(inboxWords);
  const [assignee, setAssignee] = useState(report.assignee ?? '');
  useEffect(() => setAssignee(report.assignee ?? ''), [report.assignee]);

  function applyAssignee(event: Event) {
    event.preventDefault();
    const who = team.find((m) => m.id === assignee);
    const one = { count: 1, seq: String(report.seq) };
    onChange({ assignee: assignee || null }, who ? t('assignedTo', { ...one, name: who.email }) : t('unassigned', one));
  }

  return (
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
  );
}
