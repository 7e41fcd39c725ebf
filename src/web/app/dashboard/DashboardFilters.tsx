// What the dashboard counts: acts from … to …, one incident or all, per day or per week. Applied
// when the member presses "Show", so a half-typed date does not fetch.
import { useState } from 'preact/hooks';
import type { RecordView } from '../records/client.ts';
import { IncidentSelect } from '../records/fields.tsx';
import { useWords } from '../i18n/context.tsx';
import { dashboardWords } from './words.ts';

export interface Filter {
  from: string;
  to: string;
  incident: string;
  bucket: 'day' | 'week';
}

export const NO_FILTER: Filter = { from: '', to: '', incident: '', bucket: 'day' };

/** The query string of the dashboard's API: only what is set. */
export const query = (f: Filter) => new URLSearchParams(Object.entries(f).filter(([, v]) => v !== '')).toString();

interface Props {
  incidents: RecordView[];
  titles: Map<string, { title?: string } | null>;
  onApply: (filter: Filter) => void;
}

export function DashboardFilters({ incidents, titles, onApply }: Props) {
  const t = useWords(dashboardWords);
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  return (
    <form
      class="filters"
      aria-label={t('whatToCount')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft });
      }}
    >
      <div>
        <label for="dash-from">{t('from')}</label>
        <input id="dash-from" type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      </div>
      <div>
        <label for="dash-to">{t('to')}</label>
        <input id="dash-to" type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      </div>
      <div>
        <IncidentSelect id="dash-incident" incidents={incidents} titles={titles} value={draft.incident} onChange={(incident) => setDraft({ ...draft, incident })} />
      </div>
      <div>
        <label for="dash-bucket">{t('perBucket')}</label>
        <select id="dash-bucket" value={draft.bucket} onChange={(e) => setDraft({ ...draft, bucket: e.currentTarget.value as Filter['bucket'] })}>
          <option value="day">{t('day')}</option>
          <option value="week">{t('week')}</option>
        </select>
      </div>
      <button type="submit">{t('show')}</button>
    </form>
  );
}
