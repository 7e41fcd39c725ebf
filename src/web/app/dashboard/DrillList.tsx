// The records behind one number of the dashboard, a page at a time: each row links to the person
// and to the incident. The heading takes the focus so a screen reader hears what opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import { DETENTION_STATUSES } from '../../../core/records/vocabulary.ts';
import type { DrillDown } from '../../../core/dashboard/dashboard.ts';
import type { RegistryEntry } from '../records/client.ts';
import { termLabel } from '../records/fields.tsx';
import { cellLabel, entryLabel } from './labels.ts';
import { dashboardWords } from './words.ts';
import { commonWords } from '../i18n/common-words.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import type { Drill } from './charts.tsx';

const GROUPED: Partial<Record<string, 'drillPeople' | 'drillIncidents'>> = { people: 'drillPeople', held: 'drillPeople', released: 'drillPeople', sentenced: 'drillPeople', fined: 'drillPeople', 'incident-sources': 'drillIncidents' };

export function DrillList({ drill, filter, entries, onClose }: { drill: Drill; filter: string; entries: RegistryEntry[]; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DrillDown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useWords(dashboardWords);
  const common = useWords(commonWords);
  const f = useFormats();
  const { language } = useLanguage();
  const placeOf = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    return entry ? entryLabel(entry, language) : t('unknownPlace');
  };
  useEffect(() => {
    setPage(1);
    heading.current?.focus();
  }, [drill]);
  useEffect(() => {
    let live = true;
    const value = drill.value !== undefined ? `&value=${encodeURIComponent(drill.value)}` : '';
    api<DrillDown>(`/api/dashboard/acts?${filter}&by=${drill.by}${value}&page=${page}`).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(messageOf(e, t('couldNotLoadRecords'))),
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
          {t('closeList')}
        </button>
      </div>
      <Feedback error={error} />
      {data && (
        <table class="data" data-drill-list={`${data.by}:${data.value ?? ''}`}>
          <caption>
            {pages > 1
              ? t('drillCaptionPaged', { list: t(per ?? 'drillActs', { count: data.total }), page: f.number(data.page), pages: f.number(pages) })
              : t('drillCaption', { list: t(per ?? 'drillActs', { count: data.total }) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('person')}</th>
              <th scope="col">{t('act')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('incidentColumn')}</th>
              <th scope="col">{t('detention')}</th>
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
      )}
      {data && pages > 1 && (
        <nav class="pager" aria-label={t('pages')}>
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('newer')}
          </button>
          <button type="button" class="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('older')}
          </button>
        </nav>
      )}
    </section>
  );
}
