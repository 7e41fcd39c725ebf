// Two lists: the classical dual-system estimators. n1 and n2 people on each list, m on both.
// Both intervals are the normal (Wald) interval N̂ ± 1.96·SE, with the lower bound raised to the
// observed count n1 + n2 − m (fewer people than we have already documented is impossible):
// - Lincoln–Petersen N̂ = n1·n2/m, var = n1·n2·(n1 − m)(n2 − m)/m³ (Seber 1982, The Estimation of Animal
//   Abundance, 2nd ed., §3.1.1; the interval the SISA capture–recapture calculator reports);
// - Chapman (1951) N̂ = (n1+1)(n2+1)/(m+1) − 1, nearly unbiased and finite when m = 0,
//   var = (n1+1)(n2+1)(n1 − m)(n2 − m)/((m+1)²(m+2)) (Seber 1970, Biometrika 57, 313–318; Seber 1982 p. 60).
// The log-linear independence model on two lists gives the same N̂ as Lincoln–Petersen, with the
// profile-likelihood interval (select.ts), which is the better interval when m is small.

export interface TwoListCounts { n1: number; n2: number; m: number }

export interface TwoListEstimate {
  estimate: number;
  standardError: number;
  /** null high: no overlap, nothing bounds the estimate. */
  ci95: [number, number | null];
}

const Z95 = 1.959963984540054;

function waldInterval({ n1, n2, m }: TwoListCounts, estimate: number, variance: number): TwoListEstimate {
  const standardError = Math.sqrt(variance);
  const observed = n1 + n2 - m;
  return { estimate, standardError, ci95: [Math.max(observed, estimate - Z95 * standardError), estimate + Z95 * standardError] };
}

export function lincolnPetersen(counts: TwoListCounts): TwoListEstimate {
  const { n1, n2, m } = counts;
  if (m === 0) return { estimate: Number.POSITIVE_INFINITY, standardError: Number.POSITIVE_INFINITY, ci95: [n1 + n2, null] };
  return waldInterval(counts, (n1 * n2) / m, (n1 * n2 * (n1 - m) * (n2 - m)) / m ** 3);
}

export function chapman(counts: TwoListCounts): TwoListEstimate {
  const { n1, n2, m } = counts;
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  return waldInterval(counts, estimate, ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2)));
}
