// The organization's current public key of one purpose, for sealing: the intake key (notes and
// the team's copy of replies) or the records key (each record's own key). Read from GET /api/keys,
// then checked: this member must hold its private half. A key the server made up fails the
// probe below, and nothing is sealed to it.
import { fromBase64Url, utf8 } from '../../../core/crypto/bytes.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import { SealedKind, openSealed, sealTo } from '../../../core/crypto/sealed.ts';
import type { Keyring } from '../../../core/keyring.ts';
import type { KeyPurpose, OrgKeyView } from '../../../core/api/keys.ts';
import { api, messageOf } from './api.ts';
import type { Forgettable } from './vault.ts';
import { translator } from '../../../core/i18n/message.ts';
import { currentLanguage } from '../i18n/language.ts';
import { decryptWords } from '../decrypt/words.ts';

export interface OrgKey {
  publicKey: Uint8Array;
  keyId: string;
}

export class OrgKeyError extends Error {}

export async function fetchOrgKey(purpose: KeyPurpose, keyring: Keyring): Promise<OrgKey> {
  const t = translator(decryptWords, currentLanguage());
  let keys: OrgKeyView[];
  try {
    ({ keys } = await api<{ keys: OrgKeyView[] }>('/api/keys'));
  } catch (e) {
    throw new OrgKeyError(messageOf(e, t('unreachable')));
  }
  keyring.label(keys);
  const current = keys.filter((k) => k.purpose === purpose && k.current).at(-1);
  if (!current) throw new OrgKeyError(t('noKeyYet', { purpose }));
  const publicKey = fromBase64Url(current.publicKey);
  const keyId = current.keyId;
  if (!publicKey || publicKey.length !== 32 || (await keyIdOf(publicKey)) !== keyId) throw new OrgKeyError(t('keyInvalid', { purpose }));
  const privateKey = keyring.get(keyId);
  if (!privateKey) throw new OrgKeyError(t('keyChanged', { purpose }));
  try {
    const probe = await sealTo(SealedKind.note, { publicKey, keyId }, utf8('probe'));
    await openSealed(SealedKind.note, probe, { privateKey, keyId });
  } catch {
    throw new OrgKeyError(t('keyMismatch', { purpose }));
  }
  return { publicKey, keyId };
}

/** Held by the vault: fetched once, dropped on lock or when the key rotates. */
export class OrgKeyCache implements Forgettable {
  private key: Promise<OrgKey> | null = null;
  constructor(
    private readonly keyring: Keyring,
    private readonly purpose: KeyPurpose,
  ) {}
  get(): Promise<OrgKey> {
    if (!this.key) {
      this.key = fetchOrgKey(this.purpose, this.keyring);
      this.key.catch(() => (this.key = null));
    }
    return this.key;
  }
  forget(): void {
    this.key = null;
  }
}
