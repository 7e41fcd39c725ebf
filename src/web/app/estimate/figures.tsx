// The estimate's figures in the chosen language: who was documented, the capture histories, the
// estimate with its interval and method, the models ranked, a chart of the best models' estimates
// and intervals, and what to keep in mind. Every number here is computed, none typed.
import { useState } from 'preact/hooks';
import type { Computed } from './compute.ts';
import { listName } from './for-report.ts';
import { estimateLabels, formatDecimal, formatNumber, roundedFigures, warningText } from '../../../core/estimate/words.ts';
import { seenBy } from '../../../core/estimate/histories.ts';
import type { ModelResult } from '../../../core/estimate/select.ts';
import type { Language } from '../../../core/i18n/languages.ts';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { estimateWords } from './words.ts';

type Labels = ReturnType<typeof estimateLabels>;

/** "780" and "610–1,050" (or "610 – no upper end", or "not computed"), rounded as the report rounds them. */
export function figuresOf(language: Language, m: Pick<ModelResult, 'estimate' | 'ci95'>): { estimate: string; interval: string } {
  const L = estimateLabels(language);
  const num = (n: number) => formatNumber(language, n);
  if (!m.ci95) return { estimate: num(Math.round(m.estimate)), interval: L.notComputed };
  const r = roundedFigures(m.estimate, m.ci95);
  return { estimate: num(r.estimate), interval: r.ci95[1] === null ? `${num(r.ci95[0])} – ${L.unbounded}` : `${num(r.ci95[0])}–${num(r.ci95[1])}` };
}

