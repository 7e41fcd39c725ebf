// A detention's fields (ESF Arrest, extending an act), in the order the form asks for them and an
// export writes them. All plain: they are what the currently-held board sorts and counts, and none
// names a person (docs/data-model.md). From this table come the request schema (schemas.ts), the
// row type and columns (server/storage/schema.ts, server/records/detention.ts), the export's arrest.*
// fields (core/exports/fields.ts) and the partner bundle's detention (core/bundle). The form's
// labels are the words of each field's name (web/app/records/detention-words.ts), the export page's
// those of arrest.<name> (web/app/exports/field-words.ts).
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { DECISIONS, DETENTION_STATUSES, FAMILY_ACCESS, LAWYER_ACCESS } from '../vocabulary-words.ts';
import { day, id, type FieldTable } from './field.ts';

/** Shown only for these decisions (a fine has an amount, a detention its days). */
const decided = (...decisions: string[]) => (d: Record<string, unknown>) => decisions.includes(d.decision as string);

export const DETENTION_FIELDS = {
  status: { schema: z.enum(keysOf(DETENTION_STATUSES)), editor: { input: 'choice', terms: DETENTION_STATUSES }, exported: 'value', bundled: true },
  heldAt: { schema: id.nullable(), registry: 'place', editor: { input: 'registry' }, exported: 'code and label', bundled: true },
  custodyStart: { schema: day.nullable(), editor: { input: 'date', hint: true }, exported: 'value', bundled: true },
  lawyerAccess: { schema: z.enum(keysOf(LAWYER_ACCESS)), editor: { input: 'choice', terms: LAWYER_ACCESS }, exported: 'value', bundled: true },
  familyAccess: { schema: z.enum(keysOf(FAMILY_ACCESS)), editor: { input: 'choice', terms: FAMILY_ACCESS }, exported: 'value', bundled: true },
  legalProvisionId: { schema: id.nullable(), registry: 'provision', editor: { input: 'registry' }, exported: 'code', bundled: true },
  /** The article charged under, as the charge sheet numbers it: digits and their separators only, so this plain column holds no name or story. */
  chargedArticle: { schema: z.string().regex(/^\d[\d.,()/ -]*$/).max(40).nullable().default(null), editor: { input: 'text', hint: true }, exported: 'value', bundled: true },
  courtId: { schema: id.nullable(), registry: 'place', editor: { input: 'registry' }, exported: 'code', bundled: true },
  hearingDate: { schema: day.nullable(), editor: { input: 'date' }, exported: 'value', bundled: true },
  decision: { schema: z.enum(keysOf(DECISIONS)), editor: { input: 'choice', terms: DECISIONS }, exported: 'value', bundled: true },
  decisionDate: { schema: day.nullable(), editor: { input: 'date', when: (d) => d.decision !== 'pending' }, exported: 'value', bundled: true },
  fineAmount: { schema: z.number().int().min(0).max(100_000_000).nullable(), editor: { input: 'number', when: decided('fine') }, exported: 'number', bundled: true },
  detentionDays: { schema: z.number().int().min(1).max(3650).nullable(), editor: { input: 'number', when: decided('detention') }, exported: 'number', bundled: true },
  sentenceStart: { schema: day.nullable(), editor: { input: 'date', hint: true, when: decided('detention') }, exported: 'value', bundled: true },
  /** From the sentence (src/core/records/custody.ts), stored so the server can sort and count. */
  expectedRelease: { schema: day.nullable(), computed: true, exported: 'value' },
  /** From the decision date and the provision's days to appeal. */
  appealDeadline: { schema: day.nullable(), computed: true, exported: 'value' },
  releasedOn: { schema: day.nullable(), editor: { input: 'date', when: (d) => d.status === 'released' }, exported: 'value', bundled: true },
} as const satisfies FieldTable;

export type DetentionFieldName = keyof typeof DETENTION_FIELDS;
