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
import { IncidentSelect } from '../records/fields.tsx';
import { BarTable, Count, Timeline, type Drill } from './charts.tsx';
import { DrillList } from './DrillList.tsx';
import { PEOPLE, cellLabel } from './labels.ts';
import { dashboardWords } from './words.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';

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
  const t = useWords(dashboardWords);
  const f = useFormats();
  const { language } = useLanguage();

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

  const open = (d: Drill) => setDrill(d);
  /** "All incidents" or "Incident I-0001", and the days chosen. */
  const totalsHeading = (shown: Dashboard['filter']) => {
    const what = shown.incidentCode ? t('incident', { code: shown.incidentCode }) : t('allIncidents');
    if (!shown.from && !shown.to) return what;
    return t('withRange', { what, from: shown.from ? f.day(shown.from) : '…', to: shown.to ? f.day(shown.to) : '…' });
  };
  const label = (by: Drill['by']) => (key: string) => cellLabel(by, key, entries, language);
  return (
    <main class="wide-ish dashboard">
      <PageHeading>{t('title')}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <form
        class="filters"
        aria-label={t('whatToCount')}
        onSubmit={(e) => {
          e.preventDefault();
          setDrill(null);
          setFilter({ ...draft });
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
      <p class="hint">{t('howCounted')}</p>
      <Feedback error={error} />
      {data && (
        <>
          <section aria-labelledby="dash-totals">
            <h2 id="dash-totals">
              {totalsHeading(data.filter)}
            </h2>
            <ul class="tiles">
              <li>
                <span>{t('acts')}</span> <Count drill={{ by: 'all', label: t('allActs'), count: data.acts }} onDrill={open} />
              </li>
              {PEOPLE.map((p) => (
                <li key={p.by}>
                  <span>{t(p.label)}</span> <Count drill={{ by: p.by, label: t(p.label), count: data.people[p.by === 'people' ? 'documented' : p.by] }} onDrill={open} />
                </li>
              ))}
            </ul>
            {data.leftOutByRange > 0 && (
              <p class="hint" data-left-out>
                {t('leftOut', { count: data.leftOutByRange })}
              </p>
            )}
          </section>
          {drill && <DrillList drill={drill} filter={query({ from: data.filter.from ?? '', to: data.filter.to ?? '', incident: data.filter.incident ?? '', bucket: data.filter.bucket })} entries={entries} onClose={() => setDrill(null)} />}
          <section aria-labelledby="dash-time">
            <h2 id="dash-time">{t('actsOverTime')}</h2>
            <Timeline points={data.timeline.points} bucket={data.timeline.bucket} onDrill={open} />
            {data.timeline.imprecise.length > 0 && <BarTable caption={t('actsWithoutDay')} by="period" cells={data.timeline.imprecise} labelOf={label('period')} onDrill={open} />}
          </section>
          <section aria-labelledby="dash-what" class="chart-grid">
            <h2 id="dash-what">{t('whatWhereWho')}</h2>
            <BarTable caption={t('byType')} by="type" cells={data.byType} labelOf={label('type')} onDrill={open} />
            <BarTable caption={t('byPlace')} by="place" cells={data.byPlace} labelOf={label('place')} onDrill={open} />
            <BarTable caption={t('byUnit')} by="unit" cells={data.byUnit} labelOf={label('unit')} onDrill={open} note={t('unitNote')} />
            <BarTable caption={t('byStatus')} by="status" cells={data.byStatus} labelOf={label('status')} onDrill={open} />
          </section>
          <section aria-labelledby="dash-sentences">
            <h2 id="dash-sentences">{t('sentences')}</h2>
            <p data-sentences>
              {data.sentences.decisions === 0
                ? t('noSentence')
                : t('sentenceSummary', { decisions: data.sentences.decisions, min: data.sentences.minDays ?? 0, median: data.sentences.medianDays ?? 0, max: data.sentences.maxDays ?? 0 })}
            </p>
            {data.sentences.decisions > 0 && <BarTable caption={t('byLength')} by="sentence" cells={data.sentences.byLength} labelOf={label('sentence')} onDrill={open} />}
          </section>
          <section aria-labelledby="dash-sources" class="chart-grid">
            <h2 id="dash-sources">{t('sourcesPerFact')}</h2>
            <BarTable caption={t('actsBySources')} by="sources" cells={data.sources.acts} labelOf={label('sources')} onDrill={open} note={t('actSourcesNote')} />
            <BarTable caption={t('incidentsBySources')} by="incident-sources" cells={data.sources.incidents} labelOf={label('incident-sources')} onDrill={open} />
          </section>
        </>
      )}
    </main>
  );
}