export function EstimateFigures({ computed, language, stratum }: { computed: Computed; language: Language; stratum: string }) {
  const L = estimateLabels(language);
  const names = computed.lists.map((l) => listName(l, language));
  const { view, result } = computed;
  const num = (n: number) => formatNumber(language, n);
  const best = result?.models[0];
  return (
    <div lang={language} class="estimate-figures">
      <section aria-labelledby="estimate-documented">
        <h2 id="estimate-documented">{L.documented}</h2>
        <p class="hint">{stratum}</p>
        <ul class="tiles">
          <li>
            <span>{L.documented}</span> <strong data-documented>{num(view.documented)}</strong>
          </li>
          <li>
            <span>{L.observed}</span> <strong data-observed>{num(view.documented - view.onNoList)}</strong>
          </li>
          <li>
            <span>{L.onNoList}</span> <strong data-on-no-list>{num(view.onNoList)}</strong>
          </li>
          {view.groups > 0 && (
            <li>
              <span>{L.groups}</span> <strong data-groups>{num(view.groups)}</strong>
            </li>
          )}
        </ul>
        {view.onNoList > 0 && <p>{L.onNoListNote(num(view.onNoList))}</p>}
      </section>
      <HistoriesTable counts={view.counts} names={names} labels={L} language={language} />
      {best && result && (
        <>
          <section aria-labelledby="estimate-result">
            <h2 id="estimate-result">{L.estimate}</h2>
            <p class="estimate-result" data-estimate>
              <strong>{figuresOf(language, best).estimate}</strong> ({L.interval}: <span data-interval>{figuresOf(language, best).interval}</span>); {L.method(best.model, result.select.toUpperCase())}.
            </p>
            {result.averaged && <p data-averaged>{L.averaged(figuresOf(language, result.averaged).estimate, figuresOf(language, result.averaged).interval, result.select.toUpperCase())}</p>}
            {best.estimate < view.documented && <p>{L.belowDocumented}</p>}
          </section>
          <EstimateChart models={result.models.filter((m) => m.ci95).slice(0, 10)} documented={view.documented} labels={L} language={language} />
          <ModelTable models={result.models} criterion={result.select} labels={L} language={language} />
        </>
      )}
      {result && (
        <section aria-labelledby="estimate-warnings">
          <h2 id="estimate-warnings">{L.warnings}</h2>
          <ul data-warnings>
            {[...new Set(result.warnings.map((w) => warningText(language, w, names)))].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One row per pattern seen (patterns nobody has are left out), a ✓ under each list that saw them. */
function HistoriesTable({ counts, names, labels: L, language }: { counts: number[]; names: string[]; labels: Labels; language: Language }) {
  const rows = counts.map((count, pattern) => ({ pattern, count })).filter((r) => r.count > 0);
  return (
    <table class="data histories" data-histories>
      <caption>{L.histories}</caption>
      <thead>
        <tr>
          {names.map((name, i) => (
            <th scope="col" key={i}>
              {L.list(i + 1)}: {name}
            </th>
          ))}
          <th scope="col">{L.count}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ pattern, count }) => (
          <tr key={pattern} data-pattern={pattern}>
            {names.map((_, i) => (
              <td key={i}>
                {seenBy(pattern, i) ? (
                  <>
                    <span aria-hidden="true">✓</span>
                    <span class="visually-hidden">{L.seen}</span>
                  </>
                ) : (
                  ''
                )}
              </td>
            ))}
            <td data-count>{formatNumber(language, count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN_MODELS = 20;

function ModelTable({ models, criterion, labels: L, language }: { models: ModelResult[]; criterion: 'aic' | 'bic'; labels: Labels; language: Language }) {
  const [all, setAll] = useState(false);
  // The table is in the figures' language; the button is the workspace's own.
  const t = useWords(estimateWords);
  const { language: ui } = useLanguage();
  const shown = all ? models : models.slice(0, SHOWN_MODELS);
  const dec = (n: number) => formatDecimal(language, n);
  return (
    <section aria-labelledby="estimate-models">
      <h2 id="estimate-models">{L.models(criterion.toUpperCase())}</h2>
      <table class="data" data-models>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{L.model}</th>
            <th scope="col">{L.estimate}</th>
            <th scope="col">{L.interval}</th>
            <th scope="col">{L.deviance}</th>
            <th scope="col">{L.df}</th>
            <th scope="col">{t('aic')}</th>
            <th scope="col">{t('bic')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m, rank) => {
            const f = figuresOf(language, m);
            return (
              <tr key={m.model} data-model={m.model}>
                <td>{rank + 1}</td>
                <th scope="row">{m.model}</th>
                <td>{f.estimate}</td>
                <td>{f.interval}</td>
                <td>{dec(m.deviance)}</td>
                <td>{m.df}</td>
                <td>{dec(m.aic)}</td>
                <td>{dec(m.bic)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {models.length > SHOWN_MODELS && !all && (
        <button type="button" class="secondary" onClick={() => setAll(true)} lang={ui}>
          {t('showAll', { count: formatNumber(ui, models.length) })}
        </button>
      )}
    </section>
  );
}

const W = 640;
const ROW = 26;
const LEFT = 150;
const RIGHT = 20;

/** Each model a row: its estimate a dot, its interval a bar (an arrow where it has no upper end); the documented count a dashed line. */
function EstimateChart({ models, documented, labels: L, language }: { models: ModelResult[]; documented: number; labels: Labels; language: Language }) {
  if (models.length === 0) return null;
  const highs = models.map((m) => m.ci95![1] ?? m.estimate * 1.5);
  const max = Math.max(documented, ...highs, ...models.map((m) => m.estimate)) * 1.05 || 1;
  const x = (n: number) => LEFT + (Math.min(n, max) / max) * (W - LEFT - RIGHT);
  const height = models.length * ROW + 34;
  const num = (n: number) => formatNumber(language, n);
  const description = models.map((m) => `${m.model}: ${figuresOf(language, m).estimate} (${figuresOf(language, m).interval})`).join('; ');
  return (
    <figure class="estimate-chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="estimate-chart-title estimate-chart-desc">
        <title id="estimate-chart-title">{L.chart}</title>
        <desc id="estimate-chart-desc">{`${L.documented}: ${num(documented)}. ${description}.`}</desc>
        {models.map((m, i) => {
          const y = i * ROW + 14;
          const [low, high] = m.ci95!;
          return (
            <g key={m.model}>
              <text x={LEFT - 8} y={y + 4} text-anchor="end" class="tick">
                {m.model}
              </text>
              <line x1={x(low)} x2={high === null ? W - RIGHT : x(high)} y1={y} y2={y} class="interval" />
              {high === null && <path d={`M${W - RIGHT} ${y} l-8 -5 v10 z`} class="open-end" />}
              <circle cx={x(m.estimate)} cy={y} r="4" class="point" />
            </g>
          );
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={height - 24} y2={height - 24} class="axis" />
        <text x={LEFT} y={height - 6} text-anchor="start" class="tick">
          0
        </text>
        <text x={W - RIGHT} y={height - 6} text-anchor="end" class="tick">
          {num(Math.round(max))}
        </text>
        <line x1={x(documented)} x2={x(documented)} y1="0" y2={height - 24} class="documented" />
        <text x={x(documented)} y={height - 6} text-anchor="middle" class="tick">
          {`${L.documented}: ${num(documented)}`}
        </text>
      </svg>
      <figcaption>{L.chart}</figcaption>
    </figure>
  );
}
