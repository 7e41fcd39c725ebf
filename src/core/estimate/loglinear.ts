// Poisson log-linear models on the 2^K − 1 observable cells, fitted by iteratively reweighted least squares
// (Newton's method for the canonical log link) exactly as R's glm does for Rcapture: the same start
// (μ = y + 0.1), the same convergence test on the deviance, the same 25-iteration limit. Columns are 0/1
// indicators, so exp(intercept) is the expected count of the unseen cell (pattern 0).
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { observablePatterns, seenBy, type CaptureHistories } from './histories.ts';
import type { LogLinearModel } from './models.ts';
import { logGamma, xLogX } from './numeric.ts';

export type Design = number[][];

/** One row per observable pattern: intercept, the K list indicators, then one product per pair. */
export function designMatrix(model: LogLinearModel): Design {
  return observablePatterns(model.lists).map((pattern) => [
    1,
    ...Array.from({ length: model.lists }, (_, list) => seenBy(pattern, list)),
    ...model.pairs.map(([i, j]) => seenBy(pattern, i) * seenBy(pattern, j)),
  ]);
}

export interface PoissonFit {
  coefficients: number[];
  fitted: number[];
  deviance: number;
  /** Poisson log-likelihood Σ y log μ − μ − log y! (R's logLik for family = poisson). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** X'WX was not positive definite: a column is redundant or a fitted count collapsed to zero. */
  singular: boolean;
}

const MAX_ITERATIONS = 25;
const EPSILON = 1e-8;

export function poissonDeviance(y: readonly number[], mu: readonly number[]) {
  // A zero count contributes 2μ (its y log y/μ term is 0), even when μ has underflowed to 0.
  return 2 * y.reduce((sum, yi, i) => sum + (yi > 0 ? xLogX(yi) - yi * Math.log(mu[i]!) : 0) - (yi - mu[i]!), 0);
}

export function fitPoisson(design: Design, y: readonly number[], start?: readonly number[]): PoissonFit {
  const p = design[0]!.length;
  let beta = start ? [...start] : null;
  let mu = beta ? linearPredictor(design, beta).map(Math.exp) : y.map((yi) => yi + 0.1);
  let eta = mu.map(Math.log);
  let deviance = poissonDeviance(y, mu);
  let converged = false;
  let singular = false;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations += 1;
    // Weighted least squares on the working response z = η + (y − μ)/μ with weights μ.
    const z = eta.map((e, i) => e + (y[i]! - mu[i]!) / mu[i]!);
    const next = weightedLeastSquares(design, mu, z, p);
    if (!next) { singular = true; break; }
    beta = next;
    eta = linearPredictor(design, beta);
    mu = eta.map(Math.exp);
    const previous = deviance;
    deviance = poissonDeviance(y, mu);
    if (!Number.isFinite(deviance)) break;
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < EPSILON) { converged = true; break; }
  }
  const coefficients = beta ?? new Array<number>(p).fill(Number.NaN);
  const logLikelihood = y.reduce((sum, yi, i) => sum + (yi > 0 ? yi * Math.log(mu[i]!) : 0) - mu[i]! - logGamma(yi + 1), 0);
  return { coefficients, fitted: mu, deviance, logLikelihood, iterations, converged: converged && !singular, singular };
}

function linearPredictor(design: Design, beta: readonly number[]) {
  return design.map((row) => {
    let sum = 0;
    for (let k = 0; k < row.length; k++) sum += row[k]! * beta[k]!;
    return sum;
  });
}

