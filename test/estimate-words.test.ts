// An estimate in words (issue 12): every warning in az, ru and en with its figures and list names;
// the assumptions spelled out; the situation report's sentence with its interval, in each language,
// and no sentence at all for an estimate without a bounded interval.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ESTIMATE_WORDS, estimateLabels, estimateSentence, formatDecimal, formatNumber, sentenceOf, warningText, whyNotReportable, type EstimateSentence } from '../src/core/estimate/words.ts';
import { estimatePopulation } from '../src/core/estimate/select.ts';
import { historiesFromRows } from '../src/core/estimate/histories.ts';
import { LANGUAGES } from '../src/core/i18n/languages.ts';
import type { EstimateWarning } from '../src/core/estimate/warnings.ts';

const EVERY_WARNING: EstimateWarning[] = [
  { code: 'assumption-closed-population' },
  { code: 'assumption-homogeneity' },
  { code: 'small-overlap', lists: [0, 2], people: 3 },
  { code: 'models-bounded', fitted: 1057 },
  { code: 'not-converged', model: '[12][3]' },
  { code: 'boundary', model: '[12][3]' },
  { code: 'large-bias', model: '[12][3]', bias: -123.4 },
  { code: 'interaction-of-lists-apart', model: '[13][2]', lists: [0, 2] },
  { code: 'no-fit-check', model: '[12][13][23]' },
  { code: 'interval-at-observed', model: '[1][2][3]' },
  { code: 'interval-unbounded', model: '[1][2]', searchedTo: 2400 },
];
const LISTS = ['Our report form', "Lawyers' network", 'Media monitoring'];

const SENTENCE: EstimateSentence = { documented: 412, estimate: 780.4, ci95: [610.7, 1049.2], model: '[12][3]', select: 'aic', lists: ['our report form', "lawyers' network", 'media monitoring'] };

