// The key hierarchy in code (docs/crypto.md draws it):
//   passphrase --Argon2id+HKDF--> login key (to server) + wrapping key (stays here)
//   wrapping key --AES-GCM--> member private key
//   member public key <--HPKE-- intake private key (a "grant"; later also records keys)
//   intake public key <--HPKE-- every report
// Used by the setup page and `vigil init` (making keys) and by the workspace (opening them).
import { toBase64Url, fromBase64Url } from './crypto/bytes.ts';
import { generateKeyPair, keyIdOf } from './crypto/keys.ts';
import { deriveMemberKeys, newKdfParams, type KdfParams } from './crypto/passphrase.ts';
import { SealedKind, openSealed, sealTo } from './crypto/sealed.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from './crypto/wrapped.ts';
import { EnvelopeError } from './crypto/errors.ts';
import type { LoginResponse, SetupRequest } from './api/schemas.ts';
import type { Language } from './report/answers.ts';

export interface NewOrganization {
  name: string;
  publicTitle: string;
  languages: Language[];
  adminEmail: string;
  passphrase: string;
}

/** Makes every key of a new organization; returns only public keys and wrapped/sealed blobs. */
export async function prepareOrganization(input: NewOrganization, token: string): Promise<SetupRequest> {
  const memberId = crypto.randomUUID();
  const kdf = newKdfParams();
  const { loginKey, wrapKey } = await deriveMemberKeys(input.passphrase, kdf);
  const member = await generateKeyPair();
  const intake = await generateKeyPair();
  const memberKeyId = await keyIdOf(member.publicKey);
  const grant = await sealTo(SealedKind.keyGrant, { publicKey: member.publicKey, keyId: memberKeyId }, intake.privateKey);
  const wrapped = await wrapSecret(WrappedKind.memberPrivateKey, wrapKey, member.privateKey, memberId);
  member.privateKey.fill(0);
  intake.privateKey.fill(0);
  return {
    token,
    organization: { name: input.name, publicTitle: input.publicTitle, languages: input.languages },
    admin: {
      id: memberId,
      email: input.adminEmail,
      kdf,
      loginKey: toBase64Url(loginKey),
      publicKey: toBase64Url(member.publicKey),
      wrappedPrivateKey: toBase64Url(wrapped),
    },
    intakeKey: { publicKey: toBase64Url(intake.publicKey), grant: toBase64Url(grant) },
  };
}

/** The intake private keys this member was granted, by key id. Held in memory only. */
export type Keyring = Map<string, Uint8Array>;

export async function openKeyring(login: LoginResponse, wrapKey: CryptoKey): Promise<Keyring> {
  const wrapped = fromBase64Url(login.keys.wrappedPrivateKey);
  const publicKey = fromBase64Url(login.keys.publicKey);
  if (!wrapped || !publicKey) throw new EnvelopeError('malformed');
  const privateKey = await unwrapSecret(WrappedKind.memberPrivateKey, wrapKey, wrapped, login.member.id);
  const me = { privateKey, keyId: await keyIdOf(publicKey) };
  const keyring: Keyring = new Map();
  for (const grant of login.grants) {
    const sealed = fromBase64Url(grant.sealed);
    if (!sealed) continue;
    keyring.set(grant.keyId, await openSealed(SealedKind.keyGrant, sealed, me));
  }
  return keyring;
}

export { deriveMemberKeys, type KdfParams };
