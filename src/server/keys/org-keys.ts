// The organization's key pairs (public halves and grants only; the server never holds a private
// key): 'intake' keys that reports are sealed to, 'records' keys that per-record keys are sealed
// to, 'backup' keys that backup files are sealed to. Every row is MAC'd under the server secret
// (integrity.ts); rows without a valid MAC are ignored. Writing goes through here so no route can
// forget the MAC or the purpose.
import type { Kysely, Transaction } from 'kysely';
import { ROLE_KEYS, type KeyPurpose, type OrgKeyView } from '../../core/api/keys.ts';
import { type Role } from '../../core/team/roles.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError, base64Param } from '../http/errors.ts';
import { grantIsIntact, grantMac, intakeKeyIsIntact, intakeKeyMac, recoveryGrantMac } from './integrity.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrgKey {
  id: string;
  publicKey: Uint8Array;
  purpose: KeyPurpose;
  current: boolean;
}

/** Every key this server recorded, oldest first. */
export async function orgKeys(db: Db, secret: ServerSecret): Promise<OrgKey[]> {
  const rows = await db.selectFrom('intake_keys').select(['id', 'public_key', 'purpose', 'retired_at', 'mac']).orderBy('created_at').execute();
  return rows.filter((r) => intakeKeyIsIntact(secret, r)).map((r) => ({ id: r.id, publicKey: new Uint8Array(r.public_key), purpose: r.purpose, current: r.retired_at === null }));
}

export const keyView = (k: OrgKey): OrgKeyView => ({ keyId: k.id, publicKey: toBase64Url(k.publicKey), purpose: k.purpose, current: k.current });

export const currentKey = (keys: OrgKey[], purpose: KeyPurpose): OrgKey | undefined => keys.filter((k) => k.purpose === purpose && k.current).at(-1);

/** Adds a key as the current one of its purpose; the previous one is retired (kept: old envelopes still open with it). */
export async function addKey(trx: Transaction<Database>, secret: ServerSecret, key: { publicKey: Uint8Array; purpose: KeyPurpose }, now: string): Promise<string> {
  const id = await keyIdOf(key.publicKey);
  // A key sent again (an old public key, a replayed request) is refused, not a duplicate row.
  if (await trx.selectFrom('intake_keys').select('id').where('id', '=', id).executeTakeFirst()) throw new HttpError(400, 'bad-request');
  await trx.updateTable('intake_keys').set({ retired_at: now }).where('retired_at', 'is', null).where('purpose', '=', key.purpose).execute();
  await trx
    .insertInto('intake_keys')
    .values({ id, public_key: key.publicKey, purpose: key.purpose, created_at: now, retired_at: null, mac: intakeKeyMac(secret, { id, public_key: key.publicKey, purpose: key.purpose }) })
    .execute();
  return id;
}

/** A grant must be a key-grant envelope sealed to this member's public key (as the server knows it). */
export async function checkGrant(sealed: Uint8Array, memberPublicKey: Uint8Array): Promise<void> {
  try {
    if (inspectSealed(sealed, SealedKind.keyGrant).keyId !== (await keyIdOf(memberPublicKey))) throw new Error();
  } catch {
    throw new HttpError(400, 'bad-envelope');
  }
}

export async function addGrant(trx: Transaction<Database>, secret: ServerSecret, grant: { memberId: string; memberPublicKey: Uint8Array; keyId: string; sealed: Uint8Array }, now: string): Promise<void> {
  await checkGrant(grant.sealed, grant.memberPublicKey);
  const row = { member_id: grant.memberId, key_id: grant.keyId, sealed: grant.sealed };
  await trx.insertInto('key_grants').values({ ...row, created_at: now, mac: grantMac(secret, row) }).execute();
}

/** The trustees' kit holds every key as a member does: its grant must be sealed to the kit's public key. */
export async function addRecoveryGrant(trx: Transaction<Database>, secret: ServerSecret, grant: { kitId: string; kitPublicKey: Uint8Array; keyId: string; sealed: Uint8Array }, now: string): Promise<void> {
  await checkGrant(grant.sealed, grant.kitPublicKey);
  const row = { kit_id: grant.kitId, key_id: grant.keyId, sealed: grant.sealed };
  await trx.insertInto('recovery_grants').values({ ...row, created_at: now, mac: recoveryGrantMac(secret, row) }).execute();
}

/**
 * The grants a member is handed (at login, and since): recorded by this server (a valid MAC) and of
 * a key their current role holds. A grant left beyond the role (a role change interrupted, a row
 * written into the database) is not handed out.
 */
export async function grantsHeldBy(db: Db, secret: ServerSecret, member: { id: string; role: Role }): Promise<{ keyId: string; sealed: string }[]> {
  const [rows, keys] = await Promise.all([
    db.selectFrom('key_grants').select(['member_id', 'key_id', 'sealed', 'mac']).where('member_id', '=', member.id).execute(),
    orgKeys(db, secret),
  ]);
  const held = new Set(keys.filter((k) => ROLE_KEYS[member.role].includes(k.purpose)).map((k) => k.id));
  return rows.filter((g) => held.has(g.key_id) && grantIsIntact(secret, g)).map((g) => ({ keyId: g.key_id, sealed: toBase64Url(g.sealed) }));
}

/** Deletes a member's grants (current and retired keys) of every purpose their role does not hold; returns how many. */
export async function dropGrantsBeyondRole(trx: Transaction<Database>, member: { id: string; role: Role }): Promise<number> {
  const beyond = trx.selectFrom('intake_keys').select('id').where('purpose', 'not in', [...ROLE_KEYS[member.role]]);
  const deleted = await trx.deleteFrom('key_grants').where('member_id', '=', member.id).where('key_id', 'in', beyond).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/** Grants of exactly the keys `needed` (a role's keys, current and retired): no fewer, no more. */
export function exactGrants(needed: readonly string[], grants: readonly { keyId: string; sealed: string }[]): Map<string, Uint8Array> {
  const given = new Map(grants.map((g) => [g.keyId, base64Param(g.sealed)]));
  if (given.size !== grants.length || given.size !== needed.length || needed.some((k) => !given.has(k))) throw new HttpError(400, 'bad-request');
  return given;
}
