// Where a restore goes in tests: a fresh data folder, with an empty PostgreSQL database for that
// kind; and the check that a failed restore left nothing there.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type Backend } from './backends.ts';

/** Where a restore goes: a data folder, and an empty PostgreSQL database for that kind. */
export interface Target {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function newTarget(kind: Backend): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-restore-'));
  const database = kind === 'postgres' ? await createTestDatabase() : undefined;
  return {
    env: { VIGIL_DATA: dataDir, DATABASE_URL: database?.url ?? '' },
    dataDir,
    async drop() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a failed restore may leave in the target: nothing but the data-folder lock. */
export async function targetHoldsNothing(target: Target): Promise<void> {
  assert.deepEqual(readdirSync(target.dataDir).filter((f) => f !== 'vigil.lock'), []);
  if (target.env.DATABASE_URL) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("select count(*)::int as n from information_schema.tables where table_schema = current_schema()");
    await client.end();
    assert.equal(rows[0].n, 0, 'no table left in PostgreSQL');
  }
}
