// The estimate a coordinator sees: every candidate model fitted, each with its profile interval and
// its warnings, ranked by AIC or BIC; the best ranked model gives the estimate.
import { observablePatterns, observedCount, overlap, type CaptureHistories } from './histories.ts';
import { profileInterval, UPPER_SEARCH_FACTOR } from './interval.ts';
import { fitModel, type ModelFit } from './loglinear.ts';
import { enumerateModels, formatModel, type LogLinearModel } from './models.ts';
import { ASSUMPTIONS, overlapWarnings, type EstimateWarning } from './warnings.ts';
import { averageModels, type AveragedEstimate } from './averaging.ts';
import type { Criterion, ModelResult } from './model-result.ts';

export type { Criterion, ModelResult } from './model-result.ts';

export interface MseResult {
  lists: number;
  observed: number;
  select: Criterion;
  /** The chosen model, or null when no model could be fitted. */
  model: string | null;
  estimate: number | null;
  ci95: [number, number | null] | null;
  /** Ranked best first; models that could not be fitted are left out (and named in `unfitted`). */
  models: ModelResult[];
  /** Every fitted model's estimate weighted by its criterion (null when none could be fitted). */
  averaged: AveragedEstimate | null;
  unfitted: string[];
  warnings: EstimateWarning[];
}

/**
 * A fitted coefficient this large means a cell is being pushed to 0 or ∞: the MLE is on the boundary.
 * R's glm says so ("fitted rates numerically 0") only below 1e-15; we say it earlier, as the estimate
 * is already then driven by a parameter the data cannot pin down.
 */
const BOUNDARY_COEFFICIENT = 20;
const BOUNDARY_FITTED = 1e-6;
const LARGE_BIAS = 0.1;
/** How many of the best ranked models get an interval unless asked for more (three lists have eight models). */
export const DEFAULT_INTERVALS = 10;

/** A model's fit and fit warnings, without its interval; null when it cannot be fitted. */
export function fitOnly(histories: CaptureHistories, model: LogLinearModel): { result: ModelResult; fitted: ModelFit } | null {
  const fitted = fitModel(histories, model);
  if (fitted.fit.singular || !Number.isFinite(fitted.estimate)) return null;
  const name = formatModel(model);
  const result = { model: name, estimate: fitted.estimate, standardError: fitted.standardError, ci95: null, deviance: fitted.deviance, df: fitted.df, aic: fitted.aic, bic: fitted.bic, warnings: fitWarnings(histories, fitted, name) };
  return { result, fitted };
}

/** Adds the profile interval, and what it says, to a fitted model's result. */
function withInterval(histories: CaptureHistories, { result, fitted }: { result: ModelResult; fitted: ModelFit }): ModelResult {
  const interval = profileInterval(histories, fitted);
  const warnings = [...result.warnings];
  if (interval.lowAtObserved) warnings.push({ code: 'interval-at-observed', model: result.model });
  if (interval.high === null) warnings.push({ code: 'interval-unbounded', model: result.model, searchedTo: UPPER_SEARCH_FACTOR * fitted.estimate });
  return { ...result, ci95: [interval.low, interval.high], warnings };
}

export function fitWithInterval(histories: CaptureHistories, model: LogLinearModel): (ModelResult & { ci95: [number, number | null] }) | null {
  const fitted = fitOnly(histories, model);
  return fitted ? (withInterval(histories, fitted) as ModelResult & { ci95: [number, number | null] }) : null;
}

function fitWarnings(histories: CaptureHistories, fitted: ModelFit, name: string): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  if (!fitted.fit.converged) warnings.push({ code: 'not-converged', model: name });
  warnings.push(...boundaryWarnings(histories, fitted, name));
  // Rcapture's test: an estimator whose own asymptotic bias exceeds a tenth of it is unstable.
  if (Math.abs(fitted.bias) > LARGE_BIAS * fitted.estimate) warnings.push({ code: 'large-bias', model: name, bias: fitted.bias });
  // As many parameters as cells: the model reproduces the data exactly and nothing checks its fit.
  if (fitted.df === 0) warnings.push({ code: 'no-fit-check', model: name });
  return warnings;
}

/**
 * Two lists that share nobody have an interaction whose MLE is −∞ (its sufficient statistic is 0;
 * Chan, Silverman & Vincent 2019): the estimate is then the limit, well defined, and worth a note, not an
 * alarm. Any other divergence — the unseen cell, a list's own effect, the interaction of lists that do
 * share people, a seen pattern fitted to nothing — is a boundary solution whose estimate cannot be trusted.
 */
function boundaryWarnings(histories: CaptureHistories, fitted: ModelFit, name: string): EstimateWarning[] {
  const { coefficients, fitted: mu } = fitted.fit;
  const { lists, pairs } = fitted.model;
  const apart = pairs.map(([i, j]) => overlap(histories, i, j) === 0);
  const warnings: EstimateWarning[] = pairs.filter((_, p) => apart[p]).map(([i, j]) => ({ code: 'interaction-of-lists-apart', model: name, lists: [i, j] }));
  const diverges = coefficients.some((c, k) => Math.abs(c) > BOUNDARY_COEFFICIENT && !apart[k - 1 - lists]);
  const seenFittedToNothing = observablePatterns(lists).some((pattern, cell) => histories.counts[pattern]! > 0 && mu[cell]! < BOUNDARY_FITTED);
  if (diverges || seenFittedToNothing) warnings.push({ code: 'boundary', model: name });
  return warnings;
}

export interface EstimateOptions {
  select?: Criterion;
  /** Fit only these models (e.g. the one given with --model); by default every model enumerateModels gives. */
  models?: readonly LogLinearModel[];
  /** How many of the best ranked models get a profile interval: a count, or 'all'. Default DEFAULT_INTERVALS. */
  intervals?: number | 'all';
}

export function estimatePopulation(histories: CaptureHistories, options: EstimateOptions = {}): MseResult {
  const select = options.select ?? 'aic';
  const enumerated = options.models ? { models: [...options.models], bounded: false } : enumerateModels(histories.lists);
  const warnings: EstimateWarning[] = [...ASSUMPTIONS, ...overlapWarnings(histories)];
  if (enumerated.bounded) warnings.push({ code: 'models-bounded', fitted: enumerated.models.length });
  const fits: NonNullable<ReturnType<typeof fitOnly>>[] = [];
  const unfitted: string[] = [];
  for (const model of enumerated.models) {
    const fitted = fitOnly(histories, model);
    if (fitted) fits.push(fitted);
    else unfitted.push(formatModel(model));
  }
  fits.sort((a, b) => a.result[select] - b.result[select] || a.result.model.localeCompare(b.result.model));
  const withIntervals = options.intervals === 'all' ? fits.length : (options.intervals ?? DEFAULT_INTERVALS);
  const models = fits.map((fitted, rank) => (rank < withIntervals ? withInterval(histories, fitted) : fitted.result));
  const best = models[0] ?? null;
  return {
    lists: histories.lists,
    observed: observedCount(histories),
    select,
    model: best?.model ?? null,
    estimate: best?.estimate ?? null,
    ci95: best?.ci95 ?? null,
    models,
    averaged: averageModels(models, select, observedCount(histories)),
    unfitted,
    warnings: [...warnings, ...(best?.warnings ?? [])],
  };
}
