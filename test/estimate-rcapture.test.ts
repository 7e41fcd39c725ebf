// Issue 12: the estimation core against Rcapture 1.4-4 (the R package human-rights and epidemiology
// statisticians use for log-linear capture–recapture) on published datasets with 2, 3, 4, 5, 6 and 8
// lists. test/reference/README.md cites every dataset; rcapture.R there made rcapture-1.4-4.csv, the
// figures held here. The tolerance: estimates within 0.5 %, interval bounds within 2 %.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseModel } from '../src/core/estimate/models.ts';
import { estimatePopulation, fitWithInterval } from '../src/core/estimate/select.ts';
import { readReferenceCsv, referenceDataset as dataset } from './support/estimate-data.ts';

/**
 * The issue asks for 0.5 % and 2 %; the same algorithms agree far closer (measured: estimates within
 * 3·10⁻¹², bounds within 4·10⁻⁶, standard errors within 4·10⁻⁵ — R takes its covariance from the
 * last iteration's weights, we from the converged fit), so a drift is caught long before it matters.
 */
const ESTIMATE_TOLERANCE = 1e-6;
const ERROR_TOLERANCE = 1e-4;
const BOUND_TOLERANCE = 1e-5;

interface Reference {
  dataset: string; model: string; abundance: number; stderr: number; deviance: number; df: number;
  AIC: number; BIC: number; infoFit: number; infCL: number; supCL: number | string; infoCI: number;
}
const references = readReferenceCsv('rcapture-1.4-4') as unknown as Reference[];

const within = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} is not within ${relative * 100} % of ${expected}`);
/** Deviances near 0 (saturated models) are compared absolutely. */
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
/** Rcapture's info codes are its warnings' digits: 1 unreliable fit (large bias or no convergence), 5 lower bound at n, 6 no upper bound. */
const says = (code: number, digit: string) => String(code).includes(digit);

describe('Rcapture 1.4-4 on published datasets', () => {
  it('holds figures for 2, 3, 4, 5, 6 and 8 lists', () => {
    const lists = new Set(references.map((r) => dataset(r.dataset).lists));
    assert.deepEqual([...lists].sort(), [2, 3, 4, 5, 6, 8]);
    assert.ok(references.length >= 100, `${references.length} models`);
  });

  for (const name of new Set(references.map((r) => r.dataset))) {
    it(`${name}: every model's estimate, standard error, fit and profile interval`, () => {
      const histories = dataset(name);
      for (const r of references.filter((x) => x.dataset === name)) {
        const ours = fitWithInterval(histories, parseModel(r.model, histories.lists));
        assert.ok(ours, `${r.model} could not be fitted`);
        const codes = ours.warnings.map((w) => w.code);
        // Where Rcapture calls the fit unreliable, we must say so too; its figures are then not a target
        // (an estimate of 10¹³ people differs in its third digit between any two optimisers).
        assert.equal(codes.includes('large-bias') || codes.includes('not-converged'), says(r.infoFit, '1'), `${r.model}: ${codes}`);
        assert.equal(codes.includes('interval-unbounded'), says(r.infoCI, '6'), `${r.model}: ${codes}`);
        assert.equal(codes.includes('interval-at-observed'), says(r.infoCI, '5'), `${r.model}: ${codes}`);
        if (says(r.infoFit, '1')) continue;
        within(ours.estimate, r.abundance, ESTIMATE_TOLERANCE, `${r.model} estimate`);
        within(ours.standardError, r.stderr, ERROR_TOLERANCE, `${r.model} standard error`);
        close(ours.deviance, r.deviance, `${r.model} deviance`);
        assert.equal(ours.df, r.df);
        close(ours.aic, r.AIC, `${r.model} AIC`);
        close(ours.bic, r.BIC, `${r.model} BIC`);
        within(ours.ci95[0], r.infCL, BOUND_TOLERANCE, `${r.model} lower bound`);
        if (says(r.infoCI, '6')) assert.equal(ours.ci95[1], null);
        else within(ours.ci95[1]!, Number(r.supCL), BOUND_TOLERANCE, `${r.model} upper bound`);
      }
    });
  }

  it('ranks the models as their AIC and BIC in Rcapture rank them (HIV in Rome, all 64 models)', () => {
    const rows = references.filter((r) => r.dataset === 'hiv-rome');
    assert.equal(rows.length, 64);
    for (const [select, column] of [['aic', 'AIC'], ['bic', 'BIC']] as const) {
      const theirs = [...rows].sort((a, b) => a[column] - b[column]).map((r) => r.model);
      const ours = estimatePopulation(dataset('hiv-rome'), { select, intervals: 0 }).models.map((m) => m.model);
      assert.deepEqual(ours, theirs);
    }
    // As Rcapture's closedpMS.t prints: AIC chooses [12][3][4], BIC independence.
    assert.equal(estimatePopulation(dataset('hiv-rome'), { select: 'aic', intervals: 1 }).model, '[12][3][4]');
    assert.equal(estimatePopulation(dataset('hiv-rome'), { select: 'bic', intervals: 1 }).model, '[1][2][3][4]');
  });

  it('averages the HIV models by their AIC weights, from Rcapture\'s own estimates, errors and AICs', () => {
    const rows = references.filter((r) => r.dataset === 'hiv-rome');
    const best = Math.min(...rows.map((r) => r.AIC));
    const raw = rows.map((r) => Math.exp(-(r.AIC - best) / 2));
    const w = raw.map((x) => x / raw.reduce((a, b) => a + b, 0));
    const mean = rows.reduce((sum, r, i) => sum + w[i]! * r.abundance, 0);
    const se = rows.reduce((sum, r, i) => sum + w[i]! * Math.sqrt(r.stderr ** 2 + (r.abundance - mean) ** 2), 0);
    const averaged = estimatePopulation(dataset('hiv-rome'), { select: 'aic', intervals: 0 }).averaged!;
    within(averaged.estimate, mean, 0.0005, 'averaged estimate');
    within(averaged.standardError, se, 0.001, 'unconditional standard error');
    within(averaged.ci95[1], mean + 1.96 * se, 0.001, 'upper bound');
    assert.equal(averaged.weights[0]!.model, '[12][3][4]');
    // Close contenders share the weight: the best model alone would claim too much certainty.
    assert.ok(averaged.weights[0]!.weight < 0.5 && averaged.standardError > 1188.7);
  });

  it("the UK Home Office's 2013 model of modern slavery: about 11,400, within the published 10,000–13,000", () => {
    const result = estimatePopulation(dataset('uk-modern-slavery-2013'), { models: [parseModel('[12][13][24][25][35][36][45]', 6)] });
    assert.equal(result.observed, 2744);
    within(result.estimate!, 11418.0, 0.0005, 'estimate');
    within(result.ci95![0], 9982.3, 0.0005, 'lower bound');
    within(result.ci95![1]!, 13181.7, 0.0005, 'upper bound');
    // The Home Office published the interval to the thousand.
    assert.deepEqual(result.ci95!.map((bound) => Math.round(bound! / 1000) * 1000), [10_000, 13_000]);
  });
});
