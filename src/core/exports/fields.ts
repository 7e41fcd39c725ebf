// The export schema "vigil-export/1": one row per act (ESF's counting unit, "one victim × one act
// × time × place"), with the act's event (incident), victim (person) and, for arrests and
// detentions, the arrest (custody) fields. Field names follow ESF's record names: event.*,
// victim.*, act.*, arrest.*. docs/export.md documents every field.
//
// "plain" fields come from columns the server stores readable. "identity" fields are sealed in
// the person's record: the server never reads them; it sends the sealed envelope and the
// exporter's own browser or CLI opens it (src/core/exports/identity.ts).
import { ACT_TYPES, type Labels } from '../records/vocabulary.ts';
import type { Language } from '../i18n/languages.ts';

export const EXPORT_SCHEMA = 'vigil-export/1';
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One joined row as the server reads it (aliases of src/server/exports/query.ts). */
export interface ExportSourceRow {
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
  d_status: string | null;
  d_held_at: string | null;
  d_custody_start: string | null;
  d_lawyer_access: string | null;
  d_family_access: string | null;
  d_legal_provision_id: string | null;
  d_court_id: string | null;
  d_hearing_date: string | null;
  d_decision: string | null;
  d_decision_date: string | null;
  d_fine_amount: number | null;
  d_detention_days: number | null;
  d_sentence_start: string | null;
  d_expected_release: string | null;
  d_appeal_deadline: string | null;
  d_released_on: string | null;
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
  label: string;
  group: 'event' | 'victim' | 'act' | 'arrest';
  /** plain: read by the server. identity: sealed, opened by the exporter's client only. */
  kind: 'plain' | 'identity';
  value?: (row: ExportSourceRow, lookups: ExportLookups) => Cell;
}

const code = (prefix: string, seq: number) => `${prefix}-${String(Number(seq)).padStart(4, '0')}`;
const registryCode = (lookups: ExportLookups, id: string | null) => (id ? (lookups.registry.get(id)?.code ?? null) : null);
const registryLabel = (lookups: ExportLookups, id: string | null) => (id ? (lookups.registry.get(id)?.labels[lookups.language] ?? null) : null);
const num = (value: number | null) => (value === null || value === undefined ? null : Number(value));

const plain = (group: ExportField['group'], name: string, label: string, value: NonNullable<ExportField['value']>): ExportField => ({ name: `${group}.${name}`, label, group, kind: 'plain', value });
const identity = (name: string, label: string): ExportField => ({ name: `victim.${name}`, label, group: 'victim', kind: 'identity' });

/** Every field an export offers, in the order columns appear when all are chosen. */
export const EXPORT_FIELDS: readonly ExportField[] = [
  plain('event', 'code', 'Event (incident) code', (r) => code('I', r.i_seq)),
  plain('event', 'startDate', 'Event initial date', (r) => r.i_date_start),
  plain('event', 'startPrecision', 'Event initial date precision', (r) => r.i_date_start_precision),
  plain('event', 'endDate', 'Event final date', (r) => r.i_date_end),
  plain('event', 'endPrecision', 'Event final date precision', (r) => r.i_date_end_precision),
  plain('event', 'monitoringStatus', 'Monitoring status', (r) => r.i_monitoring_status),
  plain('victim', 'code', 'Victim (person) code', (r) => code('P', r.p_seq)),
  identity('name', 'Name (or initials, as the person consented)'),
  identity('otherNames', 'Other names'),
  plain('victim', 'countingUnit', 'Counting unit', (r) => r.p_counting_unit),
  plain('victim', 'groupSize', 'Number of persons in the group', (r) => num(r.p_group_size)),
  plain('victim', 'ageRange', 'Age range', (r) => r.p_age_range),
  plain('victim', 'consentSharing', 'Consent to share', (r) => r.p_consent_sharing),
  plain('victim', 'namePreference', 'Named in documents by', (r) => r.p_name_preference),
  plain('victim', 'reprisalRisk', 'Risk of reprisal', (r) => r.p_reprisal_risk),
  plain('act', 'code', 'Act code', (r) => code('A', r.a_seq)),
  plain('act', 'type', 'Type of act (ESF or local code)', (r) => r.a_type_code),
  plain('act', 'typeLabel', 'Type of act', (r, l) => l.actTypes.get(r.a_type_code)?.[l.language] ?? null),
  plain('act', 'startDate', 'Act initial date', (r) => r.a_date_start),
  plain('act', 'startPrecision', 'Act initial date precision', (r) => r.a_date_start_precision),
  plain('act', 'endDate', 'Act final date', (r) => r.a_date_end),
  plain('act', 'endPrecision', 'Act final date precision', (r) => r.a_date_end_precision),
  plain('act', 'place', 'Place (registry code)', (r, l) => registryCode(l, r.a_place_id)),
  plain('act', 'placeLabel', 'Place', (r, l) => registryLabel(l, r.a_place_id)),
  plain('arrest', 'status', 'Custody status', (r) => r.d_status),
  plain('arrest', 'heldAt', 'Place held (registry code)', (r, l) => registryCode(l, r.d_held_at)),
  plain('arrest', 'heldAtLabel', 'Place held', (r, l) => registryLabel(l, r.d_held_at)),
  plain('arrest', 'custodyStart', 'Custody began', (r) => r.d_custody_start),
  plain('arrest', 'lawyerAccess', 'Legal counsel', (r) => r.d_lawyer_access),
  plain('arrest', 'familyAccess', 'Outside contact (family)', (r) => r.d_family_access),
  plain('arrest', 'legalProvision', 'Legal provision (registry code)', (r, l) => registryCode(l, r.d_legal_provision_id)),
  plain('arrest', 'court', 'Court (registry code)', (r, l) => registryCode(l, r.d_court_id)),
  plain('arrest', 'hearingDate', 'Hearing date', (r) => r.d_hearing_date),
  plain('arrest', 'decision', 'Decision', (r) => r.d_decision),
  plain('arrest', 'decisionDate', 'Decision date', (r) => r.d_decision_date),
  plain('arrest', 'fineAmount', 'Fine amount', (r) => num(r.d_fine_amount)),
  plain('arrest', 'detentionDays', 'Days of detention', (r) => num(r.d_detention_days)),
  plain('arrest', 'sentenceStart', 'Sentence began', (r) => r.d_sentence_start),
  plain('arrest', 'expectedRelease', 'Expected release', (r) => r.d_expected_release),
  plain('arrest', 'appealDeadline', 'Appeal deadline', (r) => r.d_appeal_deadline),
  plain('arrest', 'releasedOn', 'Released on', (r) => r.d_released_on),
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
