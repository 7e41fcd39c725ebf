// One server per data folder: two processes writing one SQLite file (or sharing one secret and
// setup token) is how data gets corrupted. The lock is a file created exclusively, holding our pid;
// a lock left by a process that no longer exists is taken over.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`Another Vigil server (process ${pid}) is already using the data folder ${dataDir}. Stop it first, or set VIGIL_DATA to another folder.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'vigil.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataFolderLockedError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new DataFolderLockedError(dataDir, -1);
}
