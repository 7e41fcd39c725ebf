// Opens sealed envelopes (notes, replies, answers) with the member's keyring, here on the main
// thread; reports themselves open in the decryption workers (../decrypt). Each private key is
// parsed once by the envelope operator itself.
import { SealedKind, openSealed } from '../../../core/crypto/sealed.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import type { Keyring } from '../../../core/keyring.ts';
import type { Forgettable } from '../session/vault.ts';

type Kind = (typeof SealedKind)[keyof typeof SealedKind];

export class MissingKeyError extends Error {}

export class Opener implements Forgettable {
  private forgotten = false;

  constructor(private readonly keyring: Keyring) {}

  holds(keyId: string): boolean {
    return !this.forgotten && this.keyring.has(keyId);
  }

  async open(kind: Kind, envelope: Uint8Array, keyId: string): Promise<Uint8Array> {
    const privateKey = this.forgotten ? undefined : this.keyring.get(keyId);
    if (!privateKey) throw new MissingKeyError(keyId);
    return openSealed(kind, envelope, { privateKey, keyId });
  }

  /** Opens a base64url envelope holding {v:1, text} (notes, replies, answers). */
  async openText(kind: Kind, envelope: string, keyId: string): Promise<string> {
    const bytes = fromBase64Url(envelope);
    if (!bytes) throw new Error('malformed');
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await this.open(kind, bytes, keyId))) as { v?: unknown; text?: unknown };
    if (value.v !== 1 || typeof value.text !== 'string') throw new Error('unknown content');
    return value.text;
  }

  forget(): void {
    this.forgotten = true;
  }
}
