// Every storage test runs on both databases. PostgreSQL tests each get a database of their own
// on the server named by VIGIL_TEST_PG_URL (npm test starts one if none is given).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export function adminUrl(): string {
  const url = process.env.VIGIL_TEST_PG_URL;
  if (!url) throw new Error('VIGIL_TEST_PG_URL is not set: run the tests with `npm test`, which starts PostgreSQL.');
  return url;
}

export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
