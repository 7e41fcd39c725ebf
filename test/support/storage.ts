// A migrated database of its own on either backend, without a server: for stores tested directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage, type Storage } from '../../src/server/storage/open.ts';
import { createTestDatabase, type Backend } from './backends.ts';

export interface TestStorage extends Storage {
  databaseUrl: string | undefined;
  /** Closes the database and removes its folder or drops its PostgreSQL database. */
  remove(): Promise<void>;
}

export async function openTestStorage(backend: Backend): Promise<TestStorage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-storage-'));
  const database = backend === 'postgres' ? await createTestDatabase() : undefined;
  const storage = await openStorage({ dataDir, databaseUrl: database?.url });
  return {
    ...storage,
    databaseUrl: database?.url,
    async remove() {
      await storage.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
