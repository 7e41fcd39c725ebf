// What `vigil estimate` prints: one JSON object (--json), or a table a coordinator can read — the
// lists, the documented count, the chosen model's estimate with its interval, every fitted model
// ranked, the two classical estimators when there are two lists, and the warnings in plain English.
import type { CaptureHistories } from '../../core/estimate/histories.ts';
import { listTotal, overlap } from '../../core/estimate/histories.ts';
import type { MseResult } from '../../core/estimate/select.ts';
import { chapman, lincolnPetersen, type TwoListCounts, type TwoListEstimate } from '../../core/estimate/two-lists.ts';
import { warningText } from '../../core/estimate/words.ts';
import { isUnreliable } from '../../core/estimate/warnings.ts';

export interface EstimateReport {
  /** The lists' names from the header; list i + 1 of the model notation is lists[i]. */
  lists: string[];
  histories: CaptureHistories;
  result: MseResult;
}

type Interval = [number, number | null] | null;

/** n1, n2 and the overlap m of the first two lists. */
const twoListCounts = (h: CaptureHistories): TwoListCounts => ({ n1: listTotal(h, 0), n2: listTotal(h, 1), m: overlap(h, 0, 1) });

/** A Lincoln–Petersen estimate without an overlap is infinite: JSON has no infinity, so null. */
const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);
const twoListJson = (e: TwoListEstimate) => ({ estimate: finiteOrNull(e.estimate), standardError: finiteOrNull(e.standardError), ci95: e.ci95 });

export function estimateJson({ lists, histories, result }: EstimateReport): string {
  const counts = twoListCounts(histories);
  return `${JSON.stringify(
    {
      lists,
      observed: result.observed,
      select: result.select,
      model: result.model,
      estimate: result.estimate,
      ci95: result.ci95,
      models: result.models.map(({ model, estimate, standardError, ci95, deviance, df, aic, bic, warnings }) => ({ model, estimate, standardError: finiteOrNull(standardError), ci95, deviance, df, aic, bic, warnings })),
      averaged: result.averaged,
      unfitted: result.unfitted,
      warnings: result.warnings.map((w) => ({ ...w, message: warningText('en', w, lists) })),
      ...(histories.lists === 2 ? { twoLists: { ...counts, lincolnPetersen: twoListJson(lincolnPetersen(counts)), chapman: twoListJson(chapman(counts)) } } : {}),
    },
    null,
    2,
  )}\n`;
}

const people = (value: number) => Math.round(value).toLocaleString('en');
const fixed = (value: number, digits: number) => value.toFixed(digits);
const intervalText = (ci: Interval, digits = 1) => (ci ? `${fixed(ci[0], digits)} – ${ci[1] === null ? 'unbounded' : fixed(ci[1], digits)}` : '');
const roundedInterval = (ci: NonNullable<Interval>) => `${people(ci[0])} – ${ci[1] === null ? 'no upper bound' : people(ci[1])}`;

export function estimateTable({ lists, histories, result }: EstimateReport, intervals: number | 'all'): string {
  const out: string[] = [];
  out.push(`Lists: ${lists.map((name, i) => `${i + 1} = ${name}`).join(', ')}`);
  out.push(`Documented: ${people(result.observed)} people on at least one list`);
  out.push('', ...headline(result));
  if (histories.lists === 2) out.push('', ...twoListLines(twoListCounts(histories)));
  out.push('', ...modelTable(result, intervals));
  if (result.unfitted.length) out.push(`Could not be fitted (singular): ${result.unfitted.join(' ')}`);
  out.push('', 'Read with care:', ...result.warnings.map((w) => `  - ${warningText('en', w, lists)}`));
  return `${out.join('\n')}\n`;
}

function headline(result: MseResult): string[] {
  const { estimate, ci95, model, observed } = result;
  if (estimate === null || model === null) return ['No model could be fitted.'];
  const interval = ci95 ? ` (95 % CI ${roundedInterval(ci95)})` : '';
  const unseen = ci95 ? ` (95 % CI ${people(ci95[0] - observed)} – ${ci95[1] === null ? 'no upper bound' : people(ci95[1] - observed)})` : '';
  // A boundary or unconverged fit still gives a number, often an absurd one: say so before it.
  const unreliable = isUnreliable(result.models[0]!.warnings) ? ' — NOT RELIABLE, see below' : '';
  return [
    `Estimate: ${people(estimate)} people${interval}, model ${model}, the best by ${result.select.toUpperCase()}${unreliable}`,
    `          of whom about ${people(estimate - observed)} are on no list${unseen}`,
    ...averagedLine(result),
  ];
}

/** Every model weighted by its criterion: close contenders widen the interval the best model alone gives. */
function averagedLine({ averaged }: MseResult): string[] {
  if (!averaged) return [];
  const top = averaged.weights.slice(0, 3).map((w) => `${w.model} ${Math.round(w.weight * 100)} %`).join(', ');
  return [`Averaged over the models by ${averaged.criterion.toUpperCase()} weight: ${people(averaged.estimate)} people (95 % CI ${roundedInterval(averaged.ci95)}; heaviest: ${top})`];
}

function twoListLines(counts: TwoListCounts): string[] {
  const line = (name: string, e: TwoListEstimate) =>
    `  ${name.padEnd(17)} ${Number.isFinite(e.estimate) ? fixed(e.estimate, 1) : 'infinite (no one on both lists)'}  95 % CI ${intervalText(e.ci95)} (Wald)`;
  return [
    `Two lists: ${counts.n1} on list 1, ${counts.n2} on list 2, ${counts.m} on both`,
    line('Lincoln–Petersen', lincolnPetersen(counts)),
    line('Chapman', chapman(counts)),
  ];
}

function modelTable(result: MseResult, intervals: number | 'all'): string[] {
  const key = result.select.toUpperCase();
  const shown = intervals === 'all' ? 'every model' : `the ${intervals} best`;
  const rows = result.models.map((m, rank) => [String(rank + 1), m.model, fixed(m.estimate, 1), intervalText(m.ci95), fixed(m.deviance, 3), String(m.df), fixed(m.aic, 3), fixed(m.bic, 3)]);
  return [
    `Models, best ${key} first (profile-likelihood 95 % intervals for ${shown}${intervals === 'all' ? '' : '; --intervals all for every one'}):`,
    ...columns([['rank', 'model', 'estimate', '95 % CI', 'deviance', 'df', 'AIC', 'BIC'], ...rows], [true, false, true, true, true, true, true, true]),
  ];
}

/** Rows as aligned columns, two spaces apart; `right` says which columns align right. */
function columns(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => `  ${row.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()}`);
}

