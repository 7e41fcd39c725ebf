// The dashboard's charts, drawn as inline SVG by Preact (no chart library, nothing fetched). A
// table of categories carries its own bars, so the table is the chart and its text equivalent; the
// timeline is a column chart with a table beside it. Every number is a button that lists the
// records behind it.
import type { Cell, DrillBy } from '../../../core/dashboard/dashboard.ts';
import { useFormats, useWords } from '../i18n/context.tsx';
import { dashboardWords } from './words.ts';

export interface Drill {
  by: DrillBy;
  value?: string;
  label: string;
  count: number;
}

/** A number that opens the records behind it; zero has nothing to list. */
export function Count({ drill, onDrill }: { drill: Drill; onDrill: (drill: Drill) => void }) {
  const t = useWords(dashboardWords);
  const f = useFormats();
  if (drill.count === 0) return <span>{f.number(0)}</span>;
  return (
    <button type="button" class="link" data-drill={`${drill.by}:${drill.value ?? ''}`} aria-label={t('listRecords', { count: f.number(drill.count), label: drill.label })} onClick={() => onDrill(drill)}>
      {f.number(drill.count)}
    </button>
  );
}

const BAR_WIDTH = 160;

/** Categories with a bar each: label, bar, number. */
export function BarTable({ caption, by, cells, labelOf, onDrill, note }: { caption: string; by: DrillBy; cells: Cell[]; labelOf: (key: string) => string; onDrill: (drill: Drill) => void; note?: string }) {
  const t = useWords(dashboardWords);
  const max = Math.max(1, ...cells.map((c) => c.count));
  return (
    <table class="data chart" data-chart={by}>
      <caption>
        {caption}
        {note && <small class="hint"> {note}</small>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('what')}</th>
          <th scope="col" aria-hidden="true"></th>
          <th scope="col">{t('number')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.length === 0 && (
          <tr>
            <td colSpan={3}>{t('nothingRecorded')}</td>
          </tr>
        )}
        {cells.map((c) => {
          const label = labelOf(c.key);
          return (
            <tr key={c.key}>
              <th scope="row">{label}</th>
              <td aria-hidden="true">
                <svg width={BAR_WIDTH} height="14" class="bar-chart">
                  <rect x="0" y="1" height="12" width={Math.max(c.count ? 2 : 0, (c.count / max) * BAR_WIDTH)} />
                </svg>
              </td>
              <td>
                <Count drill={{ by, value: c.key, label: t('captionLabel', { caption, label }), count: c.count }} onDrill={onDrill} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const W = 720;
const H = 160;

/** Acts per day or week: columns for the eye, and the same numbers as a table. */
export function Timeline({ points, bucket, onDrill }: { points: Cell[]; bucket: 'day' | 'week'; onDrill: (drill: Drill) => void }) {
  const t = useWords(dashboardWords);
  const f = useFormats();
  if (points.length === 0) return <p>{t('noDatedActs')}</p>;
  const max = Math.max(1, ...points.map((p) => p.count));
  const step = W / points.length;
  const busiest = points.reduce((a, b) => (b.count > a.count ? b : a));
  const unit = bucket;
  // A day in the member's way of writing it; an ISO week ("2026-W45") as it is.
  const period = (key: string) => (bucket === 'day' ? f.day(key) : key);
  const summary = t('timelineSummary', { unit, first: period(points[0]!.key), last: period(points.at(-1)!.key), most: f.number(busiest.count), busiest: period(busiest.key) });
  const shown = points.filter((p) => p.count > 0);
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label={summary} class="column-chart" preserveAspectRatio="none">
        <line x1="0" y1={H} x2={W} y2={H} class="axis" />
        {points.map((p, i) => {
          const h = (p.count / max) * (H - 10);
          return (
            <rect key={p.key} x={i * step + step * 0.1} width={Math.max(0.5, step * 0.8)} y={H - h} height={h}>
              <title>{`${period(p.key)}: ${f.number(p.count)}`}</title>
            </rect>
          );
        })}
        <text x="0" y={H + 16} class="tick">
          {period(points[0]!.key)}
        </text>
        <text x={W} y={H + 16} text-anchor="end" class="tick">
          {period(points.at(-1)!.key)}
        </text>
        <text x="2" y="10" class="tick">
          {f.number(max)}
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>{t('asTable', { unit })}</summary>
        <table class="data" data-chart="period">
          <caption>
            {t('periodsWithActs', { unit, shown: f.number(shown.length), all: f.number(points.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{unit === 'day' ? t('dayColumn') : t('weekColumn')}</th>
              <th scope="col">{t('acts')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.key}>
                <th scope="row">{period(p.key)}</th>
                <td>
                  <Count drill={{ by: 'period', value: p.key, label: t('actsIn', { period: period(p.key) }), count: p.count }} onDrill={onDrill} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
