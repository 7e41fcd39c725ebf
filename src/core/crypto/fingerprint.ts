// Safety codes: a short, readable fingerprint of a member's public key, compared aloud or in
// person between a new member and the administrator who grants them keys. A public key the server
// swapped in gives a different code. 30 digits in six groups (~100 bits), like Signal's.
import { concat, sha256, utf8 } from './bytes.ts';

export async function fingerprintOf(publicKey: Uint8Array): Promise<string> {
  const digest = await sha256(concat(utf8('vigil/fingerprint/v1'), publicKey));
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) {
    // 5 bytes (40 bits) per group, reduced to 5 digits: the bias is under 1e-7.
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 256 + digest[i * 5 + j]!;
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
