// CSV writing, ours against csv-stringify (issue 16 asked whether a maintained library should
// write the exports). Formats BENCH_CSV_ROWS (1,000,000) rows shaped like an export's default
// columns — 38 cells, mostly short codes and dates, the custody ones empty on 7 acts in 8 — into
// 64 KB pieces thrown away, as the export route does; the writers take turns, five rounds each,
// and the medians are compared. Memory: the highest heap seen at a piece in each run, over the
// heap before it (flat means it does not grow with the rows). Both writers are asked for the same
// bytes: CRLF line ends, quotes only where needed, the formula guard on.
// `node --import tsx bench/csv-writer.ts` for the comparison; `… --writer ours|library|library-batch`
// formats once and exits (for farm-bench, to compare whole processes' peak memory).
import { stringify, type Options } from 'csv-stringify/sync';
import { csvLine } from '../src/core/exports/csv.ts';
import type { Cell } from '../src/core/exports/fields.ts';

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_CSV_ROUNDS ?? 5);
const PIECE = 64 * 1024;
const BATCH = 1000;

/** The library told to write what ours writes (a lone CR quoted too, which it leaves bare once CRLF is chosen). */
const LIBRARY: Options = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true };

/** One export row: the event, victim and act columns always, custody ones on every eighth. */
function exportRow(i: number): Cell[] {
  const date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const detained = i % 8 === 0;
  const custody: Cell[] = detained
    ? [i % 3 ? 'released' : 'held', `place-${i % 20}`, `Police station ${i % 20}, Baku`, date, 'ngo', 'unknown', null, null, null, 'detention', date, null, 30, null, date, null, i % 3 ? date : null]
    : new Array(17).fill(null);
  return [
    `I-${i % 5000}`, date, 'day', null, 'unknown', 'open',
    `P-${i % 200000}`, 'individual', null, '26-35', ['none', 'un', 'public'][i % 3]!, ['name', 'initials', 'anonymous'][i % 3]!, 'high',
    `A-${i}`, detained ? 'arbitrary-detention' : 'threat', detained ? 'Arbitrary detention' : 'Threat, "verbal"', date, 'day', null, 'unknown', `place-${i % 20}`, `Police station ${i % 20}, Baku`,
    ...custody,
  ];
}

const SAMPLE = Array.from({ length: BATCH }, (_, i) => exportRow(i));
const rowAt = (i: number) => SAMPLE[i % BATCH]!;

type Writer = 'ours' | 'library' | 'library-batch';
const WRITERS: readonly Writer[] = ['ours', 'library', 'library-batch'];

interface Run {
  seconds: number;
  bytes: number;
  /** Highest heap at a piece, over the heap before the run, MB. */
  heapGrowthMb: number;
}

/** Writes ROWS rows into pieces, as the export route does, and counts what comes out. */
function format(writer: Writer): Run {
  const heapBefore = process.memoryUsage().heapUsed;
  let heapHigh = heapBefore;
  let bytes = 0;
  let out = '';
  const piece = () => {
    bytes += out.length;
    out = '';
    heapHigh = Math.max(heapHigh, process.memoryUsage().heapUsed);
  };
  const start = performance.now();
  if (writer === 'library-batch') {
    // The library at its best: a thousand rows to each call, its options read once per call.
    for (let from = 0; from < ROWS; from += BATCH) {
      out += stringify(from + BATCH <= ROWS ? SAMPLE : SAMPLE.slice(0, ROWS - from), LIBRARY);
      if (out.length >= PIECE) piece();
    }
  } else {
    const line = writer === 'ours' ? csvLine : (cells: readonly Cell[]) => stringify([cells as Cell[]], LIBRARY);
    for (let i = 0; i < ROWS; i++) {
      out += line(rowAt(i));
      if (out.length >= PIECE) piece();
    }
  }
  piece();
  return { seconds: (performance.now() - start) / 1000, bytes, heapGrowthMb: (heapHigh - heapBefore) / 2 ** 20 };
}

/** The writers must agree byte for byte on the sample (and on the cells the guard is about), or the times mean nothing. */
function checkSameBytes(): void {
  const tricky: Cell[][] = [['=1+1', '+1', '-1', '@x', '\tx', '\rx', "'=x"], ['a,b', 'say "hi"', 'two\r\nlines', 'x\ry', '', null, -5, 30]];
  for (const rows of [SAMPLE, tricky]) {
    const ours = rows.map(csvLine).join('');
    if (ours !== stringify(rows, LIBRARY)) throw new Error('csv-stringify does not write what ours writes: the comparison would be unfair');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runCsvWriterBench(): void {
  checkSameBytes();
  const runs = new Map<Writer, Run[]>(WRITERS.map((w) => [w, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const writer of WRITERS) {
      process.stderr.write(`  round ${round + 1}: ${writer}…\r`);
      runs.get(writer)!.push(format(writer));
    }
  }
  process.stderr.write('\n');
  const ours = median(runs.get('ours')!.map((r) => r.seconds));
  console.log(`\nCSV writing: ${ROWS.toLocaleString('en')} export-shaped rows (38 cells) into 64 KB pieces, ${ROUNDS} rounds, writers in turn; medians`);
  console.table(
    WRITERS.map((writer) => {
      const seconds = median(runs.get(writer)!.map((r) => r.seconds));
      return {
        writer,
        seconds: seconds.toFixed(2),
        'rows/s': Math.round(ROWS / seconds),
        'time vs ours': `${(seconds / ours).toFixed(2)}×`,
        'MB written': (runs.get(writer)![0]!.bytes / 1e6).toFixed(0),
        'heap growth MB (median / max)': `${median(runs.get(writer)!.map((r) => r.heapGrowthMb)).toFixed(0)} / ${Math.max(...runs.get(writer)!.map((r) => r.heapGrowthMb)).toFixed(0)}`,
      };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--writer');
  if (at < 0) runCsvWriterBench();
  else {
    const writer = process.argv[at + 1] as Writer;
    if (!WRITERS.includes(writer)) throw new Error(`--writer ${WRITERS.join('|')}`);
    const run = format(writer);
    console.log(`${writer}: ${run.seconds.toFixed(2)} s, ${(run.bytes / 1e6).toFixed(0)} MB`);
  }
}
