// The trustees' kit on the server: made by an administrator's browser (its public key, how it was
// split, the token's hash, every organization key sealed to it), and found again from the token M
// trustees derive from their shares. The server never holds a share or the kit's private key.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import type { RecoveryKitRequest } from '../../core/api/recovery.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { HttpError, base64Param } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { addRecoveryGrant, exactGrants, orgKeys } from '../keys/org-keys.ts';
import { recoveryGrantIsIntact, recoveryKitMac } from '../keys/integrity.ts';
import { currentRecoveryKit, type RecoveryKit } from '../keys/recovery-kit.ts';
import { lockOrganization } from '../keys/serialise.ts';

type Db = Kysely<Database> | Transaction<Database>;


/** Stores a new kit holding every organization key; the previous kit and its grants are retired. */
export async function createKit(trx: Transaction<Database>, secret: ServerSecret, input: RecoveryKitRequest, actor: string): Promise<string> {
  await lockOrganization(trx);
  const publicKey = base64Param(input.publicKey, 32);
  const id = await keyIdOf(publicKey);
  // Every organization key, current and retired, each sealed to the kit (addRecoveryGrant checks): no fewer, no more.
  const grants = exactGrants((await orgKeys(trx, secret)).map((k) => k.id), input.grants);
  if (await trx.selectFrom('recovery_kits').select('id').where('id', '=', id).executeTakeFirst()) throw new HttpError(409, 'already-set-up');
  const now = new Date().toISOString();
  const previous = await trx.selectFrom('recovery_kits').select('id').where('retired_at', 'is', null).execute();
  for (const kit of previous) {
    await trx.updateTable('recovery_kits').set({ retired_at: now }).where('id', '=', kit.id).execute();
    await trx.deleteFrom('recovery_grants').where('kit_id', '=', kit.id).execute();
    await appendAudit(trx, { actor, action: 'recovery.kit-retired', object: kit.id });
  }
  const row = { id, public_key: publicKey, threshold: input.threshold, shares: input.shares, token_hash: input.tokenHash };
  await trx.insertInto('recovery_kits').values({ ...row, created_at: now, created_by: actor, retired_at: null, mac: recoveryKitMac(secret, row) }).execute();
  for (const [keyId, sealed] of grants) await addRecoveryGrant(trx, secret, { kitId: id, kitPublicKey: publicKey, keyId, sealed }, now);
  await appendAudit(trx, { actor, action: 'recovery.kit-created', object: id, detail: { threshold: input.threshold, shares: input.shares, keys: grants.size } });
  return id;
}

/** The current kit, if this token is the one its shares give; 403 otherwise (compared in constant time). */
export async function trusteesKit(db: Db, secret: ServerSecret, token: string): Promise<RecoveryKit> {
  const kit = await currentRecoveryKit(db, secret);
  if (!kit) throw new HttpError(404, 'not-found');
  if (!secret.equal(hashToken(token), kit.tokenHash)) throw new HttpError(403, 'recovery-refused');
  return kit;
}

/** The kit's grants this server recorded (a valid MAC) of keys it recorded. */
export async function kitGrants(db: Db, secret: ServerSecret, kitId: string): Promise<{ keyId: string; sealed: Uint8Array }[]> {
  const [rows, keys] = await Promise.all([db.selectFrom('recovery_grants').selectAll().where('kit_id', '=', kitId).execute(), orgKeys(db, secret)]);
  const known = new Set(keys.map((k) => k.id));
  return rows.filter((r) => recoveryGrantIsIntact(secret, r) && known.has(r.key_id)).map((r) => ({ keyId: r.key_id, sealed: new Uint8Array(r.sealed) }));
}
