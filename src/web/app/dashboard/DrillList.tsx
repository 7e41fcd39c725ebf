// The records behind one number of the dashboard, a page at a time: each row links to the person
// and to the incident. The heading takes the focus so a screen reader hears what opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { Feedback } from '../Feedback.tsx';
import { DETENTION_STATUSES } from '../../../core/records/vocabulary.ts';
import type { DrillDown } from '../../../core/dashboard/dashboard.ts';
import { labelOf, type RegistryEntry } from '../records/client.ts';
import { termLabel } from '../records/fields.tsx';
import { cellLabel } from './labels.ts';
import type { Drill } from './charts.tsx';

const GROUPED: Partial<Record<string, string>> = { people: 'person', held: 'person', released: 'person', sentenced: 'person', fined: 'person', 'incident-sources': 'incident' };

export function DrillList({ drill, filter, entries, onClose }: { drill: Drill; filter: string; entries: RegistryEntry[]; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DrillDown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setPage(1);
    heading.current?.focus();
  }, [drill]);
  useEffect(() => {
    let live = true;
    const value = drill.value !== undefined ? `&value=${encodeURIComponent(drill.value)}` : '';
    api<DrillDown>(`/api/dashboard/acts?${filter}&by=${drill.by}${value}&page=${page}`).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(messageOf(e, 'The records could not be loaded.')),
    );
    return () => {
      live = false;
    };
  }, [drill, filter, page]);
  const per = GROUPED[drill.by];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section class="drill" aria-labelledby="drill-heading">
      <div class="inbox-head">
        <h2 id="drill-heading" tabIndex={-1} ref={heading}>
          {drill.label}
        </h2>
        <button type="button" class="secondary small" onClick={onClose}>
          Close the list
        </button>
      </div>
      <Feedback error={error} />
      {data && (
        <table class="data" data-drill-list={`${data.by}:${data.value ?? ''}`}>
          <caption>
            {data.total === 1 ? 'One' : data.total.toLocaleString('en')} {per ? `${per === 'person' ? (data.total === 1 ? 'person' : 'people') : data.total === 1 ? 'incident' : 'incidents'} (each with their latest act here)` : data.total === 1 ? 'act' : 'acts'}
            {pages > 1 && `, page ${data.page} of ${pages}`}, newest first.
          </caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Act</th>
              <th scope="col">Date</th>
              <th scope="col">Place</th>
              <th scope="col">Incident</th>
              <th scope="col">Detention</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.actId} data-act={r.actCode}>
                <th scope="row">
                  <a href={`#person/${r.personId}`}>{r.personCode}</a>
                </th>
                <td>
                  {r.actCode} <small>{cellLabel('type', r.typeCode, entries)}</small>
                </td>
                <td>{r.dateStart ?? 'not known'}</td>
                <td>{r.placeId ? labelOf(entries, r.placeId) : '—'}</td>
                <td>
                  <a href={`#records/${r.incidentId}`}>{r.incidentCode}</a>
                </td>
                <td>{r.detentionStatus ? termLabel(DETENTION_STATUSES, r.detentionStatus) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && pages > 1 && (
        <nav class="pager" aria-label="Pages of the list">
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <button type="button" class="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
