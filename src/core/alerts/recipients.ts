// In the publishing browser: open the confirmed subscribers' sealed addresses with the intake key.
// The server cannot: only members holding the intake key can list who subscribed.
import { fromBase64Url, fromUtf8 } from '../crypto/bytes.ts';
import { SealedKind, openSealed } from '../crypto/sealed.ts';
import type { Keyring } from '../keyring.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { SealedSubscriber } from './schemas.ts';
import type { Recipient, SubscriberView } from '../api/alerts.ts';

export interface OpenedSubscribers {
  /** One per address (a later subscription of the same address replaces an earlier one). */
  recipients: Recipient[];
  /** Sealed to a key this member does not hold, or damaged. */
  unopened: number;
  /** "subscriber #n" → address, for showing in the delivery log on request. */
  addressOf: Map<string, string>;
}

export async function openSubscribers(subscribers: SubscriberView[], keyring: Keyring): Promise<OpenedSubscribers> {
  const byAddress = new Map<string, Recipient>();
  const addressOf = new Map<string, string>();
  let unopened = 0;
  for (const s of [...subscribers].sort((a, b) => a.n - b.n)) {
    const privateKey = keyring.get(s.keyId);
    const envelope = fromBase64Url(s.envelope);
    if (!privateKey || !envelope) {
      unopened += 1;
      continue;
    }
    try {
      const sealed = JSON.parse(fromUtf8(await openSealed(SealedKind.alertSubscriber, envelope, { privateKey, keyId: s.keyId }))) as SealedSubscriber;
      if (sealed.v !== 1 || typeof sealed.email !== 'string') throw new Error('unknown format');
      const email = sealed.email.toLowerCase();
      byAddress.delete(email);
      byAddress.set(email, { subscriberId: s.id, email, languages: sealed.languages.filter((l) => LANGUAGES.includes(l)), unsubscribeToken: sealed.unsubscribeToken });
      addressOf.set(s.id, email);
    } catch {
      unopened += 1;
    }
  }
  return { recipients: [...byAddress.values()], unopened, addressOf };
}
