// One fitted model as a coordinator reads it, and the criteria that rank models (shared by selection
// and averaging).
import type { EstimateWarning } from './warnings.ts';

export type Criterion = 'aic' | 'bic';

export interface ModelResult {
  model: string;
  /** Poisson N̂ = observed + exp(intercept), Rcapture's `abundance`. */
  estimate: number;
  /** Its asymptotic standard error, as Rcapture's `stderr` (NaN when it cannot be computed). */
  standardError: number;
  /**
   * Profile-likelihood 95 % interval; high null when unbounded. The whole value is null when it was not
   * computed: a profile refits the model some fifty times, so only the best ranked models get one.
   */
  ci95: [number, number | null] | null;
  deviance: number;
  df: number;
  aic: number;
  bic: number;
  warnings: EstimateWarning[];
}
