// Looks straight into a test server's database, as someone who seized it would.
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { TestServer } from './server.ts';

export async function query<T = Record<string, unknown>>(server: Pick<TestServer, 'backend' | 'dataDir' | 'databaseUrl'>, sql: string): Promise<T[]> {
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

export async function countReports(server: Pick<TestServer, 'backend' | 'dataDir' | 'databaseUrl'>): Promise<number> {
  const [row] = await query<{ n: number | string }>(server, 'select count(*) as n from reports');
  return Number(row!.n);
}

/** Every file in the data folder, the server's log and (PostgreSQL) a full dump: what a seizure yields. */
export async function everythingStored(server: TestServer): Promise<[string, Buffer][]> {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  const haystacks: [string, Buffer][] = filesUnder(server.dataDir).map((file) => [file, readFileSync(file)]);
  haystacks.push(['server log', Buffer.from(server.logs().split('\n').filter((line) => !line.includes('Server listening')).join('\n'))]);
  if (server.databaseUrl) {
    haystacks.push(['pg_dump', execFileSync('pg_dump', ['--no-owner', '--data-only', '--inserts', server.databaseUrl], { maxBuffer: 256 * 1024 * 1024 })]);
  }
  return haystacks;
}

/** Names of the places where any of the needles was found (expected: none). */
export async function findPlaintext(server: TestServer, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [name, content] of await everythingStored(server)) {
    for (const needle of needles) if (content.includes(needle)) found.push(`${needle} in ${name}`);
  }
  return found;
}
