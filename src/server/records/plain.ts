// Each record type's plain columns, from a checked request to a row and from a row back to what
// the workspace reads. The request schemas (core/records/schemas.ts) name exactly the plain fields
// in camelCase (zod drops any other key), so the mapping is by name: a partial date becomes its two
// columns, a list is stored as JSON. Nothing here sees a sealed field.
import type { z } from 'zod';
import type { actInput, incidentInput, interventionInput, involvementInput, personInput, RecordType, sourceInput, PartialDate } from '../../core/records/schemas.ts';

type Inputs = {
  incident: z.infer<typeof incidentInput>;
  person: z.infer<typeof personInput>;
  act: z.infer<typeof actInput>;
  involvement: z.infer<typeof involvementInput>;
  source: z.infer<typeof sourceInput>;
  intervention: z.infer<typeof interventionInput>;
};
export type RecordInput<T extends RecordType> = Inputs[T];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function plainColumns(input: RecordInput<RecordType>): Record<string, string | number | null> {
  const columns: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'secret') continue;
    if (name === 'start' || name === 'end') {
      const { date, precision } = value as PartialDate;
      columns[`date_${name}`] = date;
      columns[`date_${name}_precision`] = precision;
    } else columns[snake(name)] = Array.isArray(value) ? JSON.stringify(value) : (value as string | number | null);
  }
  return columns;
}

const BOOKKEEPING = new Set(['seq', 'id', 'key_id', 'key_envelope', 'sealed', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by']);

/** A row's plain columns in the API's names (camelCase), without the sealed part and bookkeeping. */
export function plainView(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (BOOKKEEPING.has(column)) continue;
    out[camel(column)] = column === 'place_ids' ? JSON.parse(String(value)) : value;
  }
  return out;
}

/**
 * A stored row's plain columns as a version records them (snake_case, as edits write them). A
 * person's `merged_into` is written only while it is set, so a history shows a merge and its undo,
 * and a person never merged shows nothing of it.
 */
export function versionPlain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (BOOKKEEPING.has(column) || (column === 'merged_into' && value === null)) continue;
    out[column] = value;
  }
  return out;
}
