// The published capture–recapture datasets of test/reference (cited in its README), as capture histories.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { historiesFromRows, type CaptureHistories } from '../../src/core/estimate/histories.ts';

const folder = new URL('../reference/', import.meta.url);

export const referenceCsvPath = (name: string) => new URL(`${name}.csv`, folder).pathname;

export const readReferenceCsv = (name: string) => parse(readFileSync(new URL(`${name}.csv`, folder)), { columns: true, cast: true }) as Record<string, number | string>[];

const loaded = new Map<string, CaptureHistories>();

/** One 0/1 column per list, then `count`. */
export function referenceDataset(name: string): CaptureHistories {
  if (!loaded.has(name)) {
    const rows = readReferenceCsv(name).map(({ count, ...lists }) => ({ pattern: Object.values(lists).map(Number), count: Number(count) }));
    loaded.set(name, historiesFromRows(rows));
  }
  return loaded.get(name)!;
}
