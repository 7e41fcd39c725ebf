// The JSON form of an export, written a piece at a time so neither side ever holds it whole:
//   {"schema":"vigil-export/1","exportedAt":"…","language":"en","filters":{…},"fields":[…],"rows":[
//   {…one row…},
//   {…}
//   ],"rowCount":N}
// Exactly one row per line (JSON.stringify never emits a raw line break), so a reader can take
// it line by line; the closing "rowCount" shows that nothing was cut off.
import { EXPORT_SCHEMA, type Cell } from './fields.ts';

export interface ExportHeader {
  exportedAt: string;
  language: string;
  filters: { from: string | null; to: string | null; incident: string | null };
  fields: string[];
}

export function jsonHead(header: ExportHeader): string {
  return `${JSON.stringify({ schema: EXPORT_SCHEMA, ...header }).slice(0, -1)},"rows":[\n`;
}

export function jsonRow(names: readonly string[], cells: readonly Cell[], first: boolean): string {
  const row: Record<string, Cell> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = cells[i] ?? null;
  return `${first ? '' : ',\n'}${JSON.stringify(row)}`;
}

export const jsonTail = (rowCount: number, empty: boolean): string => `${empty ? '' : '\n'}],"rowCount":${rowCount}}\n`;

/** The closing line: `],"rowCount":N}`; null for any other line. */
export function rowCountOf(line: string): number | null {
  const match = /^\],"rowCount":(\d+)\}$/.exec(line);
  return match ? Number(match[1]) : null;
}
