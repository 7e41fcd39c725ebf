// An act with its incident, its victim and, where it has one, its detention (aliases i, p, d): the
// one join the export reads every act through and the custody boards read detentions through.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { DETENTION_FIELDS } from '../../core/records/fields/detention.ts';
import { snake } from '../../core/records/fields/field.ts';

export const actsWithCase = (db: Kysely<Database>) =>
  db
    .selectFrom('acts')
    .innerJoin('incidents as i', 'i.id', 'acts.incident_id')
    .innerJoin('persons as p', 'p.id', 'acts.person_id')
    .leftJoin('detentions as d', 'd.act_id', 'acts.id');

/** Every column of the detention's field table, as d_<column> (the export's row, core/exports/fields.ts). */
export const DETENTION_CELLS = Object.keys(DETENTION_FIELDS).map((name) => `d.${snake(name)} as d_${snake(name)}` as 'd.status as d_status');
