// Issue 3: triage and conversations. State, assignee and tags are plain so the server can filter
// and count; notes and messages are sealed envelopes like reports.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('reports').addColumn('state', 'text', (c) => c.notNull().defaultTo('new')).execute();
  await db.schema.alterTable('reports').addColumn('assignee', 'text').execute();
  await db.schema.alterTable('reports').addColumn('duplicate_of', 'text').execute();
  // The reporter's public key, derived from their codename: replies are sealed to it.
  await db.schema.alterTable('reports').addColumn('reporter_key', t.bytes).execute();
  await db.schema.createIndex('reports_state').on('reports').column('state').execute();

  await db.schema
    .createTable('report_tags')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_tags_pk', ['report_id', 'tag'])
    .execute();
  await db.schema.createIndex('report_tags_tag').on('report_tags').column('tag').execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_report').on('notes').column('report_id').execute();

  // A conversation with the reporter. Team messages are sealed twice: to the reporter's key
  // (for_reporter) and to the intake key (for_team, so the team can read its own replies).
  await db.schema
    .createTable('messages')
    .addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('created_hour', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('for_team', t.bytes, (c) => c.notNull())
    .addColumn('for_reporter', t.bytes)
    .execute();
  await db.schema.createIndex('messages_report').on('messages').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'notes', 'report_tags']) await db.schema.dropTable(table).execute();
}
