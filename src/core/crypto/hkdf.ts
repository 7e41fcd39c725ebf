// HPKE's key schedule makes ~15 HMAC calls per seal or open. Through WebCrypto each is an async
// round trip (~0.08 ms in Node 20), which made one open cost ~1.8 ms. This KDF keeps the same
// labelling logic from @hpke/core and computes HKDF-SHA256 with @noble/hashes synchronously;
// the bytes are identical (test/crypto.test.ts seals with one and opens with the other).
import { HkdfSha256 } from '@hpke/core';
import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';

const bytes = (input: ArrayBuffer | ArrayBufferView): Uint8Array =>
  input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

const buffer = (u: Uint8Array): ArrayBuffer => new Uint8Array(u).buffer as ArrayBuffer;

export class SyncHkdfSha256 extends HkdfSha256 {
  override async extract(salt: ArrayBuffer, ikm: ArrayBuffer): Promise<ArrayBuffer> {
    const s = salt.byteLength === 0 ? new Uint8Array(32) : bytes(salt);
    return buffer(extract(sha256, bytes(ikm), s));
  }

  override async expand(prk: ArrayBuffer, info: ArrayBuffer, len: number): Promise<ArrayBuffer> {
    return buffer(expand(sha256, bytes(prk), bytes(info), len));
  }

  override async extractAndExpand(salt: ArrayBuffer, ikm: ArrayBuffer, info: ArrayBuffer, len: number): Promise<ArrayBuffer> {
    return this.expand(await this.extract(salt, ikm), info, len);
  }
}
