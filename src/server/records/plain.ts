// Each record type's plain columns, from a checked request to a row and from a row back to what
// the workspace reads. The columns come from the type's field table (core/records/fields/): a
// partial date becomes its two columns, a list is stored as JSON. Nothing here sees a sealed field.
import type { z } from 'zod';
import type { actInput, incidentInput, interventionInput, involvementInput, personInput, RecordType, sourceInput } from '../../core/records/schemas.ts';
import { RECORD_FIELDS } from '../../core/records/fields/tables.ts';
import { toColumns } from '../../core/records/fields/field.ts';

type Inputs = {
  incident: z.infer<typeof incidentInput>;
  person: z.infer<typeof personInput>;
  act: z.infer<typeof actInput>;
  involvement: z.infer<typeof involvementInput>;
  source: z.infer<typeof sourceInput>;
  intervention: z.infer<typeof interventionInput>;
};
export type RecordInput<T extends RecordType> = Inputs[T];

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const plainColumns = <T extends RecordType>(type: T, input: RecordInput<T>): Record<string, unknown> => toColumns(RECORD_FIELDS[type], input);

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
