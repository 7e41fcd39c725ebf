// `vigil estimate`: how many people no list documented (issue 12), from a spreadsheet of capture
// histories (histories-csv.ts), with the same core as the workspace (src/core/estimate): every
// log-linear model ranked by AIC or BIC, or the one given with --model; printed as a table or as JSON
// (estimate-output.ts). Bad input stops it with exit code 2 and the place to fix.
import { parseModel, ModelNotationError, type LogLinearModel } from '../../core/estimate/models.ts';
import { DEFAULT_INTERVALS, estimatePopulation, type Criterion } from '../../core/estimate/select.ts';
import { CliFailure, runCommand } from './failure.ts';
import { optionsOf, withUsage } from './options.ts';
import { readHistories } from './histories-csv.ts';
import { estimateJson, estimateTable } from './estimate-output.ts';
import { ESTIMATE_USAGE } from './usage.ts';

const CRITERIA: readonly Criterion[] = ['aic', 'bic'];

interface EstimateOptions {
  in: string;
  model: string | undefined;
  select: Criterion;
  intervals: number | 'all';
  json: boolean;
}

export const estimateCommand = (args: string[]): Promise<void> => runCommand(() => runEstimate(args));

async function runEstimate(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const { lists, histories } = await readHistories(options.in);
  const model = options.model === undefined ? undefined : modelOf(options.model, lists);
  const result = estimatePopulation(histories, { select: options.select, intervals: options.intervals, models: model && [model] });
  if (result.model === null) {
    throw new CliFailure(
      model ? `The model ${options.model} cannot be fitted on these counts (its equations are singular: too many interactions for the patterns observed, or a pattern it needs has nobody). Try a simpler model.`
      : 'No model could be fitted on these counts: the lists overlap too little to estimate anything.',
    );
  }
  const report = { lists, histories, result };
  process.stdout.write(options.json ? estimateJson(report) : estimateTable(report, options.intervals));
}

function parseOptions(args: string[]): EstimateOptions {
  const values = optionsOf(args, { in: { type: 'string' }, model: { type: 'string' }, select: { type: 'string' }, intervals: { type: 'string' }, json: { type: 'boolean' } }, withUsage(ESTIMATE_USAGE));
  if (!values.in) throw new CliFailure(`estimate needs --in.\n\nUsage:\n${ESTIMATE_USAGE}`);
  const select = (values.select ?? 'aic').toLowerCase() as Criterion;
  if (!CRITERIA.includes(select)) throw new CliFailure(`--select is aic or bic, not "${values.select}".`);
  return { in: values.in, model: values.model, select, intervals: intervalsOf(values.intervals), json: values.json ?? false };
}

/** --intervals: "all", or how many of the best ranked models get a profile interval (at least 1). */
function intervalsOf(text: string | undefined): number | 'all' {
  if (text === undefined) return DEFAULT_INTERVALS;
  if (text.toLowerCase() === 'all') return 'all';
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliFailure(`--intervals is "all" or a number of models from 1 up, not "${text}".`);
  return Number(text);
}

/** --model in the notation by list position, checked against the file's lists. */
function modelOf(text: string, lists: readonly string[]): LogLinearModel {
  try {
    return parseModel(text, lists.length);
  } catch (error) {
    if (!(error instanceof ModelNotationError)) throw error;
    const legend = `the file has ${lists.length} lists: ${lists.map((name, i) => `${i + 1} = ${name}`).join(', ')}`;
    const problem: Record<ModelNotationError['code'], string> = {
      'model-syntax': 'is not a model; write each term in brackets by list position, e.g. "[12][3]" (lists 1 and 2 depend on each other) or "[1][2][3]" (independence)',
      'model-list': `names ${listsBeyond(text, lists.length)}, which the file does not have (${legend})`,
      'model-higher-order': 'has an interaction of more than two lists; only two-way interactions are fitted, e.g. "[12][13][23]"',
      'model-missing-list': `leaves out a list; every list must appear, alone or in a pair (${legend})`,
    };
    throw new CliFailure(`--model "${text}" ${problem[error.code]}.`);
  }
}

/** The list numbers a model names beyond the file's lists: "list 4", "lists 0 and 9". */
function listsBeyond(text: string, lists: number): string {
  const beyond = [...new Set([...text].filter((c) => /\d/.test(c)).map(Number))].filter((list) => list < 1 || list > lists);
  return `list${beyond.length === 1 ? '' : 's'} ${beyond.join(' and ')}`;
}
