// Small one-dimensional numerics the profile likelihood needs (R's optimize and uniroot play these roles
// in Rcapture), and the log-gamma function for Poisson likelihoods.

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-13). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** x log x, 0 at 0 (the limit), as likelihoods need. */
export const xLogX = (x: number) => (x > 0 ? x * Math.log(x) : 0);

const GOLDEN = (3 - Math.sqrt(5)) / 2;

/** The maximiser of a unimodal f on [a, b], by golden-section search. */
export function maximise(f: (x: number) => number, a: number, b: number, tolerance = 1e-6): { x: number; value: number } {
  let lo = a;
  let hi = b;
  let x1 = lo + GOLDEN * (hi - lo);
  let x2 = hi - GOLDEN * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  while (hi - lo > tolerance * Math.max(1, Math.abs(lo))) {
    if (f1 < f2) {
      lo = x1; x1 = x2; f1 = f2;
      x2 = hi - GOLDEN * (hi - lo); f2 = f(x2);
    } else {
      hi = x2; x2 = x1; f2 = f1;
      x1 = lo + GOLDEN * (hi - lo); f1 = f(x1);
    }
  }
  return f1 > f2 ? { x: x1, value: f1 } : { x: x2, value: f2 };
}

/** A root of f in [a, b] by bisection, or null when f has the same sign at both ends (no bracket). */
export function root(f: (x: number) => number, a: number, b: number, tolerance = 1e-7): number | null {
  let lo = a;
  let hi = b;
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Math.sign(fLo) === Math.sign(fHi)) return null;
  while (hi - lo > tolerance * Math.max(1, Math.abs(lo))) {
    const mid = (lo + hi) / 2;
    const fMid = f(mid);
    if (Math.sign(fMid) === Math.sign(fLo)) { lo = mid; fLo = fMid; } else hi = mid;
  }
  return (lo + hi) / 2;
}
