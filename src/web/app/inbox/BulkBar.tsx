// Actions on every selected report at once.
import { useState } from 'preact/hooks';
import { AssigneeOptions } from './AssigneeOptions.tsx';
import { REPORT_STATES, STATE_NAMES, type ReportStateName } from './states.ts';
import type { TeamMember } from './team.ts';
import { tagOf, type TriageChange } from './triage.ts';
import { TAG_RULE } from './TagEditor.tsx';
import { Feedback } from '../Feedback.tsx';

export function BulkBar({
  count,
  team,
  onChange,
  onMarkRead,
  onClear,
}: {
  count: number;
  team: TeamMember[];
  onChange: (change: TriageChange, done: string) => void;
  onMarkRead: () => void;
  onClear: () => void;
}) {
  const [state, setState] = useState<ReportStateName | ''>('');
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const n = count === 1 ? '1 report' : `${count} reports`;

  return (
    <section class="bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{count} selected</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (state) onChange({ state }, `${n} marked ${STATE_NAMES[state].toLowerCase()}.`);
        }}
      >
        <label for="bulk-state" class="visually-hidden">
          New state for the selected reports
        </label>
        <select id="bulk-state" value={state} onChange={(e) => setState(e.currentTarget.value as ReportStateName | '')}>
          <option value="">State…</option>
          {REPORT_STATES.filter((s) => s !== 'duplicate').map((s) => (
            <option key={s} value={s}>
              {STATE_NAMES[s]}
            </option>
          ))}
        </select>
        <button type="submit" class="small" disabled={!state}>
          Set state
        </button>
      </form>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const who = team.find((m) => m.id === assignee);
          onChange({ assignee: assignee === 'none' ? null : assignee }, who ? `${n} assigned to ${who.email}.` : `${n} unassigned.`);
        }}
      >
        <label for="bulk-assignee" class="visually-hidden">
          Assign the selected reports to
        </label>
        <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value="">Assign to…</option>
          <option value="none">Nobody</option>
          <AssigneeOptions team={team} />
        </select>
        <button type="submit" class="small" disabled={!assignee}>
          Assign
        </button>
      </form>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const t = tagOf(tag);
          if (!t) return setError(`That tag cannot be used. ${TAG_RULE}`);
          setError(null);
          setTag('');
          onChange({ addTags: [t] }, `Tag ${t} added to ${n}.`);
        }}
      >
        <label for="bulk-tag" class="visually-hidden">
          Tag to add to the selected reports
        </label>
        <input id="bulk-tag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} list="known-tags" placeholder="Tag…" autoComplete="off" maxLength={40} />
        <button type="submit" class="small" disabled={!tag.trim()}>
          Add tag
        </button>
      </form>
      <button type="button" class="small secondary" onClick={onMarkRead}>
        Mark read<span class="visually-hidden"> the selected reports</span>
      </button>
      <button type="button" class="small secondary" onClick={onClear}>
        Clear selection
      </button>
      <Feedback error={error} />
    </section>
  );
}
