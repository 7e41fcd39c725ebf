// The current intake key, for sealing notes and the team's copy of replies. Non-administrators
// cannot list intake keys, so it is read from the public report form, as any reporter's browser
// does; then checked: its id must match, and this member must hold its private half (a key the
// server made up would fail the probe below, and nothing would be sealed to it).
import { fromBase64Url, utf8 } from '../../../core/crypto/bytes.ts';
import { keyIdOf } from '../../../core/crypto/keys.ts';
import { SealedKind, openSealed, sealTo } from '../../../core/crypto/sealed.ts';
import type { Keyring } from '../../../core/keyring.ts';
import type { Forgettable } from '../vault.ts';

export interface IntakeKey {
  publicKey: Uint8Array;
  keyId: string;
}

export class IntakeKeyError extends Error {}

export async function fetchIntakeKey(keyring: Keyring): Promise<IntakeKey> {
  let html: string;
  try {
    html = await (await fetch('/', { credentials: 'omit', cache: 'no-store' })).text();
  } catch {
    throw new IntakeKeyError('The server cannot be reached. Check your connection.');
  }
  // Read from the form's tag as text: parsing the whole page (DOMParser) would trip the
  // workspace's CSP on the public page's own inline style.
  const form = /<form\b[^>]*\bdata-key="[^"]*"[^>]*>/.exec(html)?.[0] ?? '';
  const publicKey = fromBase64Url(/\sdata-key="([A-Za-z0-9_-]*)"/.exec(form)?.[1] ?? '');
  const keyId = /\sdata-key-id="([0-9a-f]*)"/.exec(form)?.[1] ?? '';
  if (!publicKey || publicKey.length !== 32 || (await keyIdOf(publicKey)) !== keyId) throw new IntakeKeyError('The intake key the server shows is not valid. Tell an administrator.');
  const privateKey = keyring.get(keyId);
  if (!privateKey) throw new IntakeKeyError('The intake key changed after you logged in. Press “Check for new reports” in the inbox to receive the new one.');
  try {
    const probe = await sealTo(SealedKind.note, { publicKey, keyId }, utf8('probe'));
    await openSealed(SealedKind.note, probe, { privateKey, keyId });
  } catch {
    throw new IntakeKeyError('The intake key the server shows does not match the one your team holds. Do not write notes; tell an administrator.');
  }
  return { publicKey, keyId };
}

/** Held by the vault: fetched once, dropped on lock or when the key rotates. */
export class IntakeKeyCache implements Forgettable {
  private key: Promise<IntakeKey> | null = null;
  constructor(private readonly keyring: Keyring) {}
  get(): Promise<IntakeKey> {
    if (!this.key) {
      this.key = fetchIntakeKey(this.keyring);
      this.key.catch(() => (this.key = null));
    }
    return this.key;
  }
  forget(): void {
    this.key = null;
  }
}
