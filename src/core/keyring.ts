// The key hierarchy in code (docs/crypto.md draws it):
//   passphrase --Argon2id+HKDF--> login key (to server) + wrapping key (stays here)
//   wrapping key --AES-GCM--> member private key
//   member public key <--HPKE-- intake, records and backup private keys (a "grant", by role)
//   recovery kit public key <--HPKE-- every organization private key (the trustees' grant)
//   intake public key <--HPKE-- every report
//   records public key <--HPKE-- each record's own key <--AES-GCM-- the record's sealed fields
//   backup public key <--HPKE-- each backup file's content key
// Used by the setup page and `vigil init` (making keys) and by the workspace (opening them).
import { toBase64Url, fromBase64Url } from './crypto/bytes.ts';
import { generateKeyPair, keyIdOf } from './crypto/keys.ts';
import { deriveMemberKeys, newKdfParams, type KdfParams } from './crypto/passphrase.ts';
import { SealedKind, openSealed, sealTo } from './crypto/sealed.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from './crypto/wrapped.ts';
import { EnvelopeError } from './crypto/errors.ts';
import type { LoginResponse, SetupRequest } from './api/auth.ts';
import type { KeyPurpose } from './api/keys.ts';
import type { Language } from './i18n/languages.ts';

export interface NewOrganization {
  name: string;
  publicTitle: string;
  languages: Language[];
  adminEmail: string;
  passphrase: string;
}

export interface PreparedMember {
  id: string;
  email: string;
  kdf: KdfParams;
  loginKey: string;
  publicKey: string;
  wrappedPrivateKey: string;
}

/** A member's own keys, made in their browser: only the public key and a wrapped blob leave it. (An id is given when trustees remake an administrator's keys.) */
export async function prepareMember(email: string, passphrase: string, id: string = crypto.randomUUID()): Promise<PreparedMember> {
  const kdf = newKdfParams();
  const { loginKey, wrapKey } = await deriveMemberKeys(passphrase, kdf);
  const pair = await generateKeyPair();
  const wrapped = await wrapSecret(WrappedKind.memberPrivateKey, wrapKey, pair.privateKey, id);
  pair.privateKey.fill(0);
  return { id, email, kdf, loginKey: toBase64Url(loginKey), publicKey: toBase64Url(pair.publicKey), wrappedPrivateKey: toBase64Url(wrapped) };
}

/** Re-wraps a member's private key under a new passphrase (the old one opened it). */
export async function rewrapMember(memberId: string, privateKey: Uint8Array, newPassphrase: string) {
  const kdf = newKdfParams();
  const { loginKey, wrapKey } = await deriveMemberKeys(newPassphrase, kdf);
  const wrapped = await wrapSecret(WrappedKind.memberPrivateKey, wrapKey, privateKey, memberId);
  return { kdf, loginKey: toBase64Url(loginKey), wrappedPrivateKey: toBase64Url(wrapped) };
}

/** A private key sealed to a holder's public key (a member's, or the trustees' kit's). */
export async function sealGrant(memberPublicKey: Uint8Array, privateKey: Uint8Array): Promise<string> {
  return toBase64Url(await sealTo(SealedKind.keyGrant, { publicKey: memberPublicKey, keyId: await keyIdOf(memberPublicKey) }, privateKey));
}

/** Makes every key of a new organization; returns only public keys and wrapped/sealed blobs. */
export async function prepareOrganization(input: NewOrganization, token: string): Promise<SetupRequest> {
  const admin = await prepareMember(input.adminEmail, input.passphrase);
  const adminPublicKey = fromBase64Url(admin.publicKey)!;
  const newKey = async () => {
    const pair = await generateKeyPair();
    const key = { publicKey: toBase64Url(pair.publicKey), grant: await sealGrant(adminPublicKey, pair.privateKey) };
    pair.privateKey.fill(0);
    return key;
  };
  return {
    token,
    organization: { name: input.name, publicTitle: input.publicTitle, languages: input.languages },
    admin,
    intakeKey: await newKey(),
    recordsKey: await newKey(),
    backupKey: await newKey(),
  };
}

/**
 * Seals keys this administrator holds to a new member's public key (after codes matched): the
 * ones listed in `keyIds` (those the member's role receives), or every key held.
 */
export async function grantsFor(memberPublicKey: Uint8Array, keyring: Keyring, keyIds?: string[]): Promise<{ keyId: string; sealed: string }[]> {
  const keys = keyring.all().filter(({ keyId }) => !keyIds || keyIds.includes(keyId));
  return Promise.all(keys.map(async ({ keyId, privateKey }) => ({ keyId, sealed: await sealGrant(memberPublicKey, privateKey) })));
}

