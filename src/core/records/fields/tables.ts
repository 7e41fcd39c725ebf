// Every record type's field table, by the type's name (server/records maps each request to its
// row through it).
import type { RecordType } from '../schemas.ts';
import type { FieldTable } from './field.ts';
import { ACT_FIELDS } from './act.ts';
import { INCIDENT_FIELDS } from './incident.ts';
import { INTERVENTION_FIELDS } from './intervention.ts';
import { INVOLVEMENT_FIELDS } from './involvement.ts';
import { PERSON_FIELDS } from './person.ts';
import { SOURCE_FIELDS } from './source.ts';

export const RECORD_FIELDS = {
  incident: INCIDENT_FIELDS,
  person: PERSON_FIELDS,
  act: ACT_FIELDS,
  involvement: INVOLVEMENT_FIELDS,
  source: SOURCE_FIELDS,
  intervention: INTERVENTION_FIELDS,
} as const satisfies Record<RecordType, FieldTable>;
