// The people list `vigil link` reads: a CSV with a header, UTF-8. `id` and `name` are required;
// `other_names` (separated by ;), `birth_year`, `city` and `event_date` (YYYY-MM-DD) are optional;
// other columns are ignored. Anything the file gets wrong stops the command with the row to fix
// (a CliFailure): a value silently dropped could join two people or split one.
import type { LinkagePerson } from '../../core/linkage/compare.ts';
import { readCsv, refuseOtherSeparators } from './csv-file.ts';
import { CliFailure } from './failure.ts';

/** More rows than this are refused before any linking (the issue: 500,000 rows get a clear message). */
export const MAX_PEOPLE = 200_000;

const COLUMNS = ['id', 'name', 'other_names', 'birth_year', 'city', 'event_date'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'name'];

/** Reads and checks the whole list; `onRows` sees the count as it grows. */
export async function readPeople(path: string, onRows?: (rows: number) => void): Promise<LinkagePerson[]> {
  const list = new PeopleList(path);
  await readCsv(path, (cells, line) => {
    list.add(cells, line);
    if (list.people.length % 10_000 === 0) onRows?.(list.people.length);
  });
  onRows?.(list.people.length);
  return list.finish();
}

/** The rows as they arrive: the header first, then one person per row, checked one by one. */
class PeopleList {
  readonly people: LinkagePerson[] = [];
  private at: Partial<Record<Column, number>> | null = null;
  private width = 0;
  /** The spreadsheet's row number of the record being read (the header is row 1). */
  private row = 1;
  private readonly rowOfId = new Map<string, number>();

  constructor(private readonly path: string) {}

  /** `line`: the file's line where the record ends (its spreadsheet row, unless a cell spans lines). */
  add(cells: string[], line: number): void {
    this.row = line;
    if (this.at === null) return this.readHeader(cells);
    if (cells.length !== this.width) this.fail(`has ${cells.length} cells where the header has ${this.width} (a comma inside a name needs the cell in quotes)`);
    if (this.people.length === MAX_PEOPLE) {
      throw new CliFailure(`${this.path} has more than ${MAX_PEOPLE.toLocaleString('en')} people; vigil link takes at most ${MAX_PEOPLE.toLocaleString('en')} rows.`);
    }
    const cell = (column: Column) => (this.at![column] === undefined ? '' : cells[this.at![column]!]!.trim());
    const id = cell('id');
    if (!id) this.fail('has no id');
    const earlier = this.rowOfId.get(id);
    if (earlier !== undefined) this.fail(`has the id "${id}" that row ${earlier} has already; every id must be different`);
    this.rowOfId.set(id, this.row);
    this.people.push({
      id,
      name: cell('name'),
      otherNames: cell('other_names').split(';').map((n) => n.trim()).filter(Boolean),
      birthYear: this.year(cell('birth_year')),
      place: cell('city') || null,
      eventDate: this.date(cell('event_date')),
    });
  }

  finish(): LinkagePerson[] {
    if (this.at === null) throw new CliFailure(`${this.path} is empty: it needs a header row (id,name,…) and one row per person.`);
    return this.people;
  }

  private readHeader(cells: string[]): void {
    const names = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim().toLowerCase());
    refuseOtherSeparators(this.path, names);
    const at: Partial<Record<Column, number>> = {};
    names.forEach((name, i) => {
      if (!(COLUMNS as readonly string[]).includes(name)) return;
      if (at[name as Column] !== undefined) throw new CliFailure(`${this.path}: the column "${name}" is in the header twice.`);
      at[name as Column] = i;
    });
    const missing = REQUIRED.filter((c) => at[c] === undefined);
    if (missing.length) throw new CliFailure(`${this.path}: the header has no column ${missing.map((c) => `"${c}"`).join(' and no column ')}. The columns are: id, name (required), other_names, birth_year, city, event_date.`);
    this.at = at;
    this.width = cells.length;
  }

  /** Empty is unknown; otherwise four digits, not before 1900 nor in the future. */
  private year(text: string): number | null {
    if (!text) return null;
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= 1900 && year <= new Date().getUTCFullYear())) this.fail(`has birth_year "${text}", which is not a year (four digits, e.g. 1990; leave it empty when not known)`);
    return year;
  }

  /** Empty is unknown; otherwise a real day as YYYY-MM-DD. */
  private date(text: string): string | null {
    if (!text) return null;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) this.fail(`has event_date "${text}", which is not a date as YYYY-MM-DD (e.g. 2026-10-05; leave it empty when not known)`);
    return text;
  }

  private fail(problem: string): never {
    throw new CliFailure(`${this.path}, row ${this.row}: the row ${problem}.`);
  }
}