/** X'WX, the Fisher information of a Poisson log-linear fit when w = μ. */
function weightedCrossProduct(design: Design, w: readonly number[], p: number): number[][] {
  const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  // A row's zero columns add nothing: only its non-zero ones are visited (a pattern seen by few lists
  // has few), in the same order as a full pass, so the sums are the same to the last bit.
  const nonZero = new Array<number>(p);
  for (let i = 0; i < design.length; i++) {
    const row = design[i]!;
    const wi = w[i]!;
    let count = 0;
    for (let k = 0; k < p; k++) if (row[k] !== 0) nonZero[count++] = k;
    for (let s = 0; s < count; s++) {
      const a = nonZero[s]!;
      const xa = row[a]!;
      const sums = xtwx[a]!;
      for (let t = s; t < count; t++) sums[nonZero[t]!]! += xa * wi * row[nonZero[t]!]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[a]![b] = xtwx[b]![a]!;
  return xtwx;
}

/** Solves (X'WX) β = X'Wz by Cholesky; null when X'WX is not positive definite. */
function weightedLeastSquares(design: Design, w: readonly number[], z: readonly number[], p: number): number[] | null {
  const xtwz = new Array<number>(p).fill(0);
  design.forEach((row, i) => {
    for (let a = 0; a < p; a++) if (row[a] !== 0) xtwz[a]! += row[a]! * w[i]! * z[i]!;
  });
  const cholesky = new CholeskyDecomposition(new Matrix(weightedCrossProduct(design, w, p)));
  if (!cholesky.isPositiveDefinite()) return null;
  const solution = cholesky.solve(Matrix.columnVector(xtwz)).to1DArray();
  return solution.every(Number.isFinite) ? solution : null;
}

/** (X'WX)⁻¹ at the fit, R's vcov for a Poisson glm; null when it cannot be inverted. */
function inverseInformation(design: Design, mu: readonly number[]): number[][] | null {
  const p = design[0]!.length;
  const cholesky = new CholeskyDecomposition(new Matrix(weightedCrossProduct(design, mu, p)));
  return cholesky.isPositiveDefinite() ? cholesky.solve(Matrix.eye(p)).to2DArray() : null;
}

/** x'Vx for one design row (plain loops: this runs for every cell of every model). */
function quadraticForm(row: readonly number[], v: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let a = 0; a < row.length; a++) {
    if (row[a] === 0) continue;
    for (let b = 0; b < row.length; b++) sum += row[a]! * v[a]![b]! * row[b]!;
  }
  return sum;
}

/**
 * N̂'s standard error (Rcapture's getN: √(e^β₀ + e^{2β₀} var β₀)) and its asymptotic bias (Rivest &
 * Lévesque 2001, as Rcapture's closedp.fitone computes it); NaN when the information is singular.
 */
function precisionOf(design: Design, fit: PoissonFit): { standardError: number; bias: number } {
  const v = fit.converged ? inverseInformation(design, fit.fitted) : null;
  if (!v) return { standardError: Number.NaN, bias: Number.NaN };
  const unseen = Math.exp(fit.coefficients[0]!);
  const p = v.length;
  // ψ = −2 X' diag(μ) ξ with ξᵢ = −½ xᵢ'Vxᵢ, less 1 in the intercept's place; the bias is ½ e^β₀ (−Vψ)₀.
  const psi = new Array<number>(p).fill(0);
  design.forEach((row, i) => {
    const weight = -2 * fit.fitted[i]! * (-0.5 * quadraticForm(row, v));
    for (let a = 0; a < p; a++) if (row[a] !== 0) psi[a]! += row[a]! * weight;
  });
  psi[0]! -= 1;
  const first = -v[0]!.reduce((sum, value, a) => sum + value * psi[a]!, 0);
  return { standardError: Math.sqrt(unseen + unseen * unseen * v[0]![0]!), bias: 0.5 * unseen * first };
}

export interface ModelFit {
  model: LogLinearModel;
  fit: PoissonFit;
  observed: number;
  /** Expected count of the unseen cell, exp(intercept). */
  unseen: number;
  /** Poisson estimate N̂ = observed + unseen, what Rcapture reports as `abundance`. */
  estimate: number;
  /** N̂'s asymptotic standard error and bias (NaN when the fit's information is singular). */
  standardError: number;
  bias: number;
  parameters: number;
  deviance: number;
  df: number;
  aic: number;
  bic: number;
}

/**
 * Fits one model. AIC and BIC as Rcapture's closedp.fitone defines them: AIC = glm's aic = −2 logLik + 2p,
 * BIC = AIC + (log n − 2) p, with p the coefficients including the intercept and n the people observed.
 */
export function fitModel(histories: CaptureHistories, model: LogLinearModel): ModelFit {
  const y = observablePatterns(histories.lists).map((pattern) => histories.counts[pattern]!);
  const observed = y.reduce((a, b) => a + b, 0);
  const design = designMatrix(model);
  const fit = fitPoisson(design, y);
  const parameters = 1 + model.lists + model.pairs.length;
  const unseen = Math.exp(fit.coefficients[0]!);
  const aic = -2 * fit.logLikelihood + 2 * parameters;
  return {
    model, fit, observed, unseen,
    estimate: observed + unseen,
    ...precisionOf(design, fit),
    parameters,
    deviance: fit.deviance,
    df: y.length - parameters,
    aic,
    bic: aic + (Math.log(observed) - 2) * parameters,
  };
}
