// Forces a file's (or a folder's) bytes to the disk: what a rename or a deletion relies on to
// survive a pulled plug.
import { open } from 'node:fs/promises';

export async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
