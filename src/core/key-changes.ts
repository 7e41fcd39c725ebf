// What an administrator's browser sends when keys must move: a member removed or demoted (their
// keys are rotated), promoted (the new role's keys are granted), "Rotate now", or an older
// organization's first key of a purpose. Each new key is sealed to exactly its holders
// (key-holders.ts) — the server checks the same definition. Made from GET /api/members.
import type { KeyPurpose, KeyRotation } from './api/keys.ts';
import type { MemberView, MembersResponse, RecoveryKitView } from './api/members.ts';
import type { Role } from './team/roles.ts';
import { fromBase64Url, toBase64Url } from './crypto/bytes.ts';
import { generateKeyPair, keyIdOf } from './crypto/keys.ts';
import { existingPurposes, holdersOf, purposesOf, roleChange, withRole, withoutMember, type Holders, type Team } from './key-holders.ts';
import { grantsFor, sealGrant, type Keyring } from './keyring.ts';

type Sealable = { id: string; publicKey: string };
type BrowserTeam = Team<MemberView, RecoveryKitView>;

const teamOf = (response: MembersResponse): BrowserTeam => ({ members: response.members, kit: response.recoveryKit });

function memberIn(response: MembersResponse, memberId: string): MemberView {
  const member = response.members.find((m) => m.id === memberId);
  if (!member) throw new Error('not a member');
  return member;
}

/** A new key pair of `purpose` sealed to its holders; added to the caller's keyring. */
export async function rotateKey(purpose: KeyPurpose, holders: Holders<Sealable, Sealable>, keyring: Keyring): Promise<KeyRotation> {
  const pair = await generateKeyPair();
  const sealFor = (holder: Sealable) => sealGrant(fromBase64Url(holder.publicKey)!, pair.privateKey);
  const grants = await Promise.all(holders.members.map(async (m) => ({ memberId: m.id, sealed: await sealFor(m) })));
  const kitGrant = holders.kit ? { kitId: holders.kit.id, sealed: await sealFor(holders.kit) } : undefined;
  keyring.add({ keyId: await keyIdOf(pair.publicKey), purpose, privateKey: pair.privateKey });
  return { purpose, publicKey: toBase64Url(pair.publicKey), grants, ...(kitGrant && { kitGrant }) };
}

/** One new key per purpose, each sealed to its holders in `team` as it will be after the change. */
async function rotateKeys(team: BrowserTeam, purposes: readonly KeyPurpose[], keyring: Keyring): Promise<KeyRotation[]> {
  const rotations: KeyRotation[] = [];
  for (const purpose of purposes) rotations.push(await rotateKey(purpose, holdersOf(team, purpose), keyring));
  return rotations;
}

/** Every key the leaving member held, rotated for the others. */
export function removalRotations(response: MembersResponse, memberId: string, keyring: Keyring): Promise<KeyRotation[]> {
  const held = purposesOf(memberIn(response, memberId));
  return rotateKeys(withoutMember(teamOf(response), memberId), existingPurposes(response.keys, held), keyring);
}

/** A role change: the keys it takes away rotated for their other holders, the keys it gives (current and retired) sealed to the member. */
export async function roleChangeRequest(response: MembersResponse, memberId: string, role: Role, keyring: Keyring) {
  const member = memberIn(response, memberId);
  const { lost, gained } = roleChange(member.role, role);
  const rotations = await rotateKeys(withRole(teamOf(response), memberId, role), existingPurposes(response.keys, lost), keyring);
  const gainedKeys = response.keys.filter((k) => gained.includes(k.purpose)).map((k) => k.keyId);
  const grants = await grantsFor(fromBase64Url(member.publicKey)!, keyring, gainedKeys);
  if (grants.length !== gainedKeys.length) {
    await dropNewKeys(keyring, rotations);
    throw new Error('This browser does not hold every key the new role receives.');
  }
  return { role, rotations, grants };
}

/** "Rotate now": a new key for every purpose the organization has. */
export const rotateNowRotations = (response: MembersResponse, keyring: Keyring): Promise<KeyRotation[]> => rotateKeys(teamOf(response), existingPurposes(response.keys), keyring);

/** An older organization's first key of a purpose (made before records, or before backups). */
export const firstKey = (response: MembersResponse, purpose: KeyPurpose, keyring: Keyring): Promise<KeyRotation> => rotateKey(purpose, holdersOf(teamOf(response), purpose), keyring);

/** The server refused: drop the new keys, or later grants would name keys it does not know. */
export async function dropNewKeys(keyring: Keyring, rotations: readonly KeyRotation[]): Promise<void> {
  for (const rotation of rotations) {
    keyring.drop(await keyIdOf(fromBase64Url(rotation.publicKey)!));
  }
}
