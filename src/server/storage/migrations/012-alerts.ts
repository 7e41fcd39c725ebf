// Issue 5: alerts to the community. Published alerts are public, so their text is stored plain.
// Subscribers' addresses are sealed to the intake key (the server cannot read them); only hashes of
// their confirm and unsubscribe tokens are kept. Webhook secrets are encrypted under the server
// secret (the server must sign with them). Deliveries are the log and the webhooks' retry queue.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, created, optionalText, requiredText, serialKey, uniqueId } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('alerts')
    .$call(serialKey(db))
    .$call(uniqueId)
    .$call(requiredText('texts', 'status', 'published_at'))
    .$call(optionalText('corrected_at'))
    .$call(requiredText('published_by'))
    .execute();
  await db.schema
    .createTable('alert_subscribers')
    .$call(serialKey(db))
    .$call(uniqueId)
    .$call(requiredText('key_id'))
    .addColumn('envelope', t.bytes, (c) => c.notNull())
    .$call(optionalText('confirm_hash'))
    .addColumn('unsubscribe_hash', 'text', (c) => c.notNull().unique())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(requiredText('created_day'))
    .execute();
  await createIndex(db, 'alert_subscribers_confirm', 'alert_subscribers', 'confirm_hash');
  await db.schema
    .createTable('alert_webhooks')
    .$call(serialKey(db))
    .$call(uniqueId)
    .$call(requiredText('url'))
    .addColumn('secret', t.bytes, (c) => c.notNull())
    .$call(created)
    .execute();
  await db.schema
    .createTable('alert_deliveries')
    .$call(serialKey(db))
    .$call(uniqueId)
    .$call(requiredText('alert_id', 'channel', 'target_id', 'target_label', 'status'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(optionalText('last_error', 'next_attempt_at'))
    .$call(requiredText('updated_at'))
    .execute();
  await createIndex(db, 'alert_deliveries_alert', 'alert_deliveries', 'alert_id');
  await createIndex(db, 'alert_deliveries_due', 'alert_deliveries', ['status', 'next_attempt_at']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_deliveries').execute();
  await db.schema.dropTable('alert_webhooks').execute();
  await db.schema.dropTable('alert_subscribers').execute();
  await db.schema.dropTable('alerts').execute();
}
