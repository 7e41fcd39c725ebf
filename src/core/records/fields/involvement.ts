// A perpetrator's involvement in an act (ESF Involvement): the unit and its part, plain for counts;
// the officers' names sealed.
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { INVOLVEMENT_DEGREES, PERPETRATOR_TYPES } from '../vocabulary-words.ts';
import { id, type FieldTable } from './field.ts';

export const INVOLVEMENT_FIELDS = {
  officers: { sealed: true, bundled: true },
  actId: { schema: id, refers: true, bundled: true },
  unitId: { schema: id.nullable(), registry: 'unit', bundled: true },
  perpetratorType: { schema: z.enum(keysOf(PERPETRATOR_TYPES)), bundled: true },
  degree: { schema: z.enum(keysOf(INVOLVEMENT_DEGREES)), bundled: true },
} as const satisfies FieldTable;
