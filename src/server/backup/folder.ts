// The schedule's files in VIGIL_BACKUP_DIR: each written under a .partial name, flushed, renamed,
// and the folder flushed — so a crash or a pulled plug leaves either a whole backup or a .partial,
// never a short file that looks whole. Pruning deletes only files the schedule itself finished.
import { open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { flushToDisk as flush } from './flush.ts';

const OWN_NAME = /^vigil-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.backup$/;
const PARTIAL = '.partial';

/** "vigil-2026-11-20T14-05-09.123Z.backup": UTC, sorts in time order, no colons (FAT drives). */
export function backupFileName(at: Date): string {
  return `vigil-${at.toISOString().replaceAll(':', '-')}.backup`;
}

/**
 * `write` fills DIR/NAME.partial (which must not exist yet: one run never overwrites another's);
 * on success it becomes DIR/NAME, on any failure it is removed.
 */
export async function writeAtomically(dir: string, name: string, write: (path: string) => Promise<{ bytes: number }>): Promise<{ bytes: number }> {
  const partial = join(dir, name + PARTIAL);
  // Made here, exclusively (a missing folder fails now, ENOENT; nothing is written over), and
  // readable by the server's user only, as `vigil backup --out`'s files.
  await (await open(partial, 'wx', 0o600)).close();
  try {
    const result = await write(partial);
    await flush(partial);
    await rename(partial, join(dir, name));
    await flush(dir);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Deletes the oldest of `own` (the schedule's finished files) present in DIR beyond the newest `keep`. */
export async function prune(dir: string, own: Set<string>, keep: number): Promise<string[]> {
  const present = (await readdir(dir)).filter((name) => OWN_NAME.test(name) && own.has(name)).sort();
  const old = present.slice(0, Math.max(0, present.length - keep));
  // Forced: after a lockdown this server and the lockdown's own request may both be deleting.
  for (const name of old) await rm(join(dir, name), { force: true });
  if (old.length) await flush(dir);
  return old;
}

/** What an interrupted run of ours left (`names` from its rows): its .partial, if any. */
export async function removePartials(dir: string, names: string[]): Promise<void> {
  for (const name of names) if (OWN_NAME.test(name)) await rm(join(dir, name + PARTIAL), { force: true });
}
