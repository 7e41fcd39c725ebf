// `vigil link`: finds the records of one person in a spreadsheet (issue 11), on this machine — the
// names are read, compared and forgotten here and never go to the network. Reads people.csv
// (people-csv.ts), links with the engine (src/core/linkage), writes the clusters and optionally
// the scored pairs (link-output.ts). Bad input stops it with exit code 2 before anything is written.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { linkPeople, type LinkStage } from '../../core/linkage/link.ts';
import type { LinkagePerson } from '../../core/linkage/compare.ts';
import { CliFailure, runCommand } from './failure.ts';
import { optionsOf, withUsage } from './options.ts';
import { readPeople } from './people-csv.ts';
import { clustersCsv, pairsCsv, writeAllOrNothing } from './link-output.ts';
import { progressLine, terminalProgress } from './progress.ts';
import { LINK_USAGE } from './usage.ts';

const UNITS: Record<LinkStage, string> = { preparing: 'records', comparing: 'pairs', fitting: 'steps', clustering: 'steps' };

export const linkCommand = (args: string[]): Promise<void> => runCommand(() => runLink(args));

async function runLink(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const progress = terminalProgress();
  const startedAt = performance.now();
  let stageStartedAt = startedAt;
  let people: LinkagePerson[];
  try {
    people = await readPeople(options.in, (rows) => progress.draw(`reading   ${progressLine(rows, null, startedAt)}`));
  } catch (error) {
    throw error instanceof CliFailure ? new CliFailure(`${error.message} Nothing was written.`) : error;
  } finally {
    progress.finish();
  }

  let current: LinkStage | null = null;
  const linkage = linkPeople(people, {
    onProgress: (stage, done, total) => {
      if (stage !== current) [current, stageStartedAt] = [stage, performance.now()];
      progress.draw(`${stage.padEnd(10)}${progressLine(done, total, stageStartedAt, UNITS[stage])}`, done === 0);
    },
  });
  progress.finish();

  const files = [{ path: options.out, text: clustersCsv(people, linkage.clusterOf) }];
  if (options.pairs) files.push({ path: options.pairs, text: pairsCsv(linkage.suggestions, people, linkage.clusterOf) });
  await writeAllOrNothing(files);

  const clusters = new Set(linkage.clusterOf).size;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const n = (value: number) => value.toLocaleString('en');
  const pairs = options.pairs ? ` and ${n(linkage.suggestions.length)} scored pairs to ${options.pairs}` : '';
  process.stderr.write(`Linked ${n(people.length)} records: ${n(clusters)} people, ${n(people.length - clusters)} records joined to another of the same person; ${n(linkage.pairsCompared)} pairs compared in ${seconds} s. Wrote ${options.out}${pairs}.\n`);
}

interface LinkOptions {
  in: string;
  out: string;
  pairs: string | undefined;
}

/** The options, checked before anything is read: an output that exists is kept unless --force. */
function parseOptions(args: string[]): LinkOptions {
  const values = optionsOf(args, { in: { type: 'string' }, out: { type: 'string' }, pairs: { type: 'string' }, force: { type: 'boolean' } }, withUsage(LINK_USAGE));
  if (!values.in || !values.out) throw new CliFailure(`link needs --in and --out.\n\nUsage:\n${LINK_USAGE}`);
  const paths = [values.in, values.out, values.pairs].filter((p): p is string => !!p).map((p) => resolve(p));
  if (new Set(paths).size !== paths.length) throw new CliFailure('--in, --out and --pairs must be three different files.');
  for (const output of [values.out, values.pairs]) {
    if (output && existsSync(output) && !values.force) throw new CliFailure(`${output} exists already. Give another file, or --force to overwrite it.`);
  }
  return { in: values.in, out: values.out, pairs: values.pairs };
}
