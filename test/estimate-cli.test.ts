// `vigil estimate` from a terminal, on published data (test/support/estimate-data.ts): the table and
// the JSON give what the core computes (src/core/estimate), the same from one row per person as from a
// count column; --model, --select bic and --intervals all; the two classical estimators with two
// lists; and each bad input — file, cells, counts, lists, options, model — exit code 2 with one line
// saying what to fix, no stack trace.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vigil } from './support/cli.ts';
import { HIV_ROWS, LUANDA, LUANDA_LINCOLN_PETERSEN } from './support/estimate-data.ts';
import { historiesFromRows } from '../src/core/estimate/histories.ts';
import { parseModel } from '../src/core/estimate/models.ts';
import { estimatePopulation, fitWithInterval } from '../src/core/estimate/select.ts';

const HIV_LISTS = ['c1', 'c2', 'c3', 'c4'];
const hiv = historiesFromRows(HIV_ROWS.map((row) => ({ pattern: row.slice(0, 4), count: row[4]! })));

const within = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} is not within ${relative * 100} % of ${expected}`);

interface JsonModel { model: string; estimate: number; ci95: [number, number | null] | null; deviance: number; df: number; aic: number; bic: number }
interface JsonResult {
  lists: string[];
  observed: number;
  select: string;
  model: string;
  estimate: number;
  ci95: [number, number | null];
  models: JsonModel[];
  warnings: { code: string; message: string }[];
  averaged: { criterion: string; estimate: number; ci95: [number, number]; weights: { model: string; weight: number }[] };
  twoLists?: { lincolnPetersen: { estimate: number; ci95: [number, number] }; chapman: { estimate: number } };
}

describe('vigil estimate', () => {
  let dir: string;
  const path = (name: string) => join(dir, name);
  const input = (name: string, text: string) => {
    writeFileSync(path(name), text);
    return path(name);
  };
  const estimate = async (args: string[]) => {
    const result = await vigil(['estimate', ...args]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout;
  };
  const estimateJson = async (args: string[]) => JSON.parse(await estimate([...args, '--json'])) as JsonResult;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-estimate-cli-'));
    // As Excel saves "CSV UTF-8": a byte-order mark and CRLF line ends.
    input('hiv.csv', `\uFEFF${[`${HIV_LISTS.join(',')},count`, ...HIV_ROWS.map((row) => row.join(','))].join('\r\n')}\r\n`);
    // The same people one row each, the count column left out, the rows in another order.
    const people = HIV_ROWS.toReversed().flatMap((row) => Array.from({ length: row[4]! }, () => row.slice(0, 4).join(',')));
    input('hiv-people.csv', [HIV_LISTS.join(','), ...people].join('\n'));
    const { n1, n2, m } = LUANDA;
    input('luanda.csv', `first,second,count\n1,1,${m}\n1,0,${n1 - m}\n0,1,${n2 - m}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the lists, the documented count, the estimate with its interval, every model ranked and the warnings', async () => {
    const expected = estimatePopulation(hiv);
    const table = await estimate(['--in', path('hiv.csv')]);
    const people = (n: number) => Math.round(n).toLocaleString('en');
    assert.match(table, /^Lists: 1 = c1, 2 = c2, 3 = c3, 4 = c4\nDocumented: 1,896 people on at least one list\n/);
    const [low, high] = expected.ci95!;
    assert.ok(table.includes(`Estimate: ${people(expected.estimate!)} people (95 % CI ${people(low)} – ${people(high!)}), model [12][3][4], the best by AIC\n`), table);
    assert.ok(table.includes(`of whom about ${people(expected.estimate! - 1896)} are on no list`));
    const rows = table.split('\n').filter((line) => /^ +\d+ +\[/.test(line));
    assert.equal(rows.length, 64, 'every model of four lists');
    assert.match(rows[0]!, new RegExp(`^ +1 +\\[12\\]\\[3\\]\\[4\\] +${expected.estimate!.toFixed(1)} +${low.toFixed(1)} – ${high!.toFixed(1)} +${expected.models[0]!.deviance.toFixed(3)} +9 +${expected.models[0]!.aic.toFixed(3)} +${expected.models[0]!.bic.toFixed(3)}$`));
    assert.match(rows[9]!, / – /, 'the tenth model has its interval');
    assert.doesNotMatch(rows[10]!, / – /, 'the eleventh has none unless asked');
    assert.match(table, /Read with care:\n {2}- Closed population: the estimate assumes nobody entered or left/);
    assert.match(table, /everyone was equally likely to be caught by a list/);
    const averaged = expected.averaged!;
    assert.ok(table.includes(`Averaged over the models by AIC weight: ${people(averaged.estimate)} people (95 % CI ${people(averaged.ci95[0])} – ${people(averaged.ci95[1])}; heaviest: [12][3][4]`), table);
    assert.doesNotMatch(table, /Lincoln–Petersen/, 'the two-list estimators only for two lists');
  });

  it('prints JSON with the figures the core computes, from a count column or one row per person alike', async () => {
    const expected = estimatePopulation(hiv);
    const json = await estimateJson(['--in', path('hiv.csv')]);
    assert.deepEqual(json.lists, HIV_LISTS);
    assert.equal(json.observed, 1896);
    assert.equal(json.select, 'aic');
    assert.equal(json.model, '[12][3][4]');
    assert.equal(json.estimate, expected.estimate);
    assert.deepEqual(json.ci95, expected.ci95);
    assert.equal(json.models.length, 64);
    json.models.forEach((m, rank) => {
      const { model, estimate, ci95, deviance, df, aic, bic } = expected.models[rank]!;
      assert.deepEqual({ model: m.model, estimate: m.estimate, ci95: m.ci95, deviance: m.deviance, df: m.df, aic: m.aic, bic: m.bic }, { model, estimate, ci95, deviance, df, aic, bic });
    });
    assert.equal(json.models.filter((m) => m.ci95 !== null).length, 10, 'intervals for the ten best by default');
    assert.deepEqual(json.warnings.map((w) => w.code), expected.warnings.map((w) => w.code));
    assert.ok(json.warnings.every((w) => w.message.length > 20), 'each warning with its sentence');
    assert.equal(json.twoLists, undefined);
    assert.deepEqual(json.averaged, expected.averaged);

    assert.deepEqual(await estimateJson(['--in', path('hiv-people.csv')]), json, 'one row per person gives the same');
  });

  it('fits the model given with --model alone, by list position', async () => {
    const json = await estimateJson(['--in', path('hiv.csv'), '--model', '[23][13][12][4]']);
    const expected = fitWithInterval(hiv, parseModel('[12][13][23][4]', 4))!;
    assert.equal(json.model, '[12][13][23][4]');
    assert.deepEqual(json.models.map((m) => m.model), ['[12][13][23][4]']);
    assert.equal(json.estimate, expected.estimate);
    assert.deepEqual(json.ci95, expected.ci95);
    assert.equal(json.models[0]!.df, 15 - 8);
  });

  it('ranks by BIC with --select bic, and gives every model its interval with --intervals all', async () => {
    const json = await estimateJson(['--in', path('hiv.csv'), '--select', 'bic', '--intervals', 'all']);
    const expected = estimatePopulation(hiv, { select: 'bic', intervals: 'all' });
    assert.equal(json.select, 'bic');
    assert.equal(json.model, expected.model);
    assert.equal(json.model, '[1][2][3][4]', 'BIC’s heavier penalty prefers independence here');
    assert.deepEqual(json.models.map((m) => m.bic), [...json.models.map((m) => m.bic)].sort((a, b) => a - b), 'ranked by BIC');
    assert.ok(json.models.every((m) => m.ci95 !== null), 'every model has its interval');
    const table = await estimate(['--in', path('hiv.csv'), '--select', 'bic', '--intervals', '3']);
    assert.match(table, /the best by BIC/);
    assert.match(table, /Models, best BIC first \(profile-likelihood 95 % intervals for the 3 best/);
  });

  it('with two lists, adds Lincoln–Petersen and Chapman (the SISA figures on the Luanda survey)', async () => {
    const table = await estimate(['--in', path('luanda.csv')]);
    assert.match(table, /Two lists: 792 on list 1, 353 on list 2, 45 on both\n {2}Lincoln–Petersen +6212\.8 +95 % CI 4566\.1 – 7859\.5 \(Wald\)\n {2}Chapman +\d+\.\d/);
    const json = await estimateJson(['--in', path('luanda.csv')]);
    assert.equal(json.model, '[1][2]');
    within(json.estimate, LUANDA_LINCOLN_PETERSEN.estimate, 1e-6);
    within(json.twoLists!.lincolnPetersen.estimate, LUANDA_LINCOLN_PETERSEN.estimate, 1e-4);
    within(json.twoLists!.lincolnPetersen.ci95[0], LUANDA_LINCOLN_PETERSEN.ci95[0], 1e-4);
    within(json.twoLists!.lincolnPetersen.ci95[1], LUANDA_LINCOLN_PETERSEN.ci95[1], 1e-4);
    assert.ok(json.twoLists!.chapman.estimate < json.twoLists!.lincolnPetersen.estimate);
  });

  it('is listed by vigil --help', async () => {
    const help = await vigil(['--help']);
    assert.match(help.stdout, /vigil estimate --in histories\.csv \[--model "\[12\]\[3\]"\] \[--select aic\|bic\]\n +\[--intervals all\|N\] \[--json\]/);
  });

  describe('refuses bad input with exit code 2 and one line saying what to fix', () => {
    const cases: { what: string; file?: string; args?: string[]; message: RegExp }[] = [
      { what: 'a missing file', args: ['--in', 'nowhere.csv'], message: /^.*nowhere\.csv: no such file\.$/ },
      { what: 'a folder for a file', args: ['--in', '.'], message: /^Cannot read .*vigil-estimate-cli-\w+ \(EISDIR\)\.$/ },
      { what: 'an empty file', file: '', message: /bad\.csv is empty: it needs a header row naming the lists/ },
      { what: 'a header and no one', file: 'a,b,c\n', message: /bad\.csv counts nobody: it needs at least one person on some list\.$/ },
      { what: 'a quote never closed', file: 'a,b\n1,0\n"1,1\n', message: /bad\.csv: broken quoting: the CSV ends inside a quoted cell opened on line 3\.$/ },
      { what: 'semicolons for commas', file: 'a;b;count\n1;0;3\n', message: /seem separated by ";"\. Save the file as CSV with commas/ },
      { what: 'a list column with no name', file: 'a,,c\n1,0,1\n', message: /column 2 of the header has no name/ },
      { what: 'a column twice', file: 'form,lawyers,Form\n1,0,1\n', message: /the column "Form" is in the header twice\.$/ },
      { what: 'one list', file: 'form,count\n1,12\n', message: /the header names 1 list \(form\); an estimate needs between 2 and 8 lists, one 0\/1 column each\.$/ },
      { what: 'nine lists', file: 'a,b,c,d,e,f,g,h,i\n1,0,0,0,0,0,0,0,1\n', message: /the header names 9 lists \(a, b, c, d, e, f, g, h, i\); an estimate needs between 2 and 8 lists/ },
      { what: 'a row with too few cells', file: 'a,b,c,count\n1,0,1,4\n1,1,3\n', message: /bad\.csv, row 3: the row has 3 cells where the header has 4\.$/ },
      { what: 'a row with too many cells', file: 'a,b,c\n1,0,1\n1,1,0,1\n', message: /row 3: the row has 4 cells where the header has 3\.$/ },
      { what: 'a 2 in a list column', file: 'form,lawyers\n1,0\n2,1\n', message: /row 3: the row has "2" for the list "form", where only 0 \(not on the list\) or 1 \(on it\) is allowed\.$/ },
      { what: 'a yes in a list column', file: 'form,lawyers\n1,yes\n', message: /row 2: the row has "yes" for the list "lawyers"/ },
      { what: 'an empty list cell', file: 'form,lawyers\n1,\n', message: /row 2: the row has "" for the list "lawyers"/ },
      { what: 'a negative count', file: 'a,b,count\n1,0,5\n0,1,-3\n', message: /row 3: the row has the count "-3"; a count cannot be negative\.$/ },
      { what: 'a fractional count', file: 'a,b,count\n1,0,2.5\n', message: /row 2: the row has the count "2\.5", which is not a whole number of people/ },
      { what: 'an empty count', file: 'a,b,count\n1,0,\n', message: /row 2: the row has the count "", which is not a whole number of people/ },
      { what: 'people on no list', file: 'a,b,count\n1,1,4\n0,0,7\n', message: /row 3: the row has 0 for every list: a person no list saw cannot be counted/ },
      { what: 'an unknown option', args: ['--in', 'hiv.csv', '--bootstrap'], message: /^Unknown option '--bootstrap'/ },
      { what: 'no --in', args: ['--json'], message: /^estimate needs --in\.$/ },
      { what: 'another criterion', args: ['--in', 'hiv.csv', '--select', 'dic'], message: /^--select is aic or bic, not "dic"\.$/ },
      { what: 'no interval', args: ['--in', 'hiv.csv', '--intervals', '0'], message: /^--intervals is "all" or a number of models from 1 up, not "0"\.$/ },
      { what: 'a model without brackets', args: ['--in', 'hiv.csv', '--model', '12,3,4'], message: /^--model "12,3,4" is not a model; write each term in brackets by list position, e\.g\. "\[12\]\[3\]"/ },
      { what: 'a model naming list 5 of 4', args: ['--in', 'hiv.csv', '--model', '[15][2][3][4]'], message: /^--model "\[15\]\[2\]\[3\]\[4\]" names list 5, which the file does not have \(the file has 4 lists: 1 = c1, 2 = c2, 3 = c3, 4 = c4\)\.$/ },
      { what: 'a model leaving out a list', args: ['--in', 'hiv.csv', '--model', '[12][3]'], message: /^--model "\[12\]\[3\]" leaves out a list; every list must appear/ },
      { what: 'a three-way interaction', args: ['--in', 'hiv.csv', '--model', '[123][4]'], message: /^--model "\[123\]\[4\]" has an interaction of more than two lists/ },
      { what: 'a list that saw nobody', file: 'a,b,c,count\n1,0,0,5\n0,1,0,4\n1,1,0,2\n', message: /bad\.csv: the list "c" saw nobody; leave its column out/ },
      { what: 'more people than counts can hold', file: 'a,b,count\n1,0,9000000000000000\n0,1,9000000000000000\n1,1,5\n', message: /bad\.csv counts 18,000,000,000,000,00\d people; at most 1,000,000,000 can be counted\.$/ },
      { what: 'a singular model', args: ['--in', 'luanda.csv', '--model', '[12]'], message: /^The model \[12\] cannot be fitted on these counts \(its equations are singular/ },
    ];
    for (const c of cases) {
      it(c.what, async () => {
        if (c.file !== undefined) input('bad.csv', c.file);
        const result = await vigil(['estimate', ...(c.args ?? ['--in', 'bad.csv'])].map((a) => (a.endsWith('.csv') || a === '.' ? path(a) : a)));
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr.split('\n')[0]!, c.message);
        if (!c.what.includes('option') && c.what !== 'no --in') assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
        assert.doesNotMatch(result.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
        assert.equal(result.stdout, '', 'no estimate printed');
      });
    }
  });
});
