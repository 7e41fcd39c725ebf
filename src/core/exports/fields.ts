// The export schema "vigil-export/1": one row per act (ESF's counting unit, "one victim × one act
// × time × place"), with the act's event (incident), victim (person) and, for arrests and
// detentions, the arrest (custody) fields. Field names follow ESF's record names: event.*,
// victim.*, act.*, arrest.*. docs/export.md documents every field.
//
// "plain" fields come from columns the server stores readable. "identity" fields are sealed in
// the person's record: the server never reads them; it sends the sealed envelope and the
// exporter's own browser or CLI opens it (src/core/exports/identity.ts). Beside each record's code,
// the fields come from the record types' field tables (src/core/records/fields/: incident, person,
// act, detention), in their order; every field's name in three languages is in
// src/web/app/exports/field-words.ts.
import { ACT_TYPES } from '../records/vocabulary.ts';
import { type Labels } from '../records/term.ts';
import type { Language } from '../i18n/languages.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { INCIDENT_FIELDS } from '../records/fields/incident.ts';
import { PERSON_FIELDS } from '../records/fields/person.ts';
import { ACT_FIELDS } from '../records/fields/act.ts';
import { codeName, columnsOf, type ColumnsOf, type Exported, type FieldTable } from '../records/fields/field.ts';

export const EXPORT_SCHEMA = 'vigil-export/1';
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The exported plain fields of a table. */
type ExportedPart<F extends FieldTable> = { [K in keyof F as F[K] extends { exported: Exported; schema: unknown } ? K : never]: F[K] };
/** A table's exported columns as the export's query names them (i_date_start, d_held_at…), null where `Missing`. */
type Cells<F extends FieldTable, P extends string, Missing = never> = { [C in keyof ColumnsOf<ExportedPart<F>> & string as `${P}_${C}`]: ColumnsOf<ExportedPart<F>>[C] | Missing };

/** One joined row as the server reads it (aliases of src/server/exports/query.ts): an act without a detention has null d_ cells. */
export type ExportSourceRow = { a_seq: number; i_seq: number; p_id: string; p_seq: number } & Cells<typeof INCIDENT_FIELDS, 'i'> &
  Cells<typeof PERSON_FIELDS, 'p'> &
  Cells<typeof ACT_FIELDS, 'a'> &
  Cells<typeof DETENTION_FIELDS, 'd', null>;

/** Registry entries by id and act-type labels by code, read once per export. */
export interface ExportLookups {
  language: Language;
  registry: Map<string, { code: string; labels: Labels }>;
  actTypes: Map<string, Labels>;
}

export type Cell = string | number | null;

export interface ExportField {
  name: string;
  group: 'event' | 'victim' | 'act' | 'arrest';
  /** plain: read by the server. identity: sealed, opened by the exporter's client only. */
  kind: 'plain' | 'identity';
  value?: (row: ExportSourceRow, lookups: ExportLookups) => Cell;
}

const code = (prefix: string, seq: number) => `${prefix}-${String(Number(seq)).padStart(4, '0')}`;
const registryCode = (lookups: ExportLookups, id: string | null) => (id ? (lookups.registry.get(id)?.code ?? null) : null);
const registryLabel = (lookups: ExportLookups, id: string | null) => (id ? (lookups.registry.get(id)?.labels[lookups.language] ?? null) : null);
const num = (value: number | null) => (value === null || value === undefined ? null : Number(value));

const plain = (group: ExportField['group'], name: string, value: NonNullable<ExportField['value']>): ExportField => ({ name: `${group}.${name}`, group, kind: 'plain', value });
const identity = (group: ExportField['group'], name: string): ExportField => ({ name: `${group}.${name}`, group, kind: 'identity' });

/** A group's fields, as its record type's field table exports them, from the row's `<prefix>_<column>` cells. */
function exportedFields(group: ExportField['group'], prefix: string, table: FieldTable): ExportField[] {
  return Object.entries(table).flatMap(([name, f]): ExportField[] => {
    if (!f.exported) return [];
    if ('sealed' in f) return [identity(group, name)];
    const [column, precision] = columnsOf(name, f).map((c) => `${prefix}_${c}` as keyof ExportSourceRow);
    const cell = (r: ExportSourceRow) => r[column!] as Cell;
    const field = (exportName: string, value: NonNullable<ExportField['value']>) => plain(group, exportName, value);
    switch (f.exported) {
      case 'number':
        return [field(name, (r) => num(cell(r) as number | null))];
      case 'value':
        return [field(name, cell)];
      case 'partial date':
        return [field(`${name}Date`, cell), field(`${name}Precision`, (r) => r[precision!] as Cell)];
      case 'type and label': {
        const type = name.replace(/Code$/, '');
        return [field(type, cell), field(`${type}Label`, (r, l) => l.actTypes.get(cell(r) as string)?.[l.language] ?? null)];
      }
    }
    const byCode = field(codeName(name), (r, l) => registryCode(l, cell(r) as string | null));
    return f.exported === 'code' ? [byCode] : [byCode, field(`${codeName(name)}Label`, (r, l) => registryLabel(l, cell(r) as string | null))];
  });
}

/** Every field an export offers, in the order columns appear when all are chosen. */
export const EXPORT_FIELDS: readonly ExportField[] = [
  plain('event', 'code', (r) => code('I', r.i_seq)),
  ...exportedFields('event', 'i', INCIDENT_FIELDS),
  plain('victim', 'code', (r) => code('P', r.p_seq)),
  ...exportedFields('victim', 'p', PERSON_FIELDS),
  plain('act', 'code', (r) => code('A', r.a_seq)),
  ...exportedFields('act', 'a', ACT_FIELDS),
  ...exportedFields('arrest', 'd', DETENTION_FIELDS),
];

export const FIELD_BY_NAME: ReadonlyMap<string, ExportField> = new Map(EXPORT_FIELDS.map((f) => [f.name, f]));
export const DEFAULT_FIELDS: readonly string[] = EXPORT_FIELDS.filter((f) => f.kind === 'plain').map((f) => f.name);
export const IDENTITY_FIELDS: readonly string[] = EXPORT_FIELDS.filter((f) => f.kind === 'identity').map((f) => f.name);

/** Column of the server's stream that carries a row's sealed identity; clients replace it. */
export const IDENTITY_COLUMN = '_identity';

/** The fields asked for, checked; null when one is unknown or named twice. Empty means the default. */
export function parseFieldList(value: string | undefined): ExportField[] | null {
  const names = value === undefined || value.trim() === '' ? DEFAULT_FIELDS : value.split(',').map((n) => n.trim());
  const fields = names.map((n) => FIELD_BY_NAME.get(n));
  if (fields.some((f) => !f) || new Set(names).size !== names.length) return null;
  return fields as ExportField[];
}

/** Act-type labels: the standard and Vigil's local terms; the registry adds the team's own. */
export function actTypeLabels(extra: Iterable<[string, Labels]> = []): Map<string, Labels> {
  return new Map([...ACT_TYPES.map((a) => [a.code, a.labels] as [string, Labels]), ...extra]);
}
