// Issue 12, first step: the multiple systems estimation core (src/core/estimate), against published data
// and figures, plus invariants checked on generated data (fast-check).
//
// Sources:
// - HIV and Luanda: see test/support/estimate-data.ts (shared with the command line's tests).
// - Kampala: PWID, n1 = 467, n2 = 450, m = 54, Lincoln–Petersen estimate 3892 (Population size estimation
//   of people who inject drugs, men who have sex with men and female sex workers in Kampala, JMIR Public
//   Health Surveill 2019, PMC6771531). Its interval (3090–5126) is not the Wald interval and the paper
//   does not say which it is, so only the estimate is compared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { historiesFromPeople, historiesFromRows, listTotal, observedCount, overlap, permuteLists, EstimateInputError, type CaptureHistories } from '../src/core/estimate/histories.ts';
import { chapman, lincolnPetersen } from '../src/core/estimate/two-lists.ts';
import { allPairs, enumerateModels, formatModel, independence, parseModel, permuteModel, ModelNotationError } from '../src/core/estimate/models.ts';
import { fitModel } from '../src/core/estimate/loglinear.ts';
import { estimatePopulation, fitWithInterval } from '../src/core/estimate/select.ts';
import { LUANDA, LUANDA_LINCOLN_PETERSEN, referenceDataset } from './support/estimate-data.ts';

const hiv = referenceDataset('hiv-rome');

const twoLists = (n1: number, n2: number, m: number) =>
  historiesFromRows([{ pattern: [1, 1], count: m }, { pattern: [1, 0], count: n1 - m }, { pattern: [0, 1], count: n2 - m }]);

