// Issue 3: second factors (TOTP, passkeys), recovery codes, short-lived challenges, and the
// organization's "second factor required" setting.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('organization').addColumn('require_second_factor', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('second_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    // TOTP: the shared secret, encrypted under a key derived from the server secret.
    .addColumn('totp_secret', t.bytes)
    // Passkey: the credential id, its public key (COSE), signature counter and transports.
    .addColumn('credential_id', 'text')
    .addColumn('public_key', t.bytes)
    .addColumn('counter', 'integer')
    .addColumn('transports', 'text')
    .execute();
  await db.schema.createIndex('second_factors_member').on('second_factors').column('member_id').execute();
  await db.schema
    .createTable('recovery_codes')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recovery_codes_pk', ['member_id', 'code_hash'])
    .execute();
  await db.schema
    .createTable('challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('webauthn_challenge', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['challenges', 'recovery_codes', 'second_factors']) await db.schema.dropTable(table).execute();
}
