// `vigil <command>`: start (default) and init (create the organization headless). The server and
// the storage are loaded only by the commands that use them: `vigil link` starts in a second, not five.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { lockDataFolder, DataFolderLockedError } from '../data-lock.ts';
import { loadServerSecret } from '../secret.ts';
import { createOrganization } from '../setup/service.ts';
import { prepareOrganization } from '../../core/keyring.ts';
import { setupRequest } from '../../core/api/schemas.ts';
import { LANGUAGES, type Language } from '../../core/report/answers.ts';
import { HttpError } from '../http/errors.ts';
import { NEUTRAL_TITLE } from '../context.ts';
import { verifyAuditChain } from '../audit/log.ts';
import { EXPORT_USAGE, exportCommand } from './export.ts';
import { LINK_USAGE, linkCommand } from './link.ts';
import { ESTIMATE_USAGE, estimateCommand } from './estimate.ts';

const USAGE = `Usage:
  vigil start
  vigil init --org NAME --admin-email EMAIL --passphrase-file FILE [--title TITLE] [--languages az,ru,en]
  vigil audit verify       check the audit log's hash chain; names the first broken entry
${EXPORT_USAGE}
${LINK_USAGE}
${ESTIMATE_USAGE}

Environment: PORT, HOST, VIGIL_DATA, DATABASE_URL, VIGIL_SECRET_FILE (see README).`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function init(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        org: { type: 'string' },
        'admin-email': { type: 'string' },
        'passphrase-file': { type: 'string' },
        title: { type: 'string' },
        languages: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.org || !values['admin-email'] || !values['passphrase-file']) fail('init needs --org, --admin-email and --passphrase-file.');
  let passphrase: string;
  try {
    passphrase = readFileSync(values['passphrase-file'], 'utf8').replace(/\r?\n$/, '');
  } catch {
    fail(`Cannot read the passphrase file ${values['passphrase-file']}.`);
  }
  if (passphrase.length < 12) fail('The passphrase must be at least 12 characters.');
  const languages = (values.languages ?? LANGUAGES.join(',')).split(',').map((l) => l.trim()) as Language[];
  if (languages.some((l) => !(LANGUAGES as readonly string[]).includes(l))) fail(`Languages must be among ${LANGUAGES.join(', ')}.`);

  const config = configFromEnv();
  let unlock: () => void;
  try {
    unlock = lockDataFolder(config.dataDir);
  } catch (error) {
    if (error instanceof DataFolderLockedError) fail(error.message);
    throw error;
  }
  const { openStorage } = await import('../storage/open.ts');
  const storage = await openStorage(config);
  try {
    const request = await prepareOrganization(
      { name: values.org, publicTitle: values.title ?? NEUTRAL_TITLE, languages, adminEmail: values['admin-email'], passphrase },
      'cli-without-token',
    );
    const parsed = setupRequest.safeParse(request);
    if (!parsed.success) fail('The email address or organization name is not valid.');
    await createOrganization(storage.db, loadServerSecret(config.secretFile), parsed.data, { requireToken: false });
    console.log(`Organization "${values.org}" created. Start Vigil and log in at /app as ${parsed.data.admin.email}.`);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 409) fail('This Vigil already has an organization.');
    throw error;
  } finally {
    await storage.close();
    unlock();
  }
}

async function auditCommand(args: string[]): Promise<void> {
  if (args[0] !== 'verify' || args.length !== 1) fail('Use: vigil audit verify');
  // Read-only, so it may run beside a running server (no data-folder lock).
  const { openStorage } = await import('../storage/open.ts');
  const storage = await openStorage(configFromEnv());
  try {
    const result = await verifyAuditChain(storage.db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.rows} entries, every link checked.`);
    } else {
      console.error(`Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. ${result.rows} entries before it are intact.`);
      process.exitCode = 1;
    }
  } finally {
    await storage.close();
  }
}

export async function cli(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command === 'start') return (await import('../main.ts')).main();
  if (command === 'init') return init(rest);
  if (command === 'audit') return auditCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === 'link') return linkCommand(rest);
  if (command === 'estimate') return estimateCommand(rest);
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  fail(`Unknown command "${command}".`);
}
