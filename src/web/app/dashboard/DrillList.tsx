// The records behind one number of the dashboard, a page at a time: each row links to the person
// and to the incident. The heading takes the focus so a screen reader hears what opened.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { Feedback } from '../ui/Feedback.tsx';
import type { DrillDown } from '../../../core/dashboard/dashboard.ts';
import type { RegistryEntry } from '../records/client.ts';
import { dashboardWords } from './words.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import type { Drill } from './charts.tsx';
import { DrillTable } from './DrillTable.tsx';

/** One page of the records behind a number; back to the first page when another number opens. */
function useDrillPage(drill: Drill, filter: string) {
  const t = useWords(dashboardWords);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DrillDown | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setPage(1), [drill]);
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
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return { page, setPage, pages, data, error };
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useWords(dashboardWords);
  return (
    <nav class="pager" aria-label={t('pages')}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('newer')}
      </button>
      <button type="button" class="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('older')}
      </button>
    </nav>
  );
}

export function DrillList({ drill, filter, entries, onClose }: { drill: Drill; filter: string; entries: RegistryEntry[]; onClose: () => void }) {
  const t = useWords(dashboardWords);
  const f = useFormats();
  const heading = useRef<HTMLHeadingElement>(null);
  const { page, setPage, pages, data, error } = useDrillPage(drill, filter);
  useEffect(() => heading.current?.focus(), [drill]);
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
      {data && <DrillTable by={drill.by} data={data} entries={entries} paged={pages > 1 ? { page: f.number(data.page), pages: f.number(pages) } : null} />}
      {data && pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
    </section>
  );
}
