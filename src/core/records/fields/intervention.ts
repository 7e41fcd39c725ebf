// Follow-up (an intervention): the team's own work plan, plain for the due-soon list; what was asked
// and answered sealed. Never exported, never bundled.
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { INTERVENTION_STATUSES, INTERVENTION_TYPES, PRIORITIES } from '../vocabulary-words.ts';
import { day, id, type FieldTable } from './field.ts';

export const INTERVENTION_FIELDS = {
  notes: { sealed: true },
  incidentId: { schema: id.nullable(), refers: true },
  personId: { schema: id.nullable(), refers: true },
  actId: { schema: id.nullable(), refers: true },
  type: { schema: z.enum(keysOf(INTERVENTION_TYPES)) },
  onDay: { schema: day.nullable() },
  status: { schema: z.enum(keysOf(INTERVENTION_STATUSES)) },
  priority: { schema: z.enum(keysOf(PRIORITIES)) },
  dueOn: { schema: day.nullable() },
} as const satisfies FieldTable;
