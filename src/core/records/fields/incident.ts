// An incident's fields (ESF Event), in the order an export writes them. Plain: its dates, places and
// monitoring status, which lists filter and reports count; its story is sealed (docs/data-model.md).
// From this table come the request schema (../schemas.ts), the row type (server/storage/schema.ts),
// the export's event.* fields (core/exports/fields.ts) and the partner bundle's incident (core/bundle).
import * as z from 'zod';
import { keysOf } from '../vocabulary.ts';
import { MONITORING_STATUSES } from '../vocabulary-words.ts';
import { partialDateField, registryList, type FieldTable } from './field.ts';

export const INCIDENT_FIELDS = {
  title: { sealed: true, bundled: true },
  description: { sealed: true, bundled: true },
  start: { ...partialDateField, exported: 'partial date', bundled: true },
  end: { ...partialDateField, exported: 'partial date', bundled: true },
  placeIds: { ...registryList('place', 20), bundled: true },
  monitoringStatus: { schema: z.enum(keysOf(MONITORING_STATUSES)), exported: 'value', bundled: true },
} as const satisfies FieldTable;