/** A private key this member (or the trustees' kit) holds, and what it serves. */
export interface HeldKey {
  keyId: string;
  /**
   * Named by the server's key list (OrgKeyView.purpose), or known here for a key this browser made;
   * null until the list is read. A label for least privilege (the decryption workers get intake
   * keys only), not a security boundary: docs/crypto.md says why.
   */
  purpose: KeyPurpose | null;
  privateKey: Uint8Array;
}

/** The organization's private keys this member holds, by key id, each with its purpose. Held in memory only. */
export class Keyring {
  private readonly held = new Map<string, HeldKey>();

  static of(keys: Iterable<HeldKey>): Keyring {
    const keyring = new Keyring();
    for (const key of keys) keyring.add(key);
    return keyring;
  }

  get size(): number {
    return this.held.size;
  }

  has(keyId: string): boolean {
    return this.held.has(keyId);
  }

  /**
   * The private key an envelope names by id. Any purpose: the envelope's kind, bound into HPKE's
   * info, already keeps a report from passing as a record key or a grant.
   */
  get(keyId: string): Uint8Array | undefined {
    return this.held.get(keyId)?.privateKey;
  }

  keyIds(): string[] {
    return [...this.held.keys()];
  }

  all(): HeldKey[] {
    return [...this.held.values()];
  }

  /** The keys labelled `purpose`. */
  forPurpose(purpose: KeyPurpose): HeldKey[] {
    return this.all().filter((k) => k.purpose === purpose);
  }

  /** The keys that may serve `purpose`: labelled so, or not labelled yet (the key list was not readable). */
  mayServe(purpose: KeyPurpose): HeldKey[] {
    return this.all().filter((k) => k.purpose === purpose || k.purpose === null);
  }

  /** Adds a key not held yet; says whether it was added. */
  add(key: HeldKey): boolean {
    if (this.held.has(key.keyId)) return false;
    this.held.set(key.keyId, key);
    return true;
  }

  /** Labels held keys with the purposes the server's key list gives them. */
  label(keys: readonly { keyId: string; purpose: KeyPurpose }[]): void {
    for (const { keyId, purpose } of keys) {
      const key = this.held.get(keyId);
      if (key) key.purpose = purpose;
    }
  }

  /** Zeroes one key and lets it go. */
  drop(keyId: string): void {
    this.held.get(keyId)?.privateKey.fill(0);
    this.held.delete(keyId);
  }

  /** Zeroes every key and lets them go (lock, logout, a finished export). */
  forget(): void {
    for (const key of this.held.values()) key.privateKey.fill(0);
    this.held.clear();
  }
}

/** The member's own private key, unwrapped with the passphrase-derived key. */
export async function openMemberKey(login: LoginResponse, wrapKey: CryptoKey): Promise<Uint8Array> {
  const wrapped = fromBase64Url(login.keys.wrappedPrivateKey);
  if (!wrapped) throw new EnvelopeError('malformed');
  return unwrapSecret(WrappedKind.memberPrivateKey, wrapKey, wrapped, login.member.id);
}

/** Opens grants this keyring does not hold yet with the member's private key; returns how many. */
export async function addGrants(keyring: Keyring, grants: LoginResponse['grants'], member: { privateKey: Uint8Array; publicKey: Uint8Array }): Promise<number> {
  const me = { privateKey: member.privateKey, keyId: await keyIdOf(member.publicKey) };
  let added = 0;
  for (const grant of grants) {
    const sealed = fromBase64Url(grant.sealed);
    if (!sealed || keyring.has(grant.keyId)) continue;
    // A grant does not say its key's purpose: keyring.label() names it from the server's key list.
    keyring.add({ keyId: grant.keyId, purpose: null, privateKey: await openSealed(SealedKind.keyGrant, sealed, me) });
    added += 1;
  }
  return added;
}

export async function openKeyring(login: LoginResponse, wrapKey: CryptoKey): Promise<{ keyring: Keyring; memberKey: Uint8Array }> {
  const publicKey = fromBase64Url(login.keys.publicKey);
  if (!publicKey) throw new EnvelopeError('malformed');
  const memberKey = await openMemberKey(login, wrapKey);
  const keyring = new Keyring();
  await addGrants(keyring, login.grants, { privateKey: memberKey, publicKey });
  return { keyring, memberKey };
}

export { deriveMemberKeys, type KdfParams };
