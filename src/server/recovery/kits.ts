// The trustees' kit on the server: made by an administrator's browser (its public key, how it was
// split, every organization key sealed to it). M trustees prove they hold its private key by
// answering one-time challenges (challenges.ts). The server never holds a share or that key.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import type { RecoveryKitRequest } from '../../core/api/recovery.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { HttpError, base64Param } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addRecoveryGrant, exactGrants, orgKeys } from '../keys/org-keys.ts';
import { recoveryGrantIsIntact, recoveryKitMac } from '../keys/integrity.ts';
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
  const previous = await trx.selectFrom('recovery_kits').selectAll().where('retired_at', 'is', null).execute();
  for (const kit of previous) {
    // Re-MAC'd with its retirement: a database write cannot make it current again.
    await trx.updateTable('recovery_kits').set({ retired_at: now, mac: recoveryKitMac(secret, { ...kit, retired_at: now }) }).where('id', '=', kit.id).execute();
    await trx.deleteFrom('recovery_grants').where('kit_id', '=', kit.id).execute();
    await trx.deleteFrom('recovery_challenges').where('kit_id', '=', kit.id).execute();
    await appendAudit(trx, { actor, action: 'recovery.kit-retired', object: kit.id });
  }
  const row = { id, public_key: publicKey, threshold: input.threshold, shares: input.shares, created_at: now, retired_at: null };
  await trx.insertInto('recovery_kits').values({ ...row, created_by: actor, mac: recoveryKitMac(secret, row) }).execute();
  for (const [keyId, sealed] of grants) await addRecoveryGrant(trx, secret, { kitId: id, kitPublicKey: publicKey, keyId, sealed }, now);
  await appendAudit(trx, { actor, action: 'recovery.kit-created', object: id, detail: { threshold: input.threshold, shares: input.shares, keys: grants.size } });
  return id;
}

/** The kit's grants this server recorded (a valid MAC) of keys it recorded. */
export async function kitGrants(db: Db, secret: ServerSecret, kitId: string): Promise<{ keyId: string; sealed: Uint8Array }[]> {
  const [rows, keys] = await Promise.all([db.selectFrom('recovery_grants').selectAll().where('kit_id', '=', kitId).execute(), orgKeys(db, secret)]);
  const known = new Set(keys.map((k) => k.id));
  return rows.filter((r) => recoveryGrantIsIntact(secret, r) && known.has(r.key_id)).map((r) => ({ keyId: r.key_id, sealed: new Uint8Array(r.sealed) }));
}
