// The operators of one envelope family (sealed, wrapped) by version. The first byte of every
// envelope names the version that wrote it: a version 2 is added beside version 1, new envelopes
// are written with the newest, and every one already stored still opens with its own.
import { EnvelopeError } from './errors.ts';

export interface Versions<Operator> {
  /** The operator new envelopes are written with. */
  newest: Operator;
  /** The operator that wrote this envelope, or null for a version we do not know. */
  find(envelope: Uint8Array): Operator | null;
  /** The operator that wrote this envelope; throws EnvelopeError('unknown-version'). */
  of(envelope: Uint8Array): Operator;
}

/** The family's operators, each a module exporting its VERSION; the last one is the newest. */
export function versions<Operator extends { VERSION: number }>(...operators: [...Operator[], Operator]): Versions<Operator> {
  const byVersion = new Map(operators.map((operator) => [operator.VERSION, operator]));
  const find = (envelope: Uint8Array) => byVersion.get(envelope[0]!) ?? null;
  return {
    newest: operators.at(-1)!,
    find,
    of(envelope) {
      const operator = find(envelope);
      if (!operator) throw new EnvelopeError('unknown-version');
      return operator;
    },
  };
}
