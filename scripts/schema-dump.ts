// The schema the migrations build, on a fresh SQLite and a fresh PostgreSQL database, as text: run
// it before and after touching a migration and diff the two (the schema must not move).
//   VIGIL_TEST_PG_URL=postgres://… node --import tsx scripts/schema-dump.ts > schema.txt
// SQLite prints each object's own `create` statement; PostgreSQL its columns, constraints, indexes
// and sequences from the catalog. Without VIGIL_TEST_PG_URL only SQLite is dumped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openStorage } from '../src/server/storage/open.ts';
import { createTestDatabase } from '../test/support/backends.ts';

async function sqliteSchema(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-schema-'));
  const storage = await openStorage({ dataDir });
  try {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master order by type, name`.execute(storage.db);
    return rows.map((r) => `sqlite ${r.type} ${r.name}: ${r.sql ?? ''}`);
  } finally {
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function lines(db: Kysely<any>, label: string, query: ReturnType<typeof sql<Record<string, unknown>>>): Promise<string[]> {
  const { rows } = await query.execute(db);
  return rows.map((r) => `postgres ${label} ${Object.values(r).map((v) => String(v)).join(' | ')}`);
}

async function postgresSchema(): Promise<string[]> {
  const database = await createTestDatabase();
  const storage = await openStorage({ dataDir: tmpdir(), databaseUrl: database.url });
  try {
    const db = storage.db as Kysely<any>;
    return [
      ...(await lines(db, 'column', sql`select table_name, ordinal_position, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`)),
      ...(await lines(db, 'constraint', sql`select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
        from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`)),
      ...(await lines(db, 'index', sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`)),
      ...(await lines(db, 'sequence', sql`select sequence_name, data_type, start_value, increment from information_schema.sequences where sequence_schema = 'public' order by 1`)),
    ];
  } finally {
    await storage.close();
    await database.drop();
  }
}

const out = [...(await sqliteSchema()), ...(process.env.VIGIL_TEST_PG_URL ? await postgresSchema() : [])];
process.stdout.write(`${out.join('\n')}\n`);
