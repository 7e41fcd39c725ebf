// The dashboard's charts, drawn as inline SVG by Preact (no chart library, nothing fetched). A
// table of categories carries its own bars, so the table is the chart and its text equivalent; the
// timeline is a column chart with a table beside it. Every number is a button that lists the
// records behind it.
import type { Cell, DrillBy } from '../../../core/dashboard/dashboard.ts';

export interface Drill {
  by: DrillBy;
  value?: string;
  label: string;
  count: number;
}

/** A number that opens the records behind it; zero has nothing to list. */
export function Count({ drill, onDrill }: { drill: Drill; onDrill: (drill: Drill) => void }) {
  if (drill.count === 0) return <span>0</span>;
  return (
    <button type="button" class="link" data-drill={`${drill.by}:${drill.value ?? ''}`} aria-label={`${drill.count} — ${drill.label}: list the records`} onClick={() => onDrill(drill)}>
      {drill.count.toLocaleString('en')}
    </button>
  );
}

const BAR_WIDTH = 160;

/** Categories with a bar each: label, bar, number. */
export function BarTable({ caption, by, cells, labelOf, onDrill, note }: { caption: string; by: DrillBy; cells: Cell[]; labelOf: (key: string) => string; onDrill: (drill: Drill) => void; note?: string }) {
  const max = Math.max(1, ...cells.map((c) => c.count));
  return (
    <table class="data chart" data-chart={by}>
      <caption>
        {caption}
        {note && <small class="hint"> {note}</small>}
      </caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col" aria-hidden="true"></th>
          <th scope="col">Number</th>
        </tr>
      </thead>
      <tbody>
        {cells.length === 0 && (
          <tr>
            <td colSpan={3}>Nothing recorded.</td>
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
                <Count drill={{ by, value: c.key, label: `${caption}: ${label}`, count: c.count }} onDrill={onDrill} />
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
  if (points.length === 0) return <p>No acts dated to the day in this selection.</p>;
  const max = Math.max(1, ...points.map((p) => p.count));
  const step = W / points.length;
  const busiest = points.reduce((a, b) => (b.count > a.count ? b : a));
  const unit = bucket === 'day' ? 'day' : 'week';
  const summary = `Acts per ${unit} from ${points[0]!.key} to ${points.at(-1)!.key}; the most, ${busiest.count}, in ${busiest.key}.`;
  const shown = points.filter((p) => p.count > 0);
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label={summary} class="column-chart" preserveAspectRatio="none">
        <line x1="0" y1={H} x2={W} y2={H} class="axis" />
        {points.map((p, i) => {
          const h = (p.count / max) * (H - 10);
          return (
            <rect key={p.key} x={i * step + step * 0.1} width={Math.max(0.5, step * 0.8)} y={H - h} height={h}>
              <title>{`${p.key}: ${p.count}`}</title>
            </rect>
          );
        })}
        <text x="0" y={H + 16} class="tick">
          {points[0]!.key}
        </text>
        <text x={W} y={H + 16} text-anchor="end" class="tick">
          {points.at(-1)!.key}
        </text>
        <text x="2" y="10" class="tick">
          {max}
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
      <details>
        <summary>Acts per {unit} as a table</summary>
        <table class="data" data-chart="period">
          <caption>
            {unit === 'day' ? 'Days' : 'Weeks'} with acts ({shown.length} of {points.length}; the others had none).
          </caption>
          <thead>
            <tr>
              <th scope="col">{unit === 'day' ? 'Day' : 'ISO week'}</th>
              <th scope="col">Acts</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.key}</th>
                <td>
                  <Count drill={{ by: 'period', value: p.key, label: `Acts in ${p.key}`, count: p.count }} onDrill={onDrill} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
