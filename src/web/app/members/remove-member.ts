// Removing a member rotates the intake key: this browser makes a new key pair and seals it to
// every member who stays (this administrator included), so the removed member's old grants open
// nothing sent from now on.
import { api } from '../api.ts';
import { rotateIntakeKey, type Keyring } from '../../../core/keyring.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import type { MembersResponse } from '../../../core/api/schemas.ts';

/** Returns the new intake key's id. */
export async function removeMember(memberId: string, keyring: Keyring): Promise<string> {
  // The freshest list: a member who joined meanwhile must get the new key too.
  const { members } = await api<MembersResponse>('/api/members');
  const remaining = members.filter((m) => m.status === 'active' && m.id !== memberId);
  const rotation = await rotateIntakeKey(
    remaining.map((m) => ({ id: m.id, publicKey: fromBase64Url(m.publicKey)! })),
    keyring,
  );
  const keyId = await keyIdOf(fromBase64Url(rotation.publicKey)!);
  try {
    await api(`/api/members/${encodeURIComponent(memberId)}/remove`, { rotation });
  } catch (e) {
    // The server kept the old key: drop the new one, or later grants would name a key it does not know.
    keyring.get(keyId)?.fill(0);
    keyring.delete(keyId);
    throw e;
  }
  return keyId;
}
