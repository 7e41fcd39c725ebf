// One server per data folder: two processes writing one SQLite file (or sharing one secret and
// setup token) is how data gets corrupted. The lock is an operating-system lock (SQLite's
// exclusive locking mode on a file of its own), so it vanishes with the process — even after a
// crash — and two servers starting at the same moment cannot both get it.
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number | null) {
    super(
      `Another Vigil server${pid ? ` (process ${pid})` : ''} is already using the data folder ${dataDir}. Stop it first, or set VIGIL_DATA to another folder.`,
    );
  }
}

export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pidFile = join(dataDir, 'vigil.pid');
  const lock = new SqliteDatabase(join(dataDir, 'vigil.lock'), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch {
    lock.close();
    let pid: number | null = null;
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim()) || null;
    } catch {
      // no pid file: the message just has no number
    }
    throw new DataFolderLockedError(dataDir, pid);
  }
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
  return () => {
    rmSync(pidFile, { force: true });
    lock.close();
  };
}
