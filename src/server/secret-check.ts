// A database and its server secret belong together: every codename lookup, login hash and second
// factor is keyed by the secret. The database keeps a keyed check of the secret it was made with, so a
// server whose secret file is missing or replaced refuses to start, saying what to restore, instead of
// quietly making a new secret and locking the team out of its own data.
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from './storage/schema.ts';
import { loadServerSecret, type ServerSecret } from './secret.ts';

export class SecretMismatchError extends Error {}

const CHECKED = 'vigil/secret-check/v1';

const missing = (file: string) =>
  `This Vigil's database was made with a server secret, but ${file} is missing. Restore that file (VIGIL_SECRET_FILE) from where you keep it: without it no codename, login or second factor matches. Vigil will not make a new one over existing data.`;
const replaced = (file: string) =>
  `The server secret in ${file} is not the one this database was made with. Put back the original file (VIGIL_SECRET_FILE): with another secret no codename, login or second factor matches.`;

/** The server secret for this database: made on first start, refused when missing or not its own. */
export async function openServerSecret(db: Kysely<Database>, file: string): Promise<ServerSecret> {
  const stored = await db.selectFrom('secret_check').select('check_value').where('id', '=', 1).executeTakeFirst();
  // A database from before the check: an organization in it means a secret was made for it.
  const made = stored !== undefined || (await db.selectFrom('organization').select('id').executeTakeFirst()) !== undefined;
  if (made && !existsSync(file)) throw new SecretMismatchError(missing(file));
  const secret = loadServerSecret(file);
  const value = secret.keyedHash('secret-check', CHECKED);
  if (!stored) {
    // Several servers on one PostgreSQL may start at once: the first check written is the one kept.
    await db.insertInto('secret_check').values({ id: 1, check_value: value, created_at: new Date().toISOString() }).onConflict((c) => c.column('id').doNothing()).execute();
    const kept = await db.selectFrom('secret_check').select('check_value').where('id', '=', 1).executeTakeFirstOrThrow();
    if (!secret.equal(kept.check_value, value)) throw new SecretMismatchError(replaced(file));
  } else if (!secret.equal(stored.check_value, value)) {
    throw new SecretMismatchError(replaced(file));
  }
  return secret;
}
