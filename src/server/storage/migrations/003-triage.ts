// Issue 3: triage and conversations. State, assignee and tags are plain so the server can filter
// and count; notes and messages are sealed envelopes like reports.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, requiredText, serialKey, textKey, uniqueId } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('reports').addColumn('state', 'text', (c) => c.notNull().defaultTo('new')).execute();
  await db.schema.alterTable('reports').addColumn('assignee', 'text').execute();
  await db.schema.alterTable('reports').addColumn('duplicate_of', 'text').execute();
  // The reporter's public key, derived from their codename: replies are sealed to it.
  await db.schema.alterTable('reports').addColumn('reporter_key', t.bytes).execute();
  await createIndex(db, 'reports_state', 'reports', 'state');

  await db.schema
    .createTable('report_tags')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .$call(requiredText('tag'))
    .addPrimaryKeyConstraint('report_tags_pk', ['report_id', 'tag'])
    .execute();
  await createIndex(db, 'report_tags_tag', 'report_tags', 'tag');

  await db.schema
    .createTable('notes')
    .$call(textKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .$call(requiredText('author', 'created_at', 'key_id'))
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .execute();
  await createIndex(db, 'notes_report', 'notes', 'report_id');

  // A conversation with the reporter. Team messages are sealed twice: to the reporter's key
  // (for_reporter) and to the intake key (for_team, so the team can read its own replies).
  await db.schema
    .createTable('messages')
    .$call(serialKey(db))
    .$call(uniqueId)
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .$call(requiredText('direction'))
    .addColumn('author', 'text')
    .$call(requiredText('created_hour', 'key_id'))
    .addColumn('for_team', t.bytes, (c) => c.notNull())
    .addColumn('for_reporter', t.bytes)
    .execute();
  await createIndex(db, 'messages_report', 'messages', 'report_id');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'notes', 'report_tags']) await db.schema.dropTable(table).execute();
}
