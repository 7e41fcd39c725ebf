// Actions on every selected report at once.
import { useState } from 'preact/hooks';
import { AssigneeOptions } from './AssigneeOptions.tsx';
import { REPORT_STATES, markedState, stateName, type ReportStateName } from './states.ts';
import type { TeamMember } from './team.ts';
import { tagOf, type TriageChange } from './triage.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { useWords } from '../i18n/context.tsx';
import { inboxWords } from './words.ts';

export function BulkBar({
  selected,
  team,
  onChange,
  onMarkRead,
  onClear,
}: {
  /** The selected reports (their numbers word what was done to one). */
  selected: { seq: number }[];
  team: TeamMember[];
  onChange: (change: TriageChange, done: string) => void;
  onMarkRead: () => void;
  onClear: () => void;
}) {
  const t = useWords(inboxWords);
  const [state, setState] = useState<ReportStateName | ''>('');
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const count = selected.length;
  const which = { count, seq: String(selected[0]?.seq ?? '') };

  return (
    <section class="bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('selectedCount', { count })}</h2>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (state) onChange({ state }, markedState(t, state, selected));
        }}
      >
        <label for="bulk-state" class="visually-hidden">
          {t('bulkStateLabel')}
        </label>
        <select id="bulk-state" value={state} onChange={(e) => setState(e.currentTarget.value as ReportStateName | '')}>
          <option value="">{t('stateChoose')}</option>
          {REPORT_STATES.filter((s) => s !== 'duplicate').map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
        <button type="submit" class="small" disabled={!state}>
          {t('setState')}
        </button>
      </form>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const who = team.find((m) => m.id === assignee);
          onChange({ assignee: assignee === 'none' ? null : assignee }, who ? t('assignedTo', { ...which, name: who.email }) : t('unassigned', which));
        }}
      >
        <label for="bulk-assignee" class="visually-hidden">
          {t('bulkAssigneeLabel')}
        </label>
        <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value="">{t('assignChoose')}</option>
          <option value="none">{t('nobodyOption')}</option>
          <AssigneeOptions team={team} />
        </select>
        <button type="submit" class="small" disabled={!assignee}>
          {t('assign')}
        </button>
      </form>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const added = tagOf(tag);
          if (!added) return setError(t('badTag'));
          setError(null);
          setTag('');
          onChange({ addTags: [added] }, t('tagAdded', { ...which, tag: added }));
        }}
      >
        <label for="bulk-tag" class="visually-hidden">
          {t('bulkTagLabel')}
        </label>
        <input id="bulk-tag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} list="known-tags" placeholder={t('tagPlaceholder')} autoComplete="off" maxLength={40} />
        <button type="submit" class="small" disabled={!tag.trim()}>
          {t('addTag')}
        </button>
      </form>
      <button type="button" class="small secondary" onClick={onMarkRead}>
        {t('markRead')}
        <span class="visually-hidden"> {t('markReadSelected')}</span>
      </button>
      <button type="button" class="small secondary" onClick={onClear}>
        {t('clearSelection')}
      </button>
      <Feedback error={error} />
    </section>
  );
}
