// The dashboard (#dashboard): counts of the records over time, by act type, place, perpetrator
// unit and detention status; people documented, held, released, sentenced; sources per fact. The
// server counts plain columns only (src/server/dashboard); every number opens the records behind it.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../session/api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../ui/Feedback.tsx';
import type { Vault } from '../session/vault.ts';
import type { Dashboard } from '../../../core/dashboard/dashboard.ts';
import { useIncidents, useRegistry } from '../records/client.ts';
import type { Drill } from './charts.tsx';
import { DrillList } from './DrillList.tsx';
import { DashboardFilters, NO_FILTER, query, type Filter } from './DashboardFilters.tsx';
import { Breakdowns, Totals } from './DashboardSections.tsx';
import { dashboardWords } from './words.ts';
import { useWords } from '../i18n/context.tsx';

/** The numbers for a filter, fetched again whenever it changes (a late answer to an older filter is dropped). */
function useDashboard(filter: Filter) {
  const t = useWords(dashboardWords);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    api<Dashboard>(`/api/dashboard?${query(filter)}`).then(
      (d) => live && setData(d),
      (e) => live && (setError(messageOf(e, t('couldNotLoad'))), setData(null)),
    );
    return () => {
      live = false;
    };
  }, [filter]);
  return { data, error };
}

/** The filter the server applied, as the drill-down's query. */
const drillFilter = (shown: Dashboard['filter']) => query({ from: shown.from ?? '', to: shown.to ?? '', incident: shown.incident ?? '', bucket: shown.bucket });

export function DashboardPage({ vault }: { vault: Vault }) {
  const { entries } = useRegistry(vault);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const { data, error } = useDashboard(filter);
  const [drill, setDrill] = useState<Drill | null>(null);
  const { incidents, titles } = useIncidents(vault);
  const t = useWords(dashboardWords);

  function apply(next: Filter) {
    setDrill(null);
    setFilter(next);
  }

  return (
    <main class="wide-ish dashboard">
      <PageHeading>{t('title')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <DashboardFilters incidents={incidents} titles={titles} onApply={apply} />
      <p class="hint">{t('howCounted')}</p>
      <Feedback error={error} />
      {data && (
        <>
          <Totals data={data} open={setDrill} />
          {drill && <DrillList drill={drill} filter={drillFilter(data.filter)} entries={entries} onClose={() => setDrill(null)} />}
          <Breakdowns data={data} entries={entries} open={setDrill} />
        </>
      )}
    </main>
  );
}
