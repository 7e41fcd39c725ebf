// An act with its incident, its victim and, where it has one, its detention (aliases i, p, d): the
// one join the export reads every act through and the custody boards read detentions through.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { DETENTION_FIELDS } from '../../core/records/fields/detention.ts';
import { INCIDENT_FIELDS } from '../../core/records/fields/incident.ts';
import { PERSON_FIELDS } from '../../core/records/fields/person.ts';
import { ACT_FIELDS } from '../../core/records/fields/act.ts';
import { columnsOf, plainFields, type FieldTable } from '../../core/records/fields/field.ts';

export const actsWithCase = (db: Kysely<Database>) =>
  db
    .selectFrom('acts')
    .innerJoin('incidents as i', 'i.id', 'acts.incident_id')
    .innerJoin('persons as p', 'p.id', 'acts.person_id')
    .leftJoin('detentions as d', 'd.act_id', 'acts.id');

/** The exported columns of a field table, read from `alias` as <prefix>_<column> (the export's row, core/exports/fields.ts). */
const exportedCells = (alias: string, prefix: string, table: FieldTable) =>
  plainFields(table)
    .filter(([, f]) => f.exported)
    .flatMap(([name, f]) => columnsOf(name, f))
    .map((column) => `${alias}.${column} as ${prefix}_${column}` as 'd.status as d_status');

/** Every exported column of an act's case: the act's, its incident's, its victim's and its detention's. */
export const CASE_CELLS = [
  'acts.seq as a_seq',
  ...exportedCells('acts', 'a', ACT_FIELDS),
  'i.seq as i_seq',
  ...exportedCells('i', 'i', INCIDENT_FIELDS),
  'p.id as p_id',
  'p.seq as p_seq',
  ...exportedCells('p', 'p', PERSON_FIELDS),
  ...exportedCells('d', 'd', DETENTION_FIELDS),
] as const;
