// Creating the organization: its record, the first administrator, the intake, records and backup keys, in one
// transaction. Used by the setup page's API and by `vigil init`. Everything secret arrives
// already wrapped or sealed by the browser (or the CLI), so nothing here can read it.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, addKey, checkGrant } from '../keys/org-keys.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import type { SetupRequest } from '../../core/api/auth.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { DEFAULT_TIME_ZONE } from '../../core/i18n/format.ts';
import { livingInstances } from '../cluster/instance.ts';
import { isUniqueViolation } from '../storage/unique.ts';


/**
 * A fresh one-time setup token for this server (`owner`), or null once set up. It replaces the links
 * of servers no longer running (a restart prints a new one and the old stops working); a neighbour's
 * link on the same database works too, until either is used: the organization is made once.
 */
export async function issueSetupToken(db: Kysely<Database>, owner: string): Promise<string | null> {
  if (await db.selectFrom('organization').select('id').executeTakeFirst()) return null;
  const token = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_tokens').where((eb) => eb.or([eb('owner', 'is', null), eb('owner', 'not in', livingInstances(trx))])).execute();
    await trx.insertInto('setup_tokens').values({ token_hash: hashToken(token), created_at: new Date().toISOString(), owner }).execute();
  });
  return token;
}

export async function setupTokenIsValid(db: Kysely<Database>, token: string): Promise<boolean> {
  return !!(await db.selectFrom('setup_tokens').select('token_hash').where('token_hash', '=', hashToken(token)).executeTakeFirst());
}

function bytes(text: string, length?: number): Uint8Array {
  const decoded = fromBase64Url(text);
  if (!decoded || (length !== undefined && decoded.length !== length)) throw new HttpError(400, 'bad-request');
  return decoded;
}

/** `token: null` is the CLI, which has the database itself and needs no link. */
export async function createOrganization(db: Kysely<Database>, secret: ServerSecret, input: SetupRequest, options: { requireToken: boolean }): Promise<void> {
  const memberPublicKey = bytes(input.admin.publicKey, 32);
  const keys = [
    { purpose: 'intake' as const, publicKey: bytes(input.intakeKey.publicKey, 32), grant: bytes(input.intakeKey.grant) },
    { purpose: 'records' as const, publicKey: bytes(input.recordsKey.publicKey, 32), grant: bytes(input.recordsKey.grant) },
    { purpose: 'backup' as const, publicKey: bytes(input.backupKey.publicKey, 32), grant: bytes(input.backupKey.grant) },
  ];
  const wrapped = bytes(input.admin.wrappedPrivateKey);
  const loginKey = bytes(input.admin.loginKey, 32);
  for (const key of keys) await checkGrant(key.grant, memberPublicKey);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('organization').select('id').executeTakeFirst()) throw new HttpError(409, 'already-set-up');
    if (options.requireToken) {
      const deleted = await trx.deleteFrom('setup_tokens').where('token_hash', '=', hashToken(input.token)).executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) throw new HttpError(404, 'not-found');
    }
    await trx.deleteFrom('setup_tokens').execute();
    await trx
      .insertInto('organization')
      .values({
        id: 1,
        name: input.organization.name,
        public_title: input.organization.publicTitle,
        languages: JSON.stringify(input.organization.languages),
        time_zone: input.organization.timeZone ?? DEFAULT_TIME_ZONE,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('members')
      .values({
        id: input.admin.id,
        email: input.admin.email,
        role: 'admin',
        kdf: JSON.stringify(input.admin.kdf),
        login_hash: secret.keyedHash('login', loginKey),
        public_key: memberPublicKey,
        wrapped_private_key: wrapped,
        created_at: now,
        status: 'active',
        invited_by: null,
      })
      .execute();
    await appendAudit(trx, { actor: input.admin.id, action: 'organization.created', object: null });
    for (const key of keys) {
      const keyId = await addKey(trx, secret, key, now);
      await addGrant(trx, secret, { memberId: input.admin.id, memberPublicKey, keyId, sealed: key.grant }, now);
      await appendAudit(trx, { actor: input.admin.id, action: 'key.granted', object: input.admin.id, detail: { key: keyId, purpose: key.purpose } });
    }
  }).catch(async (error: unknown) => {
    // Two setups at once (two servers' links, or one link sent twice): the second one's organization
    // row collides with the first's. Said as a setup already done, not a server error.
    if (isUniqueViolation(error) && (await db.selectFrom('organization').select('id').executeTakeFirst())) throw new HttpError(409, 'already-set-up');
    throw error;
  });
}
