// Published capture–recapture data, shared by the estimation tests (core, Rcapture comparison, command
// line). The datasets of test/reference are cited in its README; the HIV lists are there as hiv-rome.csv
// (Abeni, Brancato & Perucci 1994, as bundled in Rcapture 1.4-4, whose help page says "1774 out of 1896
// individuals (94%) appear on one list only" and, after fitting every pairwise interaction, "only the
// [1,2] interaction is important").
// - Luanda: n1 = 792 people given a unique object, n2 = 353 in the second capture, m = 45 recaptures
//   (Population Size, HIV, and Behavior Among MSM in Luanda, Angola: Challenges and Findings in the First
//   Ever HIV and Syphilis Biological and Behavioral Survey, PMC4733005); the SISA capture–recapture
//   calculator's interval (4566.095, 7859.505), as reported in the triangulator documentation
//   (github.com/fellstat/triangulator, docs/prop.md).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { historiesFromRows, type CaptureHistories } from '../../src/core/estimate/histories.ts';

const folder = new URL('../reference/', import.meta.url);

export const readReferenceCsv = (name: string) => parse(readFileSync(new URL(`${name}.csv`, folder)), { columns: true, cast: true }) as Record<string, number | string>[];

const loaded = new Map<string, CaptureHistories>();

/** A dataset of test/reference: one 0/1 column per list, then `count`. */
export function referenceDataset(name: string): CaptureHistories {
  if (!loaded.has(name)) {
    const rows = readReferenceCsv(name).map(({ count, ...lists }) => ({ pattern: Object.values(lists).map(Number), count: Number(count) }));
    loaded.set(name, historiesFromRows(rows));
  }
  return loaded.get(name)!;
}

/** The HIV lists as rows: four 0/1 list columns, then the count of people with that pattern. */
export const HIV_ROWS = readReferenceCsv('hiv-rome').map((row) => Object.values(row).map(Number));

export const LUANDA = { n1: 792, n2: 353, m: 45 };
/** Lincoln–Petersen on LUANDA and its Wald interval, as the SISA calculator gives them. */
export const LUANDA_LINCOLN_PETERSEN = { estimate: 6212.8, ci95: [4566.095, 7859.505] as const };
