// Issue 3: a team. Members get a status (invited members wait for an administrator to compare
// fingerprints), invitations, an append-only hash-chained audit log, and sessions that idle out.
import { sql, type Kysely } from 'kysely';
import { optionalText, requiredText, textKey } from './shape.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('status', 'text', (c) => c.notNull().defaultTo('active')).execute();
  await db.schema.alterTable('members').addColumn('invited_by', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await db.schema
    .createTable('invitations')
    .$call(textKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .$call(requiredText('role', 'created_by', 'created_at', 'expires_at'))
    .addColumn('member_id', 'text')
    .execute();

  // The head row serialises appends: every append updates it in the same transaction, which
  // takes its row lock on PostgreSQL (SQLite transactions are serial anyway).
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .$call(requiredText('hash'))
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .$call(requiredText('at'))
    .$call(optionalText('actor'))
    .$call(requiredText('action'))
    .$call(optionalText('object', 'detail'))
    .$call(requiredText('prev_hash', 'hash'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'audit_head', 'invitations']) await db.schema.dropTable(table).execute();
}
