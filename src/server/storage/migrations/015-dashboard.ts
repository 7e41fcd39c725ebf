// Issue 5: indexes for the workspace dashboard at 100,000 acts. Its counts are grouped scans of the
// acts' plain columns; these indexes hold every column they read, so a scan never touches the rows
// (each carries kilobytes of sealed fields): by date (ranges), by incident and date (an incident,
// with or without a range), by id with the person (detentions joined without a filter), and
// involvements by act and unit (joins) and by unit and act (counted per unit); and a narrow one of the dates alone, the smallest to scan for the
// timeline (a full pass touches fewer pages, and SQLite's page cache is 16 MB).
import type { Kysely } from 'kysely';
import { createIndex } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createIndex(db, 'acts_dashboard_day', 'acts', ['date_start_precision', 'date_start']);
  await createIndex(db, 'acts_dashboard_date', 'acts', ['date_start_precision', 'date_start', 'type_code', 'place_id', 'person_id', 'incident_id', 'id']);
  await createIndex(db, 'acts_dashboard_id', 'acts', ['id', 'person_id']);
  await createIndex(db, 'acts_dashboard_incident', 'acts', ['incident_id', 'date_start_precision', 'date_start', 'type_code', 'place_id', 'person_id', 'id']);
  await createIndex(db, 'involvements_act_unit', 'involvements', ['act_id', 'unit_id']);
  await createIndex(db, 'involvements_unit_act', 'involvements', ['unit_id', 'act_id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('involvements_unit_act').execute();
  await db.schema.dropIndex('involvements_act_unit').execute();
  await db.schema.dropIndex('acts_dashboard_incident').execute();
  await db.schema.dropIndex('acts_dashboard_id').execute();
  await db.schema.dropIndex('acts_dashboard_date').execute();
  await db.schema.dropIndex('acts_dashboard_day').execute();
}
