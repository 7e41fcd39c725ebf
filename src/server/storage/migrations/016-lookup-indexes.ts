// Look-ups every record page makes: a record's attachments and sources (both filtered by the
// record's id alone, which the (type, id) indexes of 006/007 cannot serve), and follow-up by the
// act, person or incident it concerns (documents, purge, the list filters). Without them each page
// scanned tables whose rows carry kilobytes of sealed data.
import type { Kysely } from 'kysely';

const INDEXES = [
  ['attachments_owner_id', 'attachments', 'owner_id'],
  ['sources_target_id', 'sources', 'target_id'],
  ['interventions_act', 'interventions', 'act_id'],
  ['interventions_person', 'interventions', 'person_id'],
  ['interventions_incident', 'interventions', 'incident_id'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, column] of INDEXES) await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
