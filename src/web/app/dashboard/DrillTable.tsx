// The rows of a drill-down: each act with its person, type, day, place, incident and detention.
import { DETENTION_STATUSES } from '../../../core/records/vocabulary-words.ts';
import type { DrillDown } from '../../../core/dashboard/dashboard.ts';
import { entryLabel, type RegistryEntry } from '../records/client.ts';
import { termLabel } from '../ui/fields.tsx';
import { commonWords } from '../i18n/common-words.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { cellLabel } from './labels.ts';
import { dashboardWords } from './words.ts';

const GROUPED: Partial<Record<string, 'drillPeople' | 'drillIncidents'>> = { people: 'drillPeople', held: 'drillPeople', released: 'drillPeople', sentenced: 'drillPeople', fined: 'drillPeople', 'incident-sources': 'drillIncidents' };

const COLUMNS = ['person', 'act', 'date', 'place', 'incidentColumn', 'detention'] as const;

/** `by`: what was drilled into (it names the rows: acts, people or incidents); `paged`: which page of how many, when there is more than one. */
export function DrillTable({ by, data, entries, paged }: { by: string; data: DrillDown; entries: RegistryEntry[]; paged: { page: string; pages: string } | null }) {
  const t = useWords(dashboardWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeOf = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? entryLabel(entry, language) : t('unknownPlace');
  };
  const list = t(GROUPED[by] ?? 'drillActs', { count: data.total });
  return (
    <table class="data" data-drill-list={`${data.by}:${data.value ?? ''}`}>
      <caption>{paged ? t('drillCaptionPaged', { list, ...paged }) : t('drillCaption', { list })}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th scope="col" key={c}>
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.actId} data-act={r.actCode}>
            <th scope="row">
              <a href={`#person/${r.personId}`}>{r.personCode}</a>
            </th>
            <td>
              {r.actCode} <small>{cellLabel('type', r.typeCode, entries, language)}</small>
            </td>
            <td>{r.dateStart ? f.day(r.dateStart) : common('notKnown')}</td>
            <td>{r.placeId ? placeOf(r.placeId) : '—'}</td>
            <td>
              <a href={`#records/${r.incidentId}`}>{r.incidentCode}</a>
            </td>
            <td>{r.detentionStatus ? termLabel(DETENTION_STATUSES, r.detentionStatus, language) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
