// Issue 5: alerts to the community. Published alerts are public, so their text is stored plain.
// Subscribers' addresses are sealed to the intake key (the server cannot read them); only hashes of
// their confirm and unsubscribe tokens are kept. Webhook secrets are encrypted under the server
// secret (the server must sign with them). Deliveries are the log and the webhooks' retry queue.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const serial = (c: any) => c.primaryKey().$call((col: any) => (t.isSqlite ? col.autoIncrement() : col));
  await db.schema
    .createTable('alerts')
    .addColumn('seq', t.serial, serial)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text')
    .addColumn('published_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alert_subscribers')
    .addColumn('seq', t.serial, serial)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .addColumn('confirm_hash', 'text')
    .addColumn('unsubscribe_hash', 'text', (c) => c.notNull().unique())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_day', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_subscribers_confirm').on('alert_subscribers').column('confirm_hash').execute();
  await db.schema
    .createTable('alert_webhooks')
    .addColumn('seq', t.serial, serial)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', t.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alert_deliveries')
    .addColumn('seq', t.serial, serial)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_deliveries_alert').on('alert_deliveries').column('alert_id').execute();
  await db.schema.createIndex('alert_deliveries_due').on('alert_deliveries').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_deliveries').execute();
  await db.schema.dropTable('alert_webhooks').execute();
  await db.schema.dropTable('alert_subscribers').execute();
  await db.schema.dropTable('alerts').execute();
}
