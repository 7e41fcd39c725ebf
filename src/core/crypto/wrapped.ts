// Wrapped secrets: a secret encrypted under a symmetric key the holder derives or unwraps.
// Like sealed.ts, the first byte picks the operator.
import * as v1 from './operators/wrapped-v1.ts';
import { EnvelopeError } from './errors.ts';
import { utf8 } from './bytes.ts';

export const WrappedKind = {
  memberPrivateKey: 1,
} as const;
export type WrappedKind = (typeof WrappedKind)[keyof typeof WrappedKind];

const operators = { [v1.VERSION]: v1 } as const;
export const CURRENT_WRAPPED_VERSION = v1.VERSION;

export function wrapSecret(kind: WrappedKind, key: CryptoKey, secret: Uint8Array, context: string): Promise<Uint8Array> {
  return operators[CURRENT_WRAPPED_VERSION].wrap(kind, key, secret, utf8(context));
}

export async function unwrapSecret(kind: WrappedKind, key: CryptoKey, blob: Uint8Array, context: string): Promise<Uint8Array> {
  const operator = operators[blob[0] as keyof typeof operators];
  if (!operator) throw new EnvelopeError('unknown-version');
  const { kind: found, secret } = await operator.unwrap(blob, key, utf8(context));
  if (found !== kind) throw new EnvelopeError('unknown-kind');
  return secret;
}
