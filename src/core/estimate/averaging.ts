// Model averaging (Burnham & Anderson 2002, Model Selection and Multimodel Inference, §4.2–4.3): rather
// than trust the one best ranked model, weigh every fitted model by exp(−Δ/2), Δ its AIC (or BIC) less
// the best one's, so close contenders share the estimate and their disagreement widens the interval.
import type { Criterion, ModelResult } from './model-result.ts';

export interface AveragedEstimate {
  criterion: Criterion;
  estimate: number;
  /** Unconditional standard error: Σ wᵢ √(seᵢ² + (N̂ᵢ − N̄)²), their eq. 4.9. */
  standardError: number;
  /** N̄ ± 1.96 se, never below the people observed. */
  ci95: [number, number];
  /** Models whose weight is at least 1 %, heaviest first. */
  weights: { model: string; weight: number }[];
}

const Z95 = 1.959963984540054;
const SHOWN_WEIGHT = 0.01;

export function averageModels(models: readonly ModelResult[], criterion: Criterion, observed: number): AveragedEstimate | null {
  // A model without a standard error (singular information) cannot enter the unconditional variance.
  const usable = models.filter((m) => Number.isFinite(m.standardError) && Number.isFinite(m.estimate));
  if (usable.length === 0) return null;
  const best = Math.min(...usable.map((m) => m[criterion]));
  const raw = usable.map((m) => Math.exp(-(m[criterion] - best) / 2));
  const total = raw.reduce((a, b) => a + b, 0);
  const weight = raw.map((w) => w / total);
  const estimate = usable.reduce((sum, m, i) => sum + weight[i]! * m.estimate, 0);
  const standardError = usable.reduce((sum, m, i) => sum + weight[i]! * Math.sqrt(m.standardError ** 2 + (m.estimate - estimate) ** 2), 0);
  const weights = usable
    .map((m, i) => ({ model: m.model, weight: weight[i]! }))
    .filter((w) => w.weight >= SHOWN_WEIGHT)
    .sort((a, b) => b.weight - a.weight);
  return { criterion, estimate, standardError, ci95: [Math.max(observed, estimate - Z95 * standardError), estimate + Z95 * standardError], weights };
}
