// A source (ESF Information): what it supports and how far it is trusted, plain so the server can
// count corroboration; who the source is and what they said, sealed. A bundle carries a source
// described and graded, never linked to the inbox report it came from, nor in a channel of ours.
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_CONNECTIONS } from '../vocabulary-words.ts';
import { day, id, type FieldTable } from './field.ts';

export const SOURCE_TARGETS = ['incident', 'person', 'act'] as const;

export const SOURCE_FIELDS = {
  description: { sealed: true, bundled: true },
  targetType: { schema: z.enum(SOURCE_TARGETS), bundled: true },
  targetId: { schema: id, refers: true, bundled: true },
  reportId: { schema: id.nullable() },
  connection: { schema: z.enum(keysOf(SOURCE_CONNECTIONS)), bundled: true },
  reliability: { schema: z.enum(RELIABILITY), bundled: true },
  credibility: { schema: z.enum(CREDIBILITY), bundled: true },
  sourceDate: { schema: day.nullable(), bundled: true },
  /**
   * The channel (list) it came through (issue 12). The server decides for a report of the inbox (the
   * form's) and keeps it through edits; coordinators change it with POST /api/sources/:id/channel.
   */
  channelId: { schema: id.nullable().optional() },
} as const satisfies FieldTable;
