// Wrapped secrets: a secret encrypted under a symmetric key the holder derives or unwraps.
// Like sealed.ts, the first byte picks the operator (versions.ts).
import * as v1 from './operators/wrapped-v1.ts';
import { EnvelopeError } from './errors.ts';
import { utf8 } from './bytes.ts';
import { versions } from './versions.ts';

export const WrappedKind = {
  memberPrivateKey: 1,
  /** A record's sealed fields (JSON), under the record's own key; context: record type and id. */
  recordFields: 2,
  /** An attachment's metadata (name, type, sizes, SHA-256 of both copies), under the attachment's key. */
  attachmentMeta: 3,
  /** The evidentiary original, unaltered, under the attachment's key. */
  attachmentOriginal: 4,
  /** The working copy, identifying metadata removed, under the attachment's key. */
  attachmentWorking: 5,
  /** A report's answers, re-encrypted by the first member who opened it (see core/report/cache.ts). */
  reportCache: 6,
  /** One chunk of a backup file, under the file's content key; context binds file, chunk number and "last". */
  backupChunk: 7,
} as const;
export type WrappedKind = (typeof WrappedKind)[keyof typeof WrappedKind];

const operators = versions(v1);
export const CURRENT_WRAPPED_VERSION = operators.newest.VERSION;

export function wrapSecret(kind: WrappedKind, key: CryptoKey, secret: Uint8Array, context: string): Promise<Uint8Array> {
  return operators.newest.wrap(kind, key, secret, utf8(context));
}

/** What the server can check without a key: the version and kind of a wrapped blob, and its size. */
export function inspectWrapped(blob: Uint8Array, kind: WrappedKind): boolean {
  // Each version checks its own layout, so blobs of an older version stay acceptable after a new one.
  return operators.find(blob)?.inspect(blob, kind) ?? false;
}

export async function unwrapSecret(kind: WrappedKind, key: CryptoKey, blob: Uint8Array, context: string): Promise<Uint8Array> {
  const { kind: found, secret } = await operators.of(blob).unwrap(blob, key, utf8(context));
  if (found !== kind) throw new EnvelopeError('unknown-kind');
  return secret;
}
