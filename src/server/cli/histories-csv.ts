// The capture histories `vigil estimate` reads: a CSV with a header, UTF-8. Every column is a list
// (the header names it) holding 0 or 1 — whether that list saw the person — except an optional
// `count` column: how many people share the row's pattern. Without it each row is one person. Any
// value the file gets wrong stops the command with the row to fix (a CliFailure): a cell silently
// read as 0 would change the overlaps, and so the estimate.
import { historiesFromRows, listTotal, MAX_LISTS, MIN_LISTS, type CaptureHistories } from '../../core/estimate/histories.ts';
import { readCsv, refuseOtherSeparators } from './csv-file.ts';
import { CliFailure } from './failure.ts';

/** No documentation counts more people; a larger total is a typo, and near 2⁵³ sums stop being exact. */
const MAX_PEOPLE = 1_000_000_000;

export const COUNT_COLUMN = 'count';

export interface HistoriesFile {
  /** The lists' names, from the header, in column order: list 1 of the model notation first. */
  lists: string[];
  histories: CaptureHistories;
}

export async function readHistories(path: string): Promise<HistoriesFile> {
  const table = new HistoriesTable(path);
  await readCsv(path, (cells, line) => table.add(cells, line));
  return table.finish();
}

/** The rows as they arrive: the header first, then one pattern per row, checked one by one. */
class HistoriesTable {
  private lists: string[] | null = null;
  /** Where the list columns are; the count column's place, or null without one. */
  private listAt: number[] = [];
  private countAt: number | null = null;
  private width = 0;
  private row = 1;
  private readonly rows: { pattern: number[]; count: number }[] = [];

  constructor(private readonly path: string) {}

  add(cells: string[], line: number): void {
    this.row = line;
    if (this.lists === null) return this.readHeader(cells);
    if (cells.length !== this.width) this.fail(`has ${cells.length} cells where the header has ${this.width}`);
    const pattern = this.listAt.map((at, list) => this.seen(cells[at]!.trim(), list));
    const count = this.countAt === null ? 1 : this.count(cells[this.countAt]!.trim());
    // Pattern 0 is who we estimate: nobody can be documented as seen by no list.
    if (count > 0 && !pattern.includes(1)) this.fail(`has 0 for every list: a person no list saw cannot be counted (the estimate is of them)`);
    this.rows.push({ pattern, count });
  }

  finish(): HistoriesFile {
    if (this.lists === null) throw new CliFailure(`${this.path} is empty: it needs a header row naming the lists (and optionally "count"), then one row per person or per pattern.`);
    if (!this.rows.some((r) => r.count > 0)) throw new CliFailure(`${this.path} counts nobody: it needs at least one person on some list.`);
    const total = this.rows.reduce((sum, r) => sum + r.count, 0);
    if (total > MAX_PEOPLE) throw new CliFailure(`${this.path} counts ${total.toLocaleString('en')} people; at most ${MAX_PEOPLE.toLocaleString('en')} can be counted.`);
    const histories = historiesFromRows(this.rows);
    // A list that saw nobody has no overlap with any other: no model can say anything about it.
    const empty = this.lists.findIndex((_, list) => listTotal(histories, list) === 0);
    if (empty >= 0) throw new CliFailure(`${this.path}: the list "${this.lists[empty]}" saw nobody; leave its column out, since an estimate needs lists that each saw someone.`);
    return { lists: this.lists, histories };
  }

  private readHeader(cells: string[]): void {
    const names = cells.map((c) => c.trim());
    refuseOtherSeparators(this.path, names);
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (!name) throw new CliFailure(`${this.path}: column ${i + 1} of the header has no name; every column is a list named in the header (or "count").`);
      if (seen.has(name.toLowerCase())) throw new CliFailure(`${this.path}: the column "${name}" is in the header twice.`);
      seen.add(name.toLowerCase());
      if (name.toLowerCase() === COUNT_COLUMN) this.countAt = i;
      else this.listAt.push(i);
    });
    const lists = this.listAt.map((i) => names[i]!);
    if (lists.length < MIN_LISTS || lists.length > MAX_LISTS) {
      throw new CliFailure(`${this.path}: the header names ${lists.length} list${lists.length === 1 ? '' : 's'} (${lists.join(', ') || 'none'}); an estimate needs between ${MIN_LISTS} and ${MAX_LISTS} lists, one 0/1 column each.`);
    }
    this.lists = lists;
    this.width = cells.length;
  }

  private seen(text: string, list: number): number {
    if (text !== '0' && text !== '1') this.fail(`has "${text}" for the list "${this.lists![list]}", where only 0 (not on the list) or 1 (on it) is allowed`);
    return Number(text);
  }

  private count(text: string): number {
    if (/^-\d+(\.\d*)?$/.test(text)) this.fail(`has the count "${text}"; a count cannot be negative`);
    const count = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(count)) this.fail(`has the count "${text}", which is not a whole number of people (e.g. 12; 0 for a pattern nobody has)`);
    return count;
  }

  private fail(problem: string): never {
    throw new CliFailure(`${this.path}, row ${this.row}: the row ${problem}.`);
  }
}
