// Looks straight into a test server's database, as someone who seized it would.
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { TestServer } from './server.ts';

export async function query<T = Record<string, unknown>>(server: TestServer, sql: string): Promise<T[]> {
  if (server.backend === 'sqlite') {
    const db = new SqliteDatabase(join(server.dataDir, 'vigil.sqlite'));
    try {
      const statement = db.prepare(sql);
      if (!statement.reader) {
        statement.run();
        return [];
      }
      return statement.all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function countReports(server: TestServer): Promise<number> {
  const [row] = await query<{ n: number | string }>(server, 'select count(*) as n from reports');
  return Number(row!.n);
}
