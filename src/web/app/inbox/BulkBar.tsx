// Actions on every selected report at once.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { AssigneeOptions } from './AssigneeOptions.tsx';
import { REPORT_STATES, markedState, stateName, type ReportStateName } from './states.ts';
import type { TeamMember } from './team.ts';
import type { TriageChange } from './triage.ts';
import { TagInput, useTagInput } from './TagInput.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

interface Props {
  /** The selected reports (their numbers word what was done to one). */
  selected: { seq: number }[];
  team: TeamMember[];
  onChange: (change: TriageChange, done: string) => void;
  onMarkRead: () => void;
  onClear: () => void;
}

export function BulkBar({ selected, team, onChange, onMarkRead, onClear }: Props) {
  const t = useWords(inboxWords);
  const [state, setState] = useState<ReportStateName | ''>('');
  const [assignee, setAssignee] = useState('');
  const count = selected.length;
  const which = { count, seq: String(selected[0]?.seq ?? '') };
  const tag = useTagInput((added) => onChange({ addTags: [added] }, t('tagAdded', { ...which, tag: added })));
  const applyState = () => state && onChange({ state }, markedState(t, state, selected));
  function applyAssignee() {
    const who = team.find((m) => m.id === assignee);
    onChange({ assignee: assignee === 'none' ? null : assignee }, who ? t('assignedTo', { ...which, name: who.email }) : t('unassigned', which));
  }

  return (
    <section class="bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('selectedCount', { count })}</h2>
      <BulkForm id="bulk-state" label={t('bulkStateLabel')} submit={t('setState')} disabled={!state} onSubmit={applyState}>
        <select id="bulk-state" value={state} onChange={(e) => setState(e.currentTarget.value as ReportStateName | '')}>
          <option value="">{t('stateChoose')}</option>
          {REPORT_STATES.filter((s) => s !== 'duplicate').map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
      </BulkForm>
      <BulkForm id="bulk-assignee" label={t('bulkAssigneeLabel')} submit={t('assign')} disabled={!assignee} onSubmit={applyAssignee}>
        <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value="">{t('assignChoose')}</option>
          <option value="none">{t('nobodyOption')}</option>
          <AssigneeOptions team={team} />
        </select>
      </BulkForm>
      <BulkForm id="bulk-tag" label={t('bulkTagLabel')} submit={t('addTag')} disabled={!tag.text.trim()} onSubmit={tag.submit}>
        <TagInput id="bulk-tag" value={tag.text} onInput={tag.setText} placeholder={t('tagPlaceholder')} />
      </BulkForm>
      <button type="button" class="small secondary" onClick={onMarkRead}>
        {t('markRead')}
        <span class="visually-hidden"> {t('markReadSelected')}</span>
      </button>
      <button type="button" class="small secondary" onClick={onClear}>
        {t('clearSelection')}
      </button>
      <Feedback error={tag.error} />
    </section>
  );
}

/** One control of the bar with its button; its label is for the screen reader (the bar shows the choices). */
function BulkForm({ id, label, submit, disabled, onSubmit, children }: { id: string; label: string; submit: string; disabled: boolean; onSubmit: (event: Event) => void; children: ComponentChildren }) {
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e);
      }}
    >
      <label for={id} class="visually-hidden">
        {label}
      </label>
      {children}
      <button type="submit" class="small" disabled={disabled}>
        {submit}
      </button>
    </form>
  );
}
