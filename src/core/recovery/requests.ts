// The browser's (or a test's, or the CLI's) side of trustee recovery, between the shares and the
// API: seal every key to a new kit, open the kit's grants with the combined key, and seal them to
// the administrator the trustees chose. Pure: the caller does the fetching.
import { fromBase64Url, toBase64Url } from '../crypto/bytes.ts';
import { Keyring, addGrants, grantsFor, prepareMember } from '../keyring.ts';
import type { OrgKeyView } from '../api/keys.ts';
import type { RecoveryGrantRequest, RecoveryKitRequest, RecoveryOpened } from '../api/recovery.ts';
import { makeRecoveryKit } from './shares.ts';

/** The organization's keys this keyring does not hold: a kit made from it would not open them. */
export const missingKeys = (keyring: Keyring, keys: OrgKeyView[]): OrgKeyView[] => keys.filter((k) => !keyring.has(k.keyId));

/** A new kit (checked: every M of its shares give its key) and the request that stores it. */
export async function newKit(keyring: Keyring, keys: OrgKeyView[], split: { threshold: number; shares: number }) {
  const missing = missingKeys(keyring, keys);
  if (missing.length > 0) throw new Error(`this keyring lacks ${missing.length} of the organization's keys`);
  const kit = await makeRecoveryKit(split);
  const request: RecoveryKitRequest = {
    publicKey: toBase64Url(kit.publicKey),
    threshold: split.threshold,
    shares: split.shares,
    grants: await grantsFor(kit.publicKey, keyring, keys.map((k) => k.keyId)),
  };
  kit.privateKey.fill(0);
  return { sheets: kit.sheets, kitId: kit.kitId, request };
}

/** The organization's keys, opened with the key the trustees' shares gave. */
export async function openKitGrants(opened: RecoveryOpened, kit: { privateKey: Uint8Array; publicKey: Uint8Array }): Promise<Keyring> {
  const keyring = new Keyring();
  await addGrants(keyring, opened.grants, kit);
  return keyring;
}

/** New keys for the chosen administrator (an existing one keeps id and email) and every opened key sealed to them. */
export async function grantRequest(
  /** A challenge answered with the kit's key (answerChallenge): used once. */
  answer: string,
  keyring: Keyring,
  target: { kind: 'existing'; id: string; email: string; passphrase: string } | { kind: 'new'; email: string; passphrase: string },
): Promise<RecoveryGrantRequest> {
  const member = await prepareMember(target.email, target.passphrase, target.kind === 'existing' ? target.id : undefined);
  const grants = await grantsFor(fromBase64Url(member.publicKey)!, keyring);
  return { answer, target: { kind: target.kind, member }, grants };
}
