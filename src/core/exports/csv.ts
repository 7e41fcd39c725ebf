// CSV as RFC 4180 says (CRLF line ends, fields quoted when they hold a quote, comma, CR or LF;
// quotes doubled), UTF-8. A spreadsheet runs a cell that starts with = + - @ TAB or CR as a
// formula (CSV injection, e.g. =HYPERLINK(...) leaking data), so such a cell gets a leading
// apostrophe: it then shows as text. Applying it twice changes nothing.
//
// Written here rather than by csv-stringify and csv-parse (issue 16 measured both): on export-shaped
// rows csv-stringify took 2.6× our time (bench/csv-writer.ts) and csv-parse 5× the reader's, and
// their browser builds would add some 10 and 25 KB (gzip) to the workspace against our 0.5 KB. The
// CLI reads people's own spreadsheets with csv-parse (server/cli/csv-file.ts): there its error
// reporting matters more than speed.
import type { Cell } from './fields.ts';

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return verbatimCell(typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text);
}

/**
 * A cell exactly as given, only quoted as CSV needs: for text that must come back unchanged, such
 * as ids a user's own file gave, which a leading apostrophe would no longer match.
 */
export const verbatimCell = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * Splits CSV text arriving in pieces into records (arrays of cell strings), quotes undone. Feed
 * it chunks; it returns the records completed so far and keeps the incomplete tail.
 */
export class CsvReader {
  private cell = '';
  private record: string[] = [];
  private quoted = false;
  /** Just saw a closing-or-doubled quote inside a quoted cell. */
  private quoteSeen = false;
  private afterCr = false;

  push(text: string): string[][] {
    const done: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.cell += '"';
            continue;
          }
          this.quoted = false; // the quote closed the cell; fall through to read c unquoted
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.cell += c;
          continue;
        }
      }
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (c === '"' && this.cell === '') this.quoted = true;
      else if (c === ',') {
        this.record.push(this.cell);
        this.cell = '';
      } else if (c === '\r' || c === '\n') {
        this.record.push(this.cell);
        done.push(this.record);
        this.record = [];
        this.cell = '';
        this.afterCr = c === '\r';
      } else this.cell += c;
    }
    return done;
  }

  /** The last record when the text did not end with a line break; null if none. */
  end(): string[] | null {
    if (this.quoted && this.quoteSeen) this.quoted = false;
    if (this.quoted) throw new Error('the CSV ends inside a quoted cell');
    if (this.cell === '' && this.record.length === 0) return null;
    this.record.push(this.cell);
    const last = this.record;
    this.record = [];
    this.cell = '';
    return last;
  }
}
