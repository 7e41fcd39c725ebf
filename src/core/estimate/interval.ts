// Profile-likelihood 95 % interval for N, computed as Rcapture's closedpCI.t does (Cormack 1992,
// "Interval estimation for mark-recapture studies of closed populations", Biometrics 48, 567–576):
// for a candidate N the unseen cell is given the count N − n, the Poisson model is refitted on all 2^K
// cells (the unseen cell's row is the intercept alone), and the multinomial log-likelihood is the Poisson
// one plus Cormack's correction term; the bounds are where it falls χ²₁(0.95)/2 ≈ 1.92 below its maximum.
// As in Rcapture the maximum is sought on [n, 1.5 N̂], the lower bound on [n, N_max] (n when the
// likelihood never falls that far: the interval reaches the observed count) and the upper on [N_max, 3 N̂]
// (unbounded when it does not fall that far: Rcapture prints "> 3N̂").
import { designMatrix, fitPoisson, type ModelFit } from './loglinear.ts';
import { observablePatterns } from './histories.ts';
import type { CaptureHistories } from './histories.ts';
import { logGamma, maximise, root, xLogX } from './numeric.ts';

/** χ²₁ 0.95 quantile / 2. */
const HALF_CHI2_95 = 3.841458820694124 / 2;
/** Rcapture's fmaxSupCL: the upper bound is sought up to this multiple of N̂. */
export const UPPER_SEARCH_FACTOR = 3;

export interface ProfileInterval {
  /** The multinomial maximum-likelihood N (Rcapture's CI "abundance"), a little below the Poisson N̂. */
  multinomialEstimate: number;
  low: number;
  /** null when the likelihood has not fallen 1.92 by UPPER_SEARCH_FACTOR × N̂: the interval is unbounded. */
  high: number | null;
  lowAtObserved: boolean;
}

/**
 * Cormack's correction, log(n0^n0 · N! / (N^N · n0!)), by log-gamma for every N. Rcapture switches to
 * Stirling's formula above N = 100 only because R's factorial overflows; the two agree within
 * 1/(12 n0), but Stirling's form of n0! runs to +∞ as n0 → 0 and would put a spurious maximum at N = n
 * whenever the unseen cell is below one person.
 */
export function cormackCorrection(n0: number, total: number): number {
  return xLogX(n0) + logGamma(total + 1) - total * Math.log(total) - logGamma(n0 + 1);
}

export function profileInterval(histories: CaptureHistories, fitted: ModelFit): ProfileInterval {
  const n = fitted.observed;
  const y = observablePatterns(histories.lists).map((pattern) => histories.counts[pattern]!);
  const design = designMatrix(fitted.model);
  const augmented = [...design, design[0]!.map((_, k) => (k === 0 ? 1 : 0))];
  let start: number[] = fitted.fit.coefficients;
  const logLikelihood = (total: number) => {
    const n0 = total - n;
    // Warm start (neighbouring N have neighbouring fits), from R's cold start when that goes astray.
    let fit = fitPoisson(augmented, [...y, n0], start);
    if (!fit.converged) fit = fitPoisson(augmented, [...y, n0]);
    if (fit.converged && fit.coefficients.every(Number.isFinite)) start = fit.coefficients;
    return (fit.deviance - 2 * cormackCorrection(n0, total)) / -2;
  };
  const top = maximise(logLikelihood, n, 1.5 * fitted.estimate);
  const threshold = top.value - HALF_CHI2_95;
  const below = (total: number) => logLikelihood(total) - threshold;
  const low = root(below, n, top.x);
  const high = root(below, top.x, UPPER_SEARCH_FACTOR * fitted.estimate);
  return { multinomialEstimate: top.x, low: low ?? n, high, lowAtObserved: low === null };
}
