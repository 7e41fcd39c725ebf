// `vigil init`: create the organization headless, from a passphrase file (no setup link needed).
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../core/i18n/format.ts';
import { optionsOf } from './options.ts';
import { readFileSync } from 'node:fs';
import { configFromEnv } from '../config.ts';
import { lockDataFolder, DataFolderLockedError } from '../data-lock.ts';
import { openServerSecret, SecretMismatchError } from '../secret-check.ts';
import { createOrganization } from '../setup/service.ts';
import { prepareOrganization } from '../../core/keyring.ts';
import { setupRequest } from '../../core/api/auth.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { HttpError } from '../http/errors.ts';
import { NEUTRAL_TITLE } from '../context.ts';
import { fail } from './usage.ts';

export async function init(args: string[]): Promise<void> {
  const values = optionsOf(
    args,
    {
      org: { type: 'string' },
      'admin-email': { type: 'string' },
      'passphrase-file': { type: 'string' },
      title: { type: 'string' },
      languages: { type: 'string' },
      'time-zone': { type: 'string' },
    },
    fail,
  );
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
  // Every time Vigil shows is in this zone; by default the zone this machine is set to.
  const timeZone = values['time-zone'] ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE);
  if (!isTimeZone(timeZone)) fail(`${timeZone} is not a time zone this machine knows (an IANA name such as Asia/Baku).`);

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
    const parsed = setupRequest.safeParse({ ...request, organization: { ...request.organization, timeZone } });
    if (!parsed.success) fail('The email address or organization name is not valid.');
    await createOrganization(storage.db, await openServerSecret(storage.db, config.secretFile), parsed.data, { requireToken: false });
    console.log(`Organization "${values.org}" created. Start Vigil and log in at /app as ${parsed.data.admin.email}.`);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 409) fail('This Vigil already has an organization.');
    if (error instanceof SecretMismatchError) fail(error.message);
    throw error;
  } finally {
    await storage.close();
    unlock();
  }
}
