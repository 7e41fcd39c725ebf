/** Every failure to open, unwrap or parse an envelope. Carries a code, never the plaintext. */
export class EnvelopeError extends Error {
  constructor(
    readonly code:
      | 'unknown-version'
      | 'unknown-kind'
      | 'malformed'
      | 'wrong-key'
      | 'tampered'
      | 'too-large'
      | 'weak-parameters',
  ) {
    super(`envelope: ${code}`);
    this.name = 'EnvelopeError';
  }
}