const within = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} is not within ${relative * 100} % of ${expected}`);

describe('capture histories', () => {
  it('counts people per pattern from the lists that saw each person', () => {
    const h = historiesFromPeople(3, [[0], [0, 1], [1, 0], [2], [0, 1, 2]]);
    assert.equal(h.counts[0b011], 2);
    assert.equal(h.counts[0b001], 1);
    assert.equal(h.counts[0b111], 1);
    assert.equal(observedCount(h), 5);
    assert.equal(listTotal(h, 0), 4);
    assert.equal(overlap(h, 0, 1), 3);
  });

  it('reads the HIV lists as Rcapture documents them: 1896 people, 1774 on one list only', () => {
    assert.equal(observedCount(hiv), 1896);
    const onOneList = hiv.counts.reduce((sum, count, pattern) => sum + (pattern.toString(2).replaceAll('0', '').length === 1 ? count : 0), 0);
    assert.equal(onOneList, 1774);
  });

  it('refuses too few or too many lists, ragged rows, negative counts and people on no list', () => {
    const codeOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as EstimateInputError).code; } return 'none'; };
    assert.equal(codeOf(() => historiesFromPeople(1, [])), 'list-count');
    assert.equal(codeOf(() => historiesFromPeople(9, [])), 'list-count');
    assert.equal(codeOf(() => historiesFromPeople(3, [[3]])), 'list-index');
    assert.equal(codeOf(() => historiesFromPeople(3, [[]])), 'empty-pattern');
    assert.equal(codeOf(() => historiesFromRows([{ pattern: [1, 0, 1], count: 2 }, { pattern: [1, 0], count: 1 }])), 'pattern-width');
    assert.equal(codeOf(() => historiesFromRows([{ pattern: [1, 0], count: -1 }])), 'negative-count');
    assert.equal(codeOf(() => historiesFromRows([{ pattern: [0, 0], count: 4 }])), 'empty-pattern');
  });
});

describe('two lists', () => {
  it('Lincoln–Petersen and its Wald interval match the SISA calculator on the Luanda survey', () => {
    const lp = lincolnPetersen(LUANDA);
    within(lp.estimate, LUANDA_LINCOLN_PETERSEN.estimate, 0.0001);
    within(lp.ci95[0], LUANDA_LINCOLN_PETERSEN.ci95[0], 0.0001);
    within(lp.ci95[1]!, LUANDA_LINCOLN_PETERSEN.ci95[1], 0.0001);
  });

  it('Lincoln–Petersen gives the published Kampala estimate, and so does the log-linear independence model', () => {
    within(lincolnPetersen({ n1: 467, n2: 450, m: 54 }).estimate, 3892, 0.0005);
    within(estimatePopulation(twoLists(467, 450, 54)).estimate!, 3891.667, 0.0001);
  });

  it('Chapman stays finite without an overlap, where Lincoln–Petersen cannot bound anything', () => {
    const none = { n1: 30, n2: 40, m: 0 };
    assert.equal(chapman(none).estimate, 31 * 41 - 1);
    assert.equal(lincolnPetersen(none).ci95[1], null);
    // Chapman's correction pulls the estimate below Lincoln–Petersen's (Seber 1982, §3.1.1).
    assert.ok(chapman(LUANDA).estimate < LUANDA_LINCOLN_PETERSEN.estimate);
  });
});

describe('model notation and enumeration', () => {
  it('reads and writes models by list position', () => {
    assert.equal(formatModel(parseModel('[1][2][3]', 3)), '[1][2][3]');
    assert.equal(formatModel(parseModel('[3][21]', 3)), '[12][3]');
    assert.equal(formatModel(parseModel('[12,13,23]', 3)), '[12][13][23]');
    assert.equal(formatModel(allPairs(4)), '[12][13][14][23][24][34]');
    assert.equal(formatModel(independence(2)), '[1][2]');
  });

  it('refuses what it cannot fit or a model that forgets a list', () => {
    const codeOf = (text: string) => { try { parseModel(text, 3); } catch (e) { return (e as ModelNotationError).code; } return 'none'; };
    assert.equal(codeOf('[123]'), 'model-higher-order');
    assert.equal(codeOf('[12]'), 'model-missing-list');
    assert.equal(codeOf('[14][2][3]'), 'model-list');
    assert.equal(codeOf('12 3'), 'model-syntax');
  });

  it('enumerates every two-way model up to five lists and bounds the enumeration beyond', () => {
    assert.deepEqual([2, 3, 4, 5].map((k) => enumerateModels(k).models.length), [1, 8, 64, 1024]);
    // ≤ 3 interactions for six lists (1 + 15 + 105 + 455), ≤ 2 for seven and eight, plus all pairs.
    assert.deepEqual([6, 7, 8].map((k) => enumerateModels(k).models.length), [577, 233, 408]);
    assert.ok(enumerateModels(8).bounded && !enumerateModels(5).bounded);
    assert.equal(new Set(enumerateModels(4).models.map(formatModel)).size, 64);
  });
});

describe('log-linear models on the HIV lists', () => {
  it('keeps Rcapture’s definitions: df = cells − parameters, BIC = AIC + (log n − 2)·parameters', () => {
    const fit = fitModel(hiv, parseModel('[12][3][4]', 4));
    assert.equal(fit.parameters, 6);
    assert.equal(fit.df, 15 - 6);
    within(fit.bic - fit.aic, (Math.log(1896) - 2) * 6, 1e-12);
    assert.ok(fit.fit.converged);
    within(fit.estimate, 1896 + Math.exp(fit.fit.coefficients[0]!), 1e-12);
  });

  it('selects the [12] interaction by AIC, as Rcapture’s HIV example concludes', () => {
    const result = estimatePopulation(hiv, { select: 'aic' });
    assert.equal(result.model, '[12][3][4]');
    assert.equal(result.models.length, 64);
    assert.ok(result.ci95![0] < result.estimate! && result.estimate! < result.ci95![1]!);
  });

  it('states the assumptions, and names each pair of lists sharing fewer than five people', () => {
    const codes = estimatePopulation(hiv, { models: [independence(4)] }).warnings.map((w) => w.code);
    assert.ok(codes.includes('assumption-closed-population') && codes.includes('assumption-homogeneity'));
    const small = historiesFromRows([{ pattern: [1, 1, 0], count: 2 }, { pattern: [1, 0, 0], count: 50 }, { pattern: [0, 1, 0], count: 60 }, { pattern: [0, 0, 1], count: 40 }, { pattern: [1, 0, 1], count: 12 }, { pattern: [0, 1, 1], count: 9 }]);
    const warnings = estimatePopulation(small, { models: [independence(3)] }).warnings;
    assert.deepEqual(warnings.filter((w) => w.code === 'small-overlap'), [{ code: 'small-overlap', lists: [0, 1], people: 2 }]);
  });

  it('says when the saturated three-list model leaves nothing to check its fit', () => {
    const result = fitWithInterval(referenceDataset('hiv-rome-3'), allPairs(3));
    assert.ok(result?.warnings.some((w) => w.code === 'no-fit-check'));
  });
});

/** Three lists with every cell populated enough for the models to be estimable. */
const threeLists = fc.array(fc.integer({ min: 5, max: 300 }), { minLength: 7, maxLength: 7 })
  .map((cells): CaptureHistories => ({ lists: 3, counts: [0, ...cells] }));
const order3 = fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]);

describe('invariants (fast-check)', () => {
  it('the estimate is at least the observed count and its interval contains it', () => {
    fc.assert(fc.property(threeLists, fc.constantFrom('[1][2][3]', '[12][3]', '[12][13][23]'), (h, text) => {
      const result = fitWithInterval(h, parseModel(text, 3));
      assert.ok(result);
      assert.ok(result.estimate >= observedCount(h));
      assert.ok(result.ci95[0] <= result.estimate && (result.ci95[1] === null || result.estimate <= result.ci95[1]));
    }), { numRuns: 40 });
  });

  it('permuting the lists changes nothing', () => {
    fc.assert(fc.property(threeLists, order3, (h, order) => {
      const before = estimatePopulation(h);
      const after = estimatePopulation(permuteLists(h, order));
      within(after.estimate!, before.estimate!, 1e-6);
      within(after.ci95![0], before.ci95![0], 1e-5);
      const model = parseModel('[12][3]', 3);
      within(fitModel(permuteLists(h, order), permuteModel(model, order)).estimate, fitModel(h, model).estimate, 1e-8);
    }), { numRuns: 15 });
  });
});
