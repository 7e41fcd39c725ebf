// Sealed envelopes: anyone with a public key can make one; only the private key opens it.
// Callers never name an algorithm: the first byte picks the operator (versions.ts), so a version 2
// can be added beside version 1 without touching them.
import * as v1 from './operators/sealed-v1.ts';
import { EnvelopeError } from './errors.ts';
import { versions } from './versions.ts';

/** What a sealed envelope holds. The number is written into the envelope and bound by HPKE. */
export const SealedKind = {
  report: 1,
  keyGrant: 2,
  /** A team member's note on a report, sealed to the intake key. */
  note: 3,
  /** A team message in a conversation with a reporter (to the reporter's key, and a copy to the intake key). */
  reply: 4,
  /** A reporter's answer in a conversation, sealed to the intake key. */
  answer: 5,
  /** A record's own key (AES-256), sealed to the organization's records key. */
  recordKey: 6,
  /** An attachment's own key (AES-256), sealed to the intake key (reports) or the records key (records). */
  attachmentKey: 7,
  /** A custody-log entry's detail (the hashes seen), sealed like the attachment's key. */
  custodyDetail: 8,
  /** A bundle of records for a partner organization, sealed to the partner's records key (core/bundle). */
  bundle: 9,
  /** An alert subscriber's address, languages and unsubscribe token, sealed by the server on arrival to the intake key. */
  alertSubscriber: 10,
  /** A backup file's content key (AES-256), sealed to the organization's backup key. */
  backupKey: 11,
  /** A one-time challenge the server seals to the trustees' recovery kit: only M shares open it (core/recovery/challenge.ts). */
  recoveryChallenge: 12,
} as const;
export type SealedKind = (typeof SealedKind)[keyof typeof SealedKind];

const operators = versions(v1);
export const CURRENT_SEALED_VERSION = operators.newest.VERSION;
/** Reports are at most ~64 KiB of text; anything far larger is not an envelope we made. */
export const MAX_SEALED_BYTES = 256 * 1024;

export interface PublicRecipient {
  publicKey: Uint8Array;
  keyId: string;
}
export interface PrivateRecipient {
  privateKey: Uint8Array;
  keyId: string;
}

export function sealTo(kind: SealedKind, recipient: PublicRecipient, plaintext: Uint8Array): Promise<Uint8Array> {
  return operators.newest.seal(kind, recipient, plaintext);
}

/**
 * Checks what the server can check without a key: version, kind, size and which key it is
 * sealed to. Throws EnvelopeError; returns the key id.
 */
export function inspectSealed(envelope: Uint8Array, expectedKind: SealedKind, maxBytes = MAX_SEALED_BYTES): { keyId: string } {
  if (envelope.length > maxBytes) throw new EnvelopeError('too-large');
  const header = operators.of(envelope).readHeader(envelope);
  if (header.kind !== expectedKind) throw new EnvelopeError('unknown-kind');
  return { keyId: header.keyId };
}

export async function openSealed(
  kind: SealedKind,
  envelope: Uint8Array,
  recipient: PrivateRecipient,
  /** Bundles for partners are larger than any report: their opener names its own limit. */
  maxBytes = MAX_SEALED_BYTES,
): Promise<Uint8Array> {
  inspectSealed(envelope, kind, maxBytes);
  const opened = await operators.of(envelope).open(envelope, recipient);
  return opened.plaintext;
}
