// A person's fields (ESF Victim). Who they are is sealed: the server never reads it; an export
// names them only as their consent allows (core/records/names.ts), opened by the exporter's own
// client; gender identity never leaves in a bundle. What is counted is plain, in the order an
// export writes it (victim.*). From this table come the request schema (../schemas.ts), the row
// type (server/storage/schema.ts), the export's victim.* fields and the partner bundle's person.
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { AGE_RANGES, CONSENT_SHARING, COUNTING_UNITS, NAME_PREFERENCES, RISK_LEVELS } from '../vocabulary-words.ts';
import type { FieldTable } from './field.ts';

export const PERSON_FIELDS = {
  name: { sealed: true, exported: 'identity', bundled: true },
  otherNames: { sealed: true, exported: 'identity', bundled: true },
  contacts: { sealed: true, bundled: true },
  birthYear: { sealed: true, bundled: true },
  /** Vigil never profiles by gender identity: it stays with the team that recorded it. */
  genderIdentity: { sealed: true },
  countingUnit: { schema: z.enum(keysOf(COUNTING_UNITS)), exported: 'value', bundled: true },
  groupSize: { schema: z.number().int().min(2).max(100_000).nullable(), exported: 'number', bundled: true },
  ageRange: { schema: z.enum(keysOf(AGE_RANGES)), exported: 'value', bundled: true },
  consentSharing: { schema: z.enum(keysOf(CONSENT_SHARING)), exported: 'value', bundled: true },
  namePreference: { schema: z.enum(keysOf(NAME_PREFERENCES)), exported: 'value', bundled: true },
  reprisalRisk: { schema: z.enum(keysOf(RISK_LEVELS)), exported: 'value', bundled: true },
} as const satisfies FieldTable;
