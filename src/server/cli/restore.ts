// `vigil restore --in FILE`: a backup into an empty data folder or an empty PostgreSQL
// (DATABASE_URL), whichever database made it. Opened with an administrator's email and passphrase
// (asked on the terminal, or --email and --passphrase-file) or the trustees' shares (--shares).
// All or nothing: any problem leaves the target as it was, says what it is, and exits 2.
import { createReadStream, existsSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { lockDataFolder, DataFolderLockedError } from '../data-lock.ts';
import { BackupError } from '../../core/backup/errors.ts';
import { ShareError } from '../../core/recovery/shares.ts';
import { restoreBackup, type Unlock } from '../backup/restore.ts';
import { TargetNotEmpty } from '../backup/target.ts';
import { CliFailure, runCommand } from './failure.ts';
import { optionsOf, withUsage } from './options.ts';
import { progressLine, terminalProgress } from './progress.ts';
import { askPassphrase, prompt } from './prompt.ts';
import { RESTORE_USAGE } from './usage.ts';

export const restoreCommand = (args: string[]): Promise<void> => runCommand(() => runRestore(args));

type Options = { in?: string; email?: string; 'passphrase-file'?: string; shares?: string };

function options(args: string[]): Options & { in: string } {
  const values: Options = optionsOf(args, { in: { type: 'string' }, email: { type: 'string' }, 'passphrase-file': { type: 'string' }, shares: { type: 'string' } }, withUsage(RESTORE_USAGE));
  if (!values.in) throw new CliFailure(`restore needs --in FILE.\n\nUsage:\n${RESTORE_USAGE}`);
  if (!existsSync(values.in)) throw new CliFailure(`There is no file ${values.in}.`);
  if (values.shares && (values.email || values['passphrase-file'])) throw new CliFailure('Give either --shares or an administrator\u2019s --email and passphrase, not both.');
  return values as Options & { in: string };
}

async function unlockFrom(values: Options): Promise<Unlock> {
  if (values.shares) {
    const { readShareFiles } = await import('./shares.ts');
    return { shares: readShareFiles(values.shares.split(',')) };
  }
  if (!values.email && !process.stdin.isTTY) throw new CliFailure('Give --email and --passphrase-file (or --shares), or run in a terminal to type them.');
  const email = values.email ?? (await prompt('Administrator\u2019s email: ', false)).trim();
  return { email, passphrase: await askPassphrase(email, values['passphrase-file']) };
}

async function runRestore(args: string[]): Promise<void> {
  const values = options(args);
  const config = configFromEnv();
  const unlock = await unlockFrom(values);
  let release: () => void;
  try {
    release = lockDataFolder(config.dataDir);
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw new CliFailure(error.message);
    throw error;
  }
  const progress = terminalProgress();
  const startedAt = performance.now();
  try {
    const result = await restoreBackup(createReadStream(values.in), unlock, config, { onProgress: (rows, total) => progress.draw(progressLine(rows, total, startedAt)) });
    progress.finish();
    const into = config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the data folder ${config.dataDir}`;
    process.stderr.write(
      `Restored ${result.rows.toLocaleString('en')} rows (${result.tables} tables) into ${into} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s. ` +
        'Start Vigil (npx vigil start): members log in with their passphrases as before; no session of the old server works here.\n' +
        `${result.keyCodes}Check they are those \`vigil backup\` printed when the backup was made: a backup forged from a copy of the database would show others.\n`,
    );
  } catch (error) {
    progress.finish();
    if (error instanceof BackupError || error instanceof TargetNotEmpty) throw new CliFailure(error.message);
    if (error instanceof ShareError) throw new CliFailure((await import('./shares.ts')).shareProblem(error));
    throw error;
  } finally {
    if ('passphrase' in unlock) unlock.passphrase = '';
    release();
  }
}
