// What the workspace sends to create or change records, checked by the server at the edge and
// typed for the browser. Plain fields are the ones the server may filter and count
// (docs/data-model.md); everything else is in `secret`, encrypted in the browser.
import * as z from 'zod';
import { ACT_TYPES, LOCAL_CODE, keysOf } from './vocabulary.ts';
import { PLACE_KINDS } from './vocabulary-words.ts';
import { DETENTION_FIELDS } from './fields/detention.ts';
import { INCIDENT_FIELDS } from './fields/incident.ts';
import { PERSON_FIELDS } from './fields/person.ts';
import { ACT_FIELDS } from './fields/act.ts';
import { INVOLVEMENT_FIELDS } from './fields/involvement.ts';
import { SOURCE_FIELDS } from './fields/source.ts';
import { INTERVENTION_FIELDS } from './fields/intervention.ts';
import { day, id, inputSchema } from './fields/field.ts';

export { partialDate, type PartialDate } from './fields/field.ts';
export { SOURCE_TARGETS } from './fields/source.ts';

const b64 = (maxChars: number) => z.string().regex(/^[A-Za-z0-9_-]*$/).max(maxChars);
const label = z.string().trim().min(1).max(200).regex(/^[^\u0000]*$/);

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

export const incidentInput = inputSchema(INCIDENT_FIELDS).extend({ secret: secretPart });

export const personInput = inputSchema(PERSON_FIELDS)
  .extend({ secret: secretPart })
  .refine((p) => (p.countingUnit === 'group') === (p.groupSize !== null), 'a group has a size; an individual has none');

export const actInput = inputSchema(ACT_FIELDS).extend({ secret: secretPart });

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

export const involvementInput = inputSchema(INVOLVEMENT_FIELDS).extend({ secret: secretPart });

export const sourceInput = inputSchema(SOURCE_FIELDS).extend({ secret: secretPart });

export const interventionInput = inputSchema(INTERVENTION_FIELDS)
  .extend({ secret: secretPart })
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
