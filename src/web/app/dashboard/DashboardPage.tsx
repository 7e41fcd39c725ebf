// The dashboard (#dashboard): counts of the records over time, by act type, place, perpetrator
// unit and detention status; people documented, held, released, sentenced; sources per fact. The
// server counts plain columns only (src/server/dashboard); every number opens the records behind it.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import { PageHeading } from '../PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';
import { Feedback } from '../Feedback.tsx';
import type { Vault } from '../vault.ts';
import type { Dashboard } from '../../../core/dashboard/dashboard.ts';
import { useIncidents, useRegistry } from '../records/client.ts';
import { IncidentSelect } from '../records/fields.tsx';
import { BarTable, Count, Timeline, type Drill } from './charts.tsx';
import { DrillList } from './DrillList.tsx';
import { PEOPLE, cellLabel } from './labels.ts';

interface Filter {
  from: string;
  to: string;
  incident: string;
  bucket: 'day' | 'week';
}

const query = (f: Filter) => new URLSearchParams(Object.entries(f).filter(([, v]) => v !== '')).toString();

export function DashboardPage({ vault }: { vault: Vault }) {
  const { entries } = useRegistry(vault);
  const [draft, setDraft] = useState<Filter>({ from: '', to: '', incident: '', bucket: 'day' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const { incidents, titles } = useIncidents(vault);

  useEffect(() => {
    let live = true;
    setError(null);
    api<Dashboard>(`/api/dashboard?${query(filter)}`).then(
      (d) => live && setData(d),
      (e) => live && (setError(messageOf(e, 'The dashboard could not be loaded.')), setData(null)),
    );
    return () => {
      live = false;
    };
  }, [filter]);

  const open = (d: Drill) => setDrill(d);
  const label = (by: Drill['by']) => (key: string) => cellLabel(by, key, entries);
  return (
    <main class="wide-ish dashboard">
      <PageHeading>Dashboard</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <form
        class="filters"
        aria-label="What to count"
        onSubmit={(e) => {
          e.preventDefault();
          setDrill(null);
          setFilter({ ...draft });
        }}
      >
        <div>
          <label for="dash-from">From</label>
          <input id="dash-from" type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </div>
        <div>
          <label for="dash-to">To</label>
          <input id="dash-to" type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </div>
        <div>
          <IncidentSelect id="dash-incident" incidents={incidents} titles={titles} value={draft.incident} onChange={(incident) => setDraft({ ...draft, incident })} />
        </div>
        <div>
          <label for="dash-bucket">Over time, per</label>
          <select id="dash-bucket" value={draft.bucket} onChange={(e) => setDraft({ ...draft, bucket: e.currentTarget.value as Filter['bucket'] })}>
            <option value="day">day</option>
            <option value="week">week (ISO)</option>
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <p class="hint">
        Counted from the records' plain fields. A date range keeps acts dated to the day within it; acts known only to the month or year, or undated, are counted only without a range. Every
        number lists the records behind it.
      </p>
      <Feedback error={error} />
      {data && (
        <>
          <section aria-labelledby="dash-totals">
            <h2 id="dash-totals">
              {data.filter.incidentCode ? `Incident ${data.filter.incidentCode}` : 'All incidents'}
              {data.filter.from || data.filter.to ? `, ${data.filter.from ?? '…'} to ${data.filter.to ?? '…'}` : ''}
            </h2>
            <ul class="tiles">
              <li>
                <span>Acts</span> <Count drill={{ by: 'all', label: 'All acts', count: data.acts }} onDrill={open} />
              </li>
              {PEOPLE.map((p) => (
                <li key={p.by}>
                  <span>{p.label}</span> <Count drill={{ by: p.by, label: p.label, count: data.people[p.by === 'people' ? 'documented' : p.by] }} onDrill={open} />
                </li>
              ))}
            </ul>
            {data.leftOutByRange > 0 && (
              <p class="hint" data-left-out>
                {data.leftOutByRange.toLocaleString('en')} more {data.leftOutByRange === 1 ? 'act is' : 'acts are'} dated only to the month or year, or undated, and cannot be placed in this range.
              </p>
            )}
          </section>
          {drill && <DrillList drill={drill} filter={query({ from: data.filter.from ?? '', to: data.filter.to ?? '', incident: data.filter.incident ?? '', bucket: data.filter.bucket })} entries={entries} onClose={() => setDrill(null)} />}
          <section aria-labelledby="dash-time">
            <h2 id="dash-time">Acts over time</h2>
            <Timeline points={data.timeline.points} bucket={data.timeline.bucket} onDrill={open} />
            {data.timeline.imprecise.length > 0 && <BarTable caption="Acts without a day" by="period" cells={data.timeline.imprecise} labelOf={label('period')} onDrill={open} />}
          </section>
          <section aria-labelledby="dash-what" class="chart-grid">
            <h2 id="dash-what">What, where, by whom</h2>
            <BarTable caption="Acts by type" by="type" cells={data.byType} labelOf={label('type')} onDrill={open} />
            <BarTable caption="Acts by place" by="place" cells={data.byPlace} labelOf={label('place')} onDrill={open} />
            <BarTable caption="Acts by perpetrator unit" by="unit" cells={data.byUnit} labelOf={label('unit')} onDrill={open} note="An act with two units counts under each." />
            <BarTable caption="Acts by detention status" by="status" cells={data.byStatus} labelOf={label('status')} onDrill={open} />
          </section>
          <section aria-labelledby="dash-sentences">
            <h2 id="dash-sentences">Sentences</h2>
            <p data-sentences>
              {data.sentences.decisions === 0
                ? 'No sentence of detention recorded.'
                : `${data.sentences.decisions} ${data.sentences.decisions === 1 ? 'decision' : 'decisions'} of detention: shortest ${data.sentences.minDays} days, median ${data.sentences.medianDays} days, longest ${data.sentences.maxDays} days.`}
            </p>
            {data.sentences.decisions > 0 && <BarTable caption="Detention decisions by length" by="sentence" cells={data.sentences.byLength} labelOf={label('sentence')} onDrill={open} />}
          </section>
          <section aria-labelledby="dash-sources" class="chart-grid">
            <h2 id="dash-sources">Sources per fact</h2>
            <BarTable caption="Acts by number of sources" by="sources" cells={data.sources.acts} labelOf={label('sources')} onDrill={open} />
            <BarTable caption="Incidents by number of sources" by="incident-sources" cells={data.sources.incidents} labelOf={label('incident-sources')} onDrill={open} />
          </section>
        </>
      )}
    </main>
  );
}
