// Issue 3: second factors (TOTP, passkeys), recovery codes, short-lived challenges, and the
// organization's "second factor required" setting.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { createIndex, ofMember, optionalText, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('organization').addColumn('require_second_factor', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('second_factors')
    .$call(textKey())
    .$call(ofMember)
    .$call(requiredText('kind', 'name', 'created_at'))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    // TOTP: the shared secret, encrypted under a key derived from the server secret.
    .addColumn('totp_secret', t.bytes)
    // Passkey: the credential id, its public key (COSE), signature counter and transports.
    .addColumn('credential_id', 'text')
    .addColumn('public_key', t.bytes)
    .addColumn('counter', 'integer')
    .addColumn('transports', 'text')
    .execute();
  await createIndex(db, 'second_factors_member', 'second_factors', 'member_id');
  await db.schema
    .createTable('recovery_codes')
    .$call(ofMember)
    .$call(requiredText('code_hash'))
    .addPrimaryKeyConstraint('recovery_codes_pk', ['member_id', 'code_hash'])
    .execute();
  await db.schema
    .createTable('challenges')
    .$call(textKey('token_hash'))
    .$call(ofMember)
    .$call(requiredText('purpose'))
    .$call(optionalText('webauthn_challenge'))
    .$call(requiredText('expires_at'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['challenges', 'recovery_codes', 'second_factors']) await db.schema.dropTable(table).execute();
}
