// An act's fields (ESF Act: what was done to whom, when and where), in the order an export writes
// them (act.*). Plain: the links and facts the counts are made of; the stated reason is sealed.
// A detention extends an act (detention.ts).
import * as z from 'zod';
import { id, partialDateField, type FieldTable } from './field.ts';

export const actCode = z.string().regex(/^\d{12}$/);

export const ACT_FIELDS = {
  statedReason: { sealed: true, bundled: true },
  incidentId: { schema: id, refers: true, bundled: true },
  personId: { schema: id, refers: true, bundled: true },
  /** ESF's act type (core/records/vocabulary.ts) or one of the team's own (the registry's act types). */
  typeCode: { schema: actCode, exported: 'type and label', bundled: true },
  start: { ...partialDateField, exported: 'partial date', bundled: true },
  end: { ...partialDateField, exported: 'partial date', bundled: true },
  placeId: { schema: id.nullable(), registry: 'place', exported: 'code and label', bundled: true },
} as const satisfies FieldTable;
