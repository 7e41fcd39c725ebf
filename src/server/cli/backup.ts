// `vigil backup --out FILE`: one sealed backup of everything, beside a running server or not. It
// needs no passphrase (it seals to the backup public key); it never overwrites a file, and writes
// FILE.partial first, put in place only when complete.
import { createWriteStream, existsSync, linkSync, rmSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { openServerSecret, SecretMismatchError } from '../secret-check.ts';
import { recordBackup } from '../backup/runs.ts';
import { currentKeyCodes } from '../backup/key-codes.ts';
import { BackupRefused } from '../backup/holders.ts';
import { writeBackup } from '../backup/write.ts';
import { CliFailure, runCommand } from './failure.ts';
import { optionsOf, withUsage } from './options.ts';
import { progressLine, terminalProgress } from './progress.ts';
import { BACKUP_USAGE } from './usage.ts';

export const backupCommand = (args: string[]): Promise<void> => runCommand(() => runBackup(args));

function outFile(args: string[]): string {
  const values = optionsOf(args, { out: { type: 'string' } }, withUsage(BACKUP_USAGE));
  if (!values.out) throw new CliFailure(`backup needs --out FILE.\n\nUsage:\n${BACKUP_USAGE}`);
  if (existsSync(values.out)) throw new CliFailure(`${values.out} already exists: Vigil does not write a backup over another file. Choose a new name.`);
  return values.out;
}

async function runBackup(args: string[]): Promise<void> {
  const out = outFile(args);
  const partial = `${out}.partial`;
  const config = configFromEnv();
  // Read-only on the database, so it runs beside a running server (no data-folder lock).
  const { openStorage } = await import('../storage/open.ts');
  const storage = await openStorage(config);
  const progress = terminalProgress();
  const startedAt = performance.now();
  let created = false;
  try {
    const secret = await openServerSecret(storage.db, config.secretFile);
    let file;
    try {
      file = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
      await new Promise((resolve, reject) => file!.once('open', resolve).once('error', reject));
      created = true;
    } catch {
      throw new CliFailure(`Cannot write ${partial} (does it exist already — another backup running?).`);
    }
    let rows = 0;
    // A run administrators see in the workspace, like the schedule's (its file is not in the folder: null).
    const { bytes } = await recordBackup(storage.db, () =>
      writeBackup({ storage, secret, config }, file, {
        onProgress: (p) => {
          rows = p.rows;
          progress.draw(progressLine(p.rows, p.totalRows, startedAt));
        },
      }),
    );
    // A hard link fails if the name was taken meanwhile: never a file written over.
    try {
      linkSync(partial, out);
    } catch {
      throw new CliFailure(`${out} appeared while the backup was written: the backup is left in ${partial}.`);
    }
    rmSync(partial);
    progress.finish();
    const seconds = (performance.now() - startedAt) / 1000;
    process.stderr.write(
      `Backup written to ${out}: ${bytes.toLocaleString('en')} bytes, ${rows.toLocaleString('en')} rows, in ${seconds.toFixed(1)} s. It opens only with an administrator's passphrase or the trustees' shares. Keep copies away from this server.\n${await currentKeyCodes(storage.db)}Keep these codes with the backup: \`vigil restore\` prints them again.\n`,
    );
  } catch (error) {
    progress.finish();
    if (created && !(error instanceof CliFailure)) rmSync(partial, { force: true });
    if (error instanceof BackupRefused || error instanceof SecretMismatchError) throw new CliFailure(error.message);
    throw error;
  } finally {
    await storage.close();
  }
}
