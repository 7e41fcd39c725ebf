// The dashboard's numbers once loaded: the totals as tiles, then acts over time, by what, where and
// who, the sentences, and the sources per fact. Every number opens the records behind it.
import type { Dashboard } from '../../../core/dashboard/dashboard.ts';
import type { RegistryEntry } from '../records/client.ts';
import { useFormats, useLanguage, useWords } from '../i18n/context.tsx';
import { BarTable, Count, Timeline, type Drill } from './charts.tsx';
import { PEOPLE, cellLabel } from './labels.ts';
import { dashboardWords } from './words.ts';

type Open = (drill: Drill) => void;

/** "All incidents" or "Incident I-0001", and the days chosen. */
function useTotalsHeading(shown: Dashboard['filter']): string {
  const t = useWords(dashboardWords);
  const f = useFormats();
  const what = shown.incidentCode ? t('incident', { code: shown.incidentCode }) : t('allIncidents');
  if (!shown.from && !shown.to) return what;
  return t('withRange', { what, from: shown.from ? f.day(shown.from) : '…', to: shown.to ? f.day(shown.to) : '…' });
}

export function Totals({ data, open }: { data: Dashboard; open: Open }) {
  const t = useWords(dashboardWords);
  const heading = useTotalsHeading(data.filter);
  return (
    <section aria-labelledby="dash-totals">
      <h2 id="dash-totals">{heading}</h2>
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
  );
}

export function Breakdowns({ data, entries, open }: { data: Dashboard; entries: RegistryEntry[]; open: Open }) {
  const t = useWords(dashboardWords);
  const { language } = useLanguage();
  const label = (by: Drill['by']) => (key: string) => cellLabel(by, key, entries, language);
  const { sentences } = data;
  return (
    <>
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
          {sentences.decisions === 0 ? t('noSentence') : t('sentenceSummary', { decisions: sentences.decisions, min: sentences.minDays ?? 0, median: sentences.medianDays ?? 0, max: sentences.maxDays ?? 0 })}
        </p>
        {sentences.decisions > 0 && <BarTable caption={t('byLength')} by="sentence" cells={sentences.byLength} labelOf={label('sentence')} onDrill={open} />}
      </section>
      <section aria-labelledby="dash-sources" class="chart-grid">
        <h2 id="dash-sources">{t('sourcesPerFact')}</h2>
        <BarTable caption={t('actsBySources')} by="sources" cells={data.sources.acts} labelOf={label('sources')} onDrill={open} note={t('actSourcesNote')} />
        <BarTable caption={t('incidentsBySources')} by="incident-sources" cells={data.sources.incidents} labelOf={label('incident-sources')} onDrill={open} />
      </section>
    </>
  );
}
