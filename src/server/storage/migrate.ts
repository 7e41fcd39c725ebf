import { Migrator, type Kysely, type Migration } from 'kysely';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-team.ts';
import * as m003 from './migrations/003-triage.ts';
import * as m004 from './migrations/004-second-factor.ts';
import * as m005 from './migrations/005-key-integrity.ts';
import * as m006 from './migrations/006-records.ts';
import * as m007 from './migrations/007-evidence.ts';
import * as m008 from './migrations/008-record-indexes.ts';
import * as m009 from './migrations/009-transfer-time.ts';
import * as m010 from './migrations/010-report-cache.ts';
import * as m011 from './migrations/011-public-counts.ts';
import * as m012 from './migrations/012-alerts.ts';
import * as m013 from './migrations/013-guides.ts';
import * as m014 from './migrations/014-provenance.ts';
import * as m015 from './migrations/015-dashboard.ts';
import * as m016 from './migrations/016-lookup-indexes.ts';
import * as m017 from './migrations/017-login-guard.ts';
import * as m018 from './migrations/018-person-merges.ts';
import * as m019 from './migrations/019-duplicate-acts.ts';
import * as m020 from './migrations/020-channels.ts';
import * as m021 from './migrations/021-estimate-indexes.ts';
import * as m022 from './migrations/022-secret-check.ts';
import * as m023 from './migrations/023-seizure.ts';
import * as m024 from './migrations/024-team.ts';
import * as m025 from './migrations/025-servers.ts';
import * as m026 from './migrations/026-charged-article.ts';

// Listed in code, not read from a folder, so the bundle and tests see the same set.
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-team': m002,
  '003-triage': m003,
  '004-second-factor': m004,
  '005-key-integrity': m005,
  '006-records': m006,
  '007-evidence': m007,
  '008-record-indexes': m008,
  '009-transfer-time': m009,
  '010-report-cache': m010,
  '011-public-counts': m011,
  '012-alerts': m012,
  '013-guides': m013,
  '014-provenance': m014,
  '015-dashboard': m015,
  '016-lookup-indexes': m016,
  '017-login-guard': m017,
  '018-person-merges': m018,
  '019-duplicate-acts': m019,
  '020-channels': m020,
  '021-estimate-indexes': m021,
  '022-secret-check': m022,
  '023-seizure': m023,
  '024-team': m024,
  '025-servers': m025,
  '026-charged-article': m026,
};

/** The level a database is at: its last migration's name (a backup records it; a restore goes there first). */
export async function migrationLevel(db: Kysely<any>): Promise<string> {
  const row = await db.selectFrom('kysely_migration').select('name').orderBy('name', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.name as string;
}

export const isKnownMigration = (name: string): boolean => Object.hasOwn(MIGRATIONS, name);

/**
 * Migrates to the latest level, or to `level`. `insideTransaction`: the caller has begun a
 * transaction on the database's one connection (a restore, all or nothing), so the migrator must
 * not begin or commit its own.
 */
export async function migrateToLatest(db: Kysely<any>, options: { level?: string; insideTransaction?: boolean } = {}): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, disableTransactions: options.insideTransaction ?? false });
  const { error, results } = await (options.level ? migrator.migrateTo(options.level) : migrator.migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