describe('estimate words', () => {
  it('says every warning in every language, with its figures and the lists by name', () => {
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(ESTIMATE_WORDS[language].warning).sort(), EVERY_WARNING.map((w) => w.code).sort(), language);
      for (const warning of EVERY_WARNING) {
        const text = warningText(language, warning, LISTS);
        assert.ok(text.length > 40, `${language} ${warning.code}`);
        if ('model' in warning) assert.ok(text.includes(warning.model), `${language} ${warning.code} names the model`);
      }
      const overlap = warningText(language, EVERY_WARNING[2]!, LISTS);
      assert.ok(overlap.includes('3') && overlap.includes(LISTS[0]!) && overlap.includes(LISTS[2]!) && !overlap.includes(LISTS[1]!), overlap);
      assert.ok(warningText(language, EVERY_WARNING[3]!, LISTS).includes(formatNumber(language, 1057)));
      assert.ok(warningText(language, EVERY_WARNING[10]!, LISTS).includes(formatNumber(language, 2400)));
    }
    // The languages differ: nothing was left in English.
    for (const warning of EVERY_WARNING) assert.equal(new Set(LANGUAGES.map((l) => warningText(l, warning, LISTS))).size, 3, warning.code);
  });

  it('spells out both assumptions', () => {
    const closed = warningText('en', { code: 'assumption-closed-population' }, LISTS);
    assert.match(closed, /nobody entered or left/);
    assert.match(closed, /same people/);
    const alike = warningText('en', { code: 'assumption-homogeneity' }, LISTS);
    assert.match(alike, /equally likely/);
    assert.match(alike, /independent or their dependence is modelled/);
  });

  it('writes the sentence with its interval, rounded outwards, in each language', () => {
    assert.equal(
      estimateSentence('en', SENTENCE),
      "Documented 412; estimated 780 (95 % CI 610–1,050), log-linear model [12][3] chosen by AIC, lists used: our report form, lawyers' network, media monitoring.",
    );
    assert.equal(estimateSentence('en', { ...SENTENCE, select: 'bic', period: { from: '2026-11-01', to: null } }).slice(0, 41), 'Acts 2026-11-01 – …: documented 412; esti');
    const ru = estimateSentence('ru', SENTENCE);
    assert.ok(ru.startsWith('Задокументировано 412; оценка 780 (95 % ДИ 610–1') && ru.includes('050)') && ru.includes('[12][3]') && ru.includes('AIC'), ru);
    const az = estimateSentence('az', SENTENCE);
    assert.ok(az.startsWith('Sənədləşdirilib 412; qiymətləndirmə 780 (95 % EI 610–1.050)') && az.includes('media monitoring'), az);
    for (const language of LANGUAGES) assert.ok(estimateLabels(language).heading.length > 10);
    assert.equal(formatDecimal('en', -1e-9), '0.00', 'a saturated model’s deviance is not "-0.00"');
    assert.equal(formatDecimal('ru', 1234.5), '1\u00a0234,50');
  });

  it('refuses a sentence without a bounded interval', () => {
    assert.throws(() => estimateSentence('en', { ...SENTENCE, ci95: [610, Number.POSITIVE_INFINITY] }), RangeError);
    assert.throws(() => estimateSentence('en', { ...SENTENCE, estimate: Number.NaN }), RangeError);
  });

  it('takes the sentence from an estimate only when its interval is bounded', () => {
    // Two lists of 60 and 50 people sharing 20: a bounded estimate near n1·n2/m = 150.
    const shared = historiesFromRows([{ pattern: [1, 0], count: 40 }, { pattern: [0, 1], count: 30 }, { pattern: [1, 1], count: 20 }]);
    const result = estimatePopulation(shared);
    const sentence = sentenceOf(result, { documented: 95, lists: ['A', 'B'] });
    assert.ok(sentence);
    assert.equal(sentence.estimate, result.estimate);
    assert.deepEqual(sentence.ci95, result.ci95);
    assert.equal(sentence.model, '[1][2]');
    // No one on both lists: nothing bounds the estimate, so there is nothing to say.
    const apart = historiesFromRows([{ pattern: [1, 0], count: 40 }, { pattern: [0, 1], count: 30 }, { pattern: [1, 1], count: 0 }]);
    assert.equal(sentenceOf(estimatePopulation(apart), { documented: 70, lists: ['A', 'B'] }), null);
  });

  it('refuses a sentence from an unreliable model, or one below what the team documented', () => {
    // Thirteen people on three lists: AIC picks a saturated model on the boundary, N̂ ≈ 10³²
    // with an "interval" that does not even hold it.
    const tiny = estimatePopulation({ lists: 3, counts: [0, 3, 6, 0, 2, 0, 0, 2] });
    assert.equal(whyNotReportable(tiny, 13), 'unreliable');
    assert.equal(sentenceOf(tiny, { documented: 13, lists: ['A', 'B', 'C'] }), null);
    const shared = estimatePopulation(historiesFromRows([{ pattern: [1, 0], count: 40 }, { pattern: [0, 1], count: 30 }, { pattern: [1, 1], count: 20 }]));
    assert.equal(whyNotReportable(shared, 95), null);
    // The records know of 400 people in the period; lists that saw 90 of them cannot say "about 150".
    assert.equal(whyNotReportable(shared, 400), 'below-documented');
    assert.equal(sentenceOf(shared, { documented: 400, lists: ['A', 'B'] }), null);
  });

  it('never makes a sentence whose interval does not hold a sound estimate, even from sparse tables (fast-check)', () => {
    const sparse = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 7, maxLength: 7 }).filter((cells) => cells.some((c) => c > 0));
    let made = 0;
    fc.assert(
      fc.property(sparse, fc.constantFrom('aic' as const, 'bic' as const), (cells, select) => {
        const result = estimatePopulation({ lists: 3, counts: [0, ...cells] }, { select, intervals: 1 });
        const sentence = sentenceOf(result, { documented: result.observed, lists: ['A', 'B', 'C'] });
        if (!sentence) return;
        made += 1;
        assert.ok(sentence.ci95[0] <= sentence.estimate && sentence.estimate <= sentence.ci95[1] && Number.isFinite(sentence.ci95[1]));
        assert.ok(!result.models[0]!.warnings.some((w) => ['boundary', 'not-converged', 'large-bias'].includes(w.code)));
      }),
      { numRuns: 150 },
    );
    assert.ok(made > 10, `only ${made} of 150 tables made a sentence: the property checked little`);
  });
});
