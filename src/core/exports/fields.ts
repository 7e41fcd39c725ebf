// The export schema "vigil-export/1": one row per act (ESF's counting unit, "one victim × one act
// × time × place"), with the act's event (incident), victim (person) and, for arrests and
// detentions, the arrest (custody) fields. Field names follow ESF's record names: event.*,
// victim.*, act.*, arrest.*. docs/export.md documents every field.
//
// "plain" fields come from columns the server stores readable. "identity" fields are sealed in
// the person's record: the server never reads them; it sends the sealed envelope and the
// exporter's own browser or CLI opens it (src/core/exports/identity.ts). The arrest.* fields come from
// the detention's field table (src/core/records/fields/detention.ts); every field's name in three
// languages is in src/web/app/exports/field-words.ts.
import { ACT_TYPES, type Labels } from '../records/vocabulary.ts';
import type { Language } from '../i18n/languages.ts';
import { DETENTION_FIELDS } from '../records/fields/detention.ts';
import { codeName, snake, type ColumnsOf } from '../records/fields/field.ts';

export const EXPORT_SCHEMA = 'vigil-export/1';
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A detention's columns as the export's query names them (d_status, d_held_at…): null for an act without one. */
type DetentionCells = { [C in keyof ColumnsOf<typeof DETENTION_FIELDS> as `d_${C}`]: ColumnsOf<typeof DETENTION_FIELDS>[C] | null };

/** One joined row as the server reads it (aliases of src/server/exports/query.ts). */
export interface ExportSourceRow extends DetentionCells {
  a_seq: number;
  a_date_start: string | null;
  a_date_start_precision: string;
  a_date_end: string | null;
  a_date_end_precision: string;
  a_type_code: string;
  a_place_id: string | null;
  i_seq: number;
  i_date_start: string | null;
  i_date_start_precision: string;
  i_date_end: string | null;
  i_date_end_precision: string;
  i_monitoring_status: string;
  p_id: string;
  p_seq: number;
  p_counting_unit: string;
  p_group_size: number | null;
  p_age_range: string;
  p_consent_sharing: string;
  p_name_preference: string;
  p_reprisal_risk: string;
}

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
const identity = (name: string): ExportField => ({ name: `victim.${name}`, group: 'victim', kind: 'identity' });

/** The arrest.* fields, as the detention's field table exports them. */
const DETENTION_EXPORT: ExportField[] = Object.entries(DETENTION_FIELDS).flatMap(([name, f]): ExportField[] => {
  if (!('exported' in f)) return [];
  const column = `d_${snake(name)}` as keyof ExportSourceRow;
  const cell = (r: ExportSourceRow) => r[column] as Cell;
  const field = (suffix: string, value: NonNullable<ExportField['value']>) => plain('arrest', `${codeName(name)}${suffix}`, value);
  if (f.exported === 'number') return [field('', (r) => num(cell(r) as number | null))];
  if (f.exported === 'value') return [field('', cell)];
  const byCode = field('', (r, l) => registryCode(l, cell(r) as string | null));
  return f.exported === 'code' ? [byCode] : [byCode, field('Label', (r, l) => registryLabel(l, cell(r) as string | null))];
});

/** Every field an export offers, in the order columns appear when all are chosen. */
export const EXPORT_FIELDS: readonly ExportField[] = [
  plain('event', 'code', (r) => code('I', r.i_seq)),
  plain('event', 'startDate', (r) => r.i_date_start),
  plain('event', 'startPrecision', (r) => r.i_date_start_precision),
  plain('event', 'endDate', (r) => r.i_date_end),
  plain('event', 'endPrecision', (r) => r.i_date_end_precision),
  plain('event', 'monitoringStatus', (r) => r.i_monitoring_status),
  plain('victim', 'code', (r) => code('P', r.p_seq)),
  identity('name'),
  identity('otherNames'),
  plain('victim', 'countingUnit', (r) => r.p_counting_unit),
  plain('victim', 'groupSize', (r) => num(r.p_group_size)),
  plain('victim', 'ageRange', (r) => r.p_age_range),
  plain('victim', 'consentSharing', (r) => r.p_consent_sharing),
  plain('victim', 'namePreference', (r) => r.p_name_preference),
  plain('victim', 'reprisalRisk', (r) => r.p_reprisal_risk),
  plain('act', 'code', (r) => code('A', r.a_seq)),
  plain('act', 'type', (r) => r.a_type_code),
  plain('act', 'typeLabel', (r, l) => l.actTypes.get(r.a_type_code)?.[l.language] ?? null),
  plain('act', 'startDate', (r) => r.a_date_start),
  plain('act', 'startPrecision', (r) => r.a_date_start_precision),
  plain('act', 'endDate', (r) => r.a_date_end),
  plain('act', 'endPrecision', (r) => r.a_date_end_precision),
  plain('act', 'place', (r, l) => registryCode(l, r.a_place_id)),
  plain('act', 'placeLabel', (r, l) => registryLabel(l, r.a_place_id)),
  ...DETENTION_EXPORT,
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
