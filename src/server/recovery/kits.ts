// The trustees' kit on the server: made by an administrator's browser (its public key, how it was
// split, the token's hash, every organization key sealed to it), and found again from the token M
// trustees derive from their shares. The server never holds a share or the kit's private key.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import type { RecoveryKitRequest } from '../../core/api/recovery.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { checkGrant, orgKeys } from '../keys/org-keys.ts';
import { recoveryGrantIsIntact, recoveryGrantMac, recoveryKitMac } from '../keys/integrity.ts';
import { currentRecoveryKit, type RecoveryKit } from '../keys/recovery-kit.ts';

type Db = Kysely<Database> | Transaction<Database>;

function bytes(text: string): Uint8Array {
  const decoded = fromBase64Url(text);
  if (!decoded) throw new HttpError(400, 'bad-request');
  return decoded;
}

/**
 * Grants of exactly the keys `needed` (every organization key, current and retired, or every key
 * the kit holds), each a key-grant envelope sealed to `publicKey`: no fewer, no more.
 */
export async function exactlyThese(needed: string[], grants: { keyId: string; sealed: string }[], publicKey: Uint8Array): Promise<Map<string, Uint8Array>> {
  const given = new Map(grants.map((g) => [g.keyId, bytes(g.sealed)]));
  if (given.size !== grants.length || given.size !== needed.length || needed.some((k) => !given.has(k))) throw new HttpError(400, 'bad-request');
  for (const sealed of given.values()) await checkGrant(sealed, publicKey);
  return given;
}

/** Stores a new kit holding every organization key; the previous kit and its grants are retired. */
export async function createKit(trx: Transaction<Database>, secret: ServerSecret, input: RecoveryKitRequest, actor: string): Promise<string> {
  const publicKey = bytes(input.publicKey);
  if (publicKey.length !== 32) throw new HttpError(400, 'bad-request');
  const id = await keyIdOf(publicKey);
  const keys = (await orgKeys(trx, secret)).map((k) => k.id);
  const grants = await exactlyThese(keys, input.grants, publicKey);
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
  for (const [keyId, sealed] of grants) {
    const grant = { kit_id: id, key_id: keyId, sealed };
    await trx.insertInto('recovery_grants').values({ ...grant, created_at: now, mac: recoveryGrantMac(secret, grant) }).execute();
  }
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
