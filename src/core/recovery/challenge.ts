// How M trustees prove they met without the server seeing a share, and without anything reusable
// crossing the wire: the server seals a random one-time value to the kit's public key; only the
// kit's private key (made whole from the shares) opens it, and the answer is sent back once. The
// server keeps only a keyed hash of the answer, with an expiry, and forgets it when it is used.
import { fromBase64Url, randomBytes, toBase64Url } from '../crypto/bytes.ts';
import { SealedKind, openSealed, sealTo } from '../crypto/sealed.ts';

/** A new challenge for this kit: what the server sends (sealed) and the answer it expects. */
export async function newChallenge(kit: { id: string; publicKey: Uint8Array }): Promise<{ challenge: string; answer: string }> {
  const nonce = randomBytes(32);
  const sealed = await sealTo(SealedKind.recoveryChallenge, { publicKey: kit.publicKey, keyId: kit.id }, nonce);
  return { challenge: toBase64Url(sealed), answer: toBase64Url(nonce) };
}

/** The trustees' answer: the challenge opened with the kit's private key. Throws if it is not sealed to this kit. */
export async function answerChallenge(challenge: string, kit: { id: string; privateKey: Uint8Array }): Promise<string> {
  const sealed = fromBase64Url(challenge);
  if (!sealed) throw new Error('not a recovery challenge');
  const nonce = await openSealed(SealedKind.recoveryChallenge, sealed, { privateKey: kit.privateKey, keyId: kit.id });
  if (nonce.length !== 32) throw new Error('not a recovery challenge');
  return toBase64Url(nonce);
}
