// Issue 5: indexes for the workspace dashboard at 100,000 acts. Its counts are grouped scans of the
// acts' plain columns; these indexes hold every column they read, so a scan never touches the rows
// (each carries kilobytes of sealed fields): by date (ranges), by incident and date (an incident,
// with or without a range), by id with the person (detentions joined without a filter), and
// involvements by act and unit (joins) and by unit and act (counted per unit); and a narrow one of the dates alone, the smallest to scan for the
// timeline (a full pass touches fewer pages, and SQLite's page cache is 16 MB).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('acts_dashboard_day').on('acts').columns(['date_start_precision', 'date_start']).execute();
  await db.schema.createIndex('acts_dashboard_date').on('acts').columns(['date_start_precision', 'date_start', 'type_code', 'place_id', 'person_id', 'incident_id', 'id']).execute();
  await db.schema.createIndex('acts_dashboard_id').on('acts').columns(['id', 'person_id']).execute();
  await db.schema.createIndex('acts_dashboard_incident').on('acts').columns(['incident_id', 'date_start_precision', 'date_start', 'type_code', 'place_id', 'person_id', 'id']).execute();
  await db.schema.createIndex('involvements_act_unit').on('involvements').columns(['act_id', 'unit_id']).execute();
  await db.schema.createIndex('involvements_unit_act').on('involvements').columns(['unit_id', 'act_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('involvements_unit_act').execute();
  await db.schema.dropIndex('involvements_act_unit').execute();
  await db.schema.dropIndex('acts_dashboard_incident').execute();
  await db.schema.dropIndex('acts_dashboard_id').execute();
  await db.schema.dropIndex('acts_dashboard_date').execute();
  await db.schema.dropIndex('acts_dashboard_day').execute();
}
