// Removing a member rotates the organization's keys: this browser makes a new intake key pair
// (and a new records key pair, once the organization has one) and seals each to every member
// who stays and whose role holds it (this administrator included), so the removed member's old
// grants open nothing made from now on.
import { api } from '../api.ts';
import { rotateKey, type Keyring } from '../../../core/keyring.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import { ROLE_KEYS, type KeyPurpose, type MembersResponse } from '../../../core/api/schemas.ts';

/** Returns the new keys' ids. */
export async function removeMember(memberId: string, keyring: Keyring): Promise<string[]> {
  // The freshest list: a member who joined meanwhile must get the new keys too.
  const { members, keys } = await api<MembersResponse>('/api/members');
  const remaining = members.filter((m) => m.status === 'active' && m.id !== memberId);
  const rotate = (purpose: KeyPurpose) =>
    rotateKey(
      remaining.filter((m) => ROLE_KEYS[m.role].includes(purpose)).map((m) => ({ id: m.id, publicKey: fromBase64Url(m.publicKey)! })),
      keyring,
    );
  const rotation = await rotate('intake');
  const recordsRotation = keys.some((k) => k.purpose === 'records' && k.current) ? await rotate('records') : undefined;
  const keyIds = await Promise.all([rotation, recordsRotation].filter((r) => r !== undefined).map((r) => keyIdOf(fromBase64Url(r.publicKey)!)));
  try {
    await api(`/api/members/${encodeURIComponent(memberId)}/remove`, { rotation, recordsRotation });
  } catch (e) {
    // The server kept the old keys: drop the new ones, or later grants would name keys it does not know.
    for (const keyId of keyIds) {
      keyring.get(keyId)?.fill(0);
      keyring.delete(keyId);
    }
    throw e;
  }
  return keyIds;
}
