// The HPKE suite (RFC 9180): DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305.
// Two interchangeable X25519 implementations give identical bytes: the platform's WebCrypto
// (fast, in Node and recent browsers) and a pure-JS one for browsers without X25519 in WebCrypto
// (older Tor Browser releases).
import { CipherSuite, DhkemX25519HkdfSha256 as NativeX25519 } from '@hpke/core';
import { DhkemX25519HkdfSha256 as PortableX25519 } from '@hpke/dhkem-x25519';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { SyncHkdfSha256 } from './hkdf.ts';

let chosen: Promise<CipherSuite> | undefined;

async function hasNativeX25519(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name: 'X25519' } as AlgorithmIdentifier, false, ['deriveBits']);
    return true;
  } catch {
    return false;
  }
}

export function hpkeSuite(): Promise<CipherSuite> {
  chosen ??= hasNativeX25519().then(
    (native) =>
      new CipherSuite({
        kem: native ? new NativeX25519() : new PortableX25519(),
        kdf: new SyncHkdfSha256(),
        aead: new Chacha20Poly1305(),
      }),
  );
  return chosen;
}

/** Lets a platform put in a faster, byte-identical suite (the server uses OpenSSL's X25519). */
export function useHpkeSuite(suite: CipherSuite): void {
  chosen = Promise.resolve(suite);
}
