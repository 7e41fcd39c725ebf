// Issue 14: the team's language and time zone, organization settings edited after setup (a version
// makes a stale edit a conflict), how each member wants to be told of new work (no content: kinds
// and a channel; a member's own webhook address sealed under the server secret), and which answers
// each member has seen (for unread badges).
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { ofMember, requiredText } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('members').addColumn('language', 'text').execute();
  await db.schema.alterTable('organization').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();
  await db.schema.alterTable('organization').addColumn('exit_url', 'text').execute();
  await db.schema.alterTable('organization').addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable('notice_settings')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .$call(requiredText('channel', 'kinds'))
    .addColumn('webhook', t.bytes)
    .$call(requiredText('updated_at'))
    .execute();
  await db.schema
    .createTable('report_reads')
    .$call(ofMember)
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('seen_seq', 'bigint', (c) => c.notNull().defaultTo(sql`0`))
    .addPrimaryKeyConstraint('report_reads_pk', ['member_id', 'report_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_reads').execute();
  await db.schema.dropTable('notice_settings').execute();
  await db.schema.alterTable('organization').dropColumn('settings_version').execute();
  await db.schema.alterTable('organization').dropColumn('exit_url').execute();
  await db.schema.alterTable('organization').dropColumn('time_zone').execute();
  await db.schema.alterTable('members').dropColumn('language').execute();
}
