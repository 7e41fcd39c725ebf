// Reading a spreadsheet saved as CSV, shared by the commands that take one (`vigil link`,
// `vigil estimate`): UTF-8 only, a byte-order mark allowed, empty lines skipped, one record at a time
// with the file's line where it ends. What the file itself gets wrong — unreadable, not UTF-8, broken
// quoting, cells separated by something else than commas — stops the command (a CliFailure) with the
// place to fix; each command checks its own columns and values.
import { createReadStream } from 'node:fs';
import { CsvError, parse, type Parser } from 'csv-parse';
import { CliFailure } from './failure.ts';

/**
 * Hands every record to `onRecord` with the line where it ends (its spreadsheet row, unless a cell
 * spans lines); a CliFailure thrown there stops the reading and is passed on.
 */
export async function readCsv(path: string, onRecord: (cells: string[], line: number) => void): Promise<void> {
  // The cell count is left to the command, which says which row and why (a comma in a name).
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  // fatal: a file saved in another encoding (Windows-1251 from a Russian Excel) is refused, not garbled.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fed = feed(parser, path, decoder);
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      onRecord(record, info.lines);
      lastLine = info.lines;
    }
    await fed;
  } catch (error) {
    parser.destroy();
    await fed.catch(() => undefined);
    if (error instanceof CliFailure) throw error;
    if (error instanceof CsvError) throw new CliFailure(`${path}: broken quoting: ${quotingProblem(error, lastLine + 1)}.`);
    throw error;
  }
}

/** A header of one cell holding semicolons or tabs: a spreadsheet saved with another separator. */
export function refuseOtherSeparators(path: string, header: readonly string[]): void {
  if (header.length === 1 && /[;\t]/.test(header[0]!)) {
    throw new CliFailure(`${path}: the header has no commas; the cells seem separated by "${header[0]!.includes(';') ? ';' : 'tabs'}". Save the file as CSV with commas (CSV UTF-8).`);
  }
}

/** The file into the parser as text, refused when unreadable or not UTF-8. */
async function feed(parser: Parser, path: string, decoder: TextDecoder): Promise<void> {
  try {
    for await (const chunk of createReadStream(path)) {
      if (parser.destroyed) return; // the parser found a problem: reading on is pointless
      // Wait while the parser is full — or stop, when it has closed on a problem of its own.
      if (!parser.write(decode(decoder, chunk as Buffer, path))) await drainedOrClosed(parser);
    }
    if (parser.destroyed) return;
    parser.end(decode(decoder, Buffer.alloc(0), path));
  } catch (error) {
    const failure =
      error instanceof CliFailure ? error
      : (error as NodeJS.ErrnoException).code === 'ENOENT' ? new CliFailure(`${path}: no such file.`)
      : new CliFailure(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    parser.destroy(failure);
    throw failure;
  }
}

/** Resolves when the parser has room again — or has closed on a problem of its own — leaving no listener behind (a large file waits many times). */
function drainedOrClosed(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.once('drain', done);
    parser.once('close', done);
  });
}

/** csv-parse's findings in the words of someone who made the file in a spreadsheet or by hand. */
function quotingProblem(error: CsvError, recordStart: number): string {
  const line = (error as CsvError & { lines?: number }).lines;
  // The quote was opened in the record after the last one read whole.
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `the CSV ends inside a quoted cell opened on line ${recordStart}`;
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return `text after a closing quote on line ${line} (a quote inside a cell is written twice: "")`;
  }
  return `${error.message.replace(/^Invalid Record Length: |\.$/g, '')} (line ${line})`;
}

function decode(decoder: TextDecoder, chunk: Buffer, path: string): string {
  try {
    return decoder.decode(chunk, { stream: chunk.length > 0 });
  } catch {
    throw new CliFailure(`${path} is not UTF-8 text. Save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8).`);
  }
}
