// Sealing fields the way a record's are sealed, for records and anything kept like them (a channel's
// name): a key of their own, sealed to the organization's records key.
import { OrgKeyCache } from './org-key.ts';
import type { Vault } from './vault.ts';
import { newRecordKey, openRecordKey, sealFields } from '../../../core/records/sealing.ts';
import type { SecretPart } from '../../../core/records/schemas.ts';

const recordsKey = (vault: Vault) => vault.hold('records-key', () => new OrgKeyCache(vault.keyring, 'records'));

/**
 * A new record key sealed to the records key, and `fields` sealed under it bound to `type` and
 * `id`: how a record's fields are sealed, and anything else kept like them (a channel's name).
 */
export async function sealNew(vault: Vault, type: string, id: string, fields: Record<string, unknown>): Promise<SecretPart> {
  const key = await newRecordKey(await recordsKey(vault).get());
  try {
    return await sealFields(key, type, id, fields);
  } finally {
    key.key.fill(0);
  }
}

/**
 * `fields` sealed afresh under the key something was made with (it keeps its key across versions)
 * while that key is sealed to the current records key. Made before a rotation, it gets a new key
 * sealed to the current one: whoever holds only the retired records key (a member demoted or
 * removed) does not read the edit.
 */
export async function sealAgain(vault: Vault, type: string, id: string, secret: SecretPart, fields: Record<string, unknown>): Promise<SecretPart> {
  if (secret.keyId !== (await recordsKey(vault).get()).keyId) return sealNew(vault, type, id, fields);
  const key = await openRecordKey(secret, vault.keyring);
  try {
    return await sealFields(key, type, id, fields);
  } finally {
    key.key.fill(0);
  }
}
