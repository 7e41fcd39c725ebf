// What the workspace sends to create or change records, checked by the server at the edge and
// typed for the browser. Plain fields are the ones the server may filter and count
// (docs/data-model.md); everything else is in `secret`, encrypted in the browser.
import * as z from 'zod';
import {
  ACT_TYPES,
  AGE_RANGES,
  CONSENT_SHARING,
  COUNTING_UNITS,
  CREDIBILITY,
  DATE_PRECISIONS,
  INTERVENTION_STATUSES,
  INTERVENTION_TYPES,
  INVOLVEMENT_DEGREES,
  LOCAL_CODE,
  MONITORING_STATUSES,
  NAME_PREFERENCES,
  PERPETRATOR_TYPES,
  PLACE_KINDS,
  PRIORITIES,
  RELIABILITY,
  RISK_LEVELS,
  SOURCE_CONNECTIONS,
  keysOf,
} from './vocabulary.ts';
import { isDay } from './custody.ts';
import { DETENTION_FIELDS } from './fields/detention.ts';
import { day, id, inputSchema } from './fields/field.ts';

const b64 = (maxChars: number) => z.string().regex(/^[A-Za-z0-9_-]*$/).max(maxChars);
const label = z.string().trim().min(1).max(200).regex(/^[^\u0000]*$/);

/** A date as precise as it is known: '2026-11-03' (day), '2026-11' (month), '2026' (year) or null (unknown). */
export const partialDate = z
  .object({ date: z.string().max(10).nullable(), precision: z.enum(DATE_PRECISIONS) })
  .refine(
    ({ date, precision }) =>
      precision === 'unknown'
        ? date === null
        : date !== null &&
          (precision === 'day' ? isDay(date) : precision === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(date) : /^\d{4}$/.test(date)),
    'the date does not match its precision',
  );
export type PartialDate = z.infer<typeof partialDate>;

/**
 * The encrypted part of a record: its own key sealed (HPKE) to the organization's records key,
 * and the fields encrypted under that key (AES-256-GCM, src/core/records/sealing.ts).
 */
export const secretPart = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  keyEnvelope: b64(1024),
  sealed: b64(200_000),
});
export type SecretPart = z.infer<typeof secretPart>;

const actCode = z.string().regex(/^\d{12}$/);

export const incidentInput = z.object({
  start: partialDate,
  end: partialDate,
  placeIds: z.array(id).max(20),
  monitoringStatus: z.enum(keysOf(MONITORING_STATUSES)),
  secret: secretPart,
});

/** A person's plain fields (shared with partner bundles, which carry them as they are). */
export const personFields = z.object({
  countingUnit: z.enum(keysOf(COUNTING_UNITS)),
  groupSize: z.number().int().min(2).max(100_000).nullable(),
  ageRange: z.enum(keysOf(AGE_RANGES)),
  consentSharing: z.enum(keysOf(CONSENT_SHARING)),
  namePreference: z.enum(keysOf(NAME_PREFERENCES)),
  reprisalRisk: z.enum(keysOf(RISK_LEVELS)),
});

export const personInput = personFields
  .extend({ secret: secretPart })
  .refine((p) => (p.countingUnit === 'group') === (p.groupSize !== null), 'a group has a size; an individual has none');

export const actInput = z.object({
  incidentId: id,
  personId: id,
  typeCode: actCode,
  start: partialDate,
  end: partialDate,
  placeId: id.nullable(),
  secret: secretPart,
});

/** A detention's fields, as the workspace sends them (fields/detention.ts; partner bundles carry places and provisions by code instead). */
export const detentionFields = inputSchema(DETENTION_FIELDS);

export const detentionInput = detentionFields
  .refine((d) => (d.decision === 'detention') === (d.detentionDays !== null), 'a detention decision has a number of days, and only it')
  .refine((d) => (d.decision === 'fine') || d.fineAmount === null, 'only a fine has an amount')
  .refine((d) => (d.status === 'released') === (d.releasedOn !== null), 'a release has a day, and only a release');
export type DetentionInput = z.infer<typeof detentionInput>;

export const transferInput = z.object({
  fromPlaceId: id.nullable(),
  toPlaceId: id,
  onDay: day,
  /** The time of day, 'HH:MM', when known. */
  atTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().optional(),
});

export const involvementInput = z.object({
  actId: id,
  unitId: id.nullable(),
  perpetratorType: z.enum(keysOf(PERPETRATOR_TYPES)),
  degree: z.enum(keysOf(INVOLVEMENT_DEGREES)),
  secret: secretPart,
});

export const SOURCE_TARGETS = ['incident', 'person', 'act'] as const;
export const sourceInput = z.object({
  targetType: z.enum(SOURCE_TARGETS),
  targetId: id,
  reportId: id.nullable(),
  connection: z.enum(keysOf(SOURCE_CONNECTIONS)),
  reliability: z.enum(RELIABILITY),
  credibility: z.enum(CREDIBILITY),
  sourceDate: day.nullable(),
  /**
   * The channel (list) it came through (issue 12). The server decides for a report of the inbox (the
   * form's) and keeps it through edits; coordinators change it with POST /api/sources/:id/channel.
   */
  channelId: id.nullable().optional(),
  secret: secretPart,
});

export const interventionInput = z
  .object({
    incidentId: id.nullable(),
    personId: id.nullable(),
    actId: id.nullable(),
    type: z.enum(keysOf(INTERVENTION_TYPES)),
    onDay: day.nullable(),
    status: z.enum(keysOf(INTERVENTION_STATUSES)),
    priority: z.enum(keysOf(PRIORITIES)),
    dueOn: day.nullable(),
    secret: secretPart,
  })
  .refine((i) => i.incidentId || i.personId || i.actId, 'an intervention concerns an incident, a person or an act');

export const REGISTRY_KINDS = ['place', 'unit', 'provision', 'act-type'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];
export const registryInput = z
  .object({
    kind: z.enum(REGISTRY_KINDS),
    code: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}._ -]+$/u),
    labels: z.object({ en: label, az: label, ru: label }),
    placeKind: z.enum(keysOf(PLACE_KINDS)).nullable(),
    /** Legal provisions: days to appeal a decision taken under it (the due-soon list uses it). */
    appealDays: z.number().int().min(1).max(365).nullable(),
  })
  .refine((r) => (r.kind === 'place') === (r.placeKind !== null), 'places, and only places, have a kind')
  .refine((r) => r.kind === 'provision' || r.appealDays === null, 'only legal provisions have appeal days')
  .refine((r) => r.kind !== 'act-type' || (LOCAL_CODE.test(r.code) && !ACT_TYPES.some((a) => a.code === r.code)), 'a local act type has a new 12-digit code starting with 99');

/** Every change names the version it was made from: a change made from an older one is refused (409). */
export const versioned = <T extends z.ZodType>(schema: T) => z.object({ version: z.number().int().min(1), record: schema });

export const RECORD_TYPES = ['incident', 'person', 'act', 'involvement', 'source', 'intervention'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
