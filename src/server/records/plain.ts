// Each record type's plain columns: from a checked request to a row, and from a row to what the
// workspace reads. Nothing here sees a sealed field.
import type { z } from 'zod';
import type { actInput, incidentInput, interventionInput, involvementInput, personInput, RecordType, sourceInput } from '../../core/records/schemas.ts';
import { actType } from '../../core/records/vocabulary.ts';

type Inputs = {
  incident: z.infer<typeof incidentInput>;
  person: z.infer<typeof personInput>;
  act: z.infer<typeof actInput>;
  involvement: z.infer<typeof involvementInput>;
  source: z.infer<typeof sourceInput>;
  intervention: z.infer<typeof interventionInput>;
};
export type RecordInput<T extends RecordType> = Inputs[T];

type Dated = { start: { date: string | null; precision: string }; end: { date: string | null; precision: string } };
const datesOf = ({ start, end }: Dated) => ({ date_start: start.date, date_start_precision: start.precision, date_end: end.date, date_end_precision: end.precision });

export function plainColumns<T extends RecordType>(type: T, input: RecordInput<T>): Record<string, string | number | null> {
  switch (type) {
    case 'incident': {
      const i = input as Inputs['incident'];
      return { ...datesOf(i), place_ids: JSON.stringify(i.placeIds), monitoring_status: i.monitoringStatus };
    }
    case 'person': {
      const p = input as Inputs['person'];
      return {
        counting_unit: p.countingUnit,
        group_size: p.groupSize,
        age_range: p.ageRange,
        consent_sharing: p.consentSharing,
        name_preference: p.namePreference,
        reprisal_risk: p.reprisalRisk,
      };
    }
    case 'act': {
      const a = input as Inputs['act'];
      return { ...datesOf(a), incident_id: a.incidentId, person_id: a.personId, type_code: a.typeCode, place_id: a.placeId };
    }
    case 'involvement': {
      const v = input as Inputs['involvement'];
      return { act_id: v.actId, unit_id: v.unitId, perpetrator_type: v.perpetratorType, degree: v.degree };
    }
    case 'source': {
      const s = input as Inputs['source'];
      return {
        target_type: s.targetType,
        target_id: s.targetId,
        report_id: s.reportId,
        connection: s.connection,
        reliability: s.reliability,
        credibility: s.credibility,
        source_date: s.sourceDate,
      };
    }
    default: {
      const n = input as Inputs['intervention'];
      return { incident_id: n.incidentId, person_id: n.personId, act_id: n.actId, type: n.type, on_day: n.onDay, status: n.status, priority: n.priority, due_on: n.dueOn };
    }
  }
}

/** A row's plain columns in the API's names (camelCase), without the sealed part and bookkeeping. */
export function plainView(row: Record<string, unknown>): Record<string, unknown> {
  const skip = new Set(['seq', 'id', 'key_id', 'key_envelope', 'sealed', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by']);
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (skip.has(column)) continue;
    const name = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = column === 'place_ids' ? JSON.parse(String(value)) : value;
  }
  return out;
}

/** Whether an act type code is known: one Vigil ships, or a local one the team added. */
export const shippedActType = (code: string) => actType(code) !== undefined;
