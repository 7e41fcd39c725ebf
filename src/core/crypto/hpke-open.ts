// Single-shot HPKE open, base mode, for the one suite Vigil uses: DHKEM(X25519, HKDF-SHA256),
// HKDF-SHA256, ChaCha20-Poly1305 (RFC 9180 §4.1, §5.1, §6.1).
//
// Why not @hpke/core's open: a documenter opens every report in the inbox, 100,000 of them on
// a big day. @hpke's general recipient context costs ~0.19 ms per envelope in Chromium (twelve
// HMACs, an exporter secret we never use, a mutex and a dozen awaits). This path does only what
// RFC 9180 requires for one message: one X25519 (WebCrypto), five HMAC-SHA256 (@noble/hashes
// HKDF) with the per-kind info hash computed once, one ChaCha20-Poly1305 (@noble/ciphers, which
// @hpke/chacha20poly1305 bundles) — ~0.1 ms. No primitive is written here; only the RFC's labelled calls are composed.
// Sealing stays with @hpke. test/crypto.test.ts checks this against RFC 9180 test vector A.2.1
// and against @hpke/core on random envelopes, tampered ones and the wrong key.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, fromBase64Url, utf8 } from './bytes.ts';

const EMPTY = new Uint8Array(0);
const ZERO_SALT = new Uint8Array(32);
const MODE_BASE = 0;
const X25519 = { name: 'X25519' } as unknown as AlgorithmIdentifier;
/** DER header of a PKCS#8 X25519 private key (RFC 8410); the 32 raw bytes follow. */
const PKCS8_X25519 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

// RFC 9180 §4: LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm)
//              LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L)
const KEM_SUITE_ID = concat(utf8('KEM'), new Uint8Array([0x00, 0x20]));
const HPKE_SUITE_ID = concat(utf8('HPKE'), new Uint8Array([0x00, 0x20, 0x00, 0x01, 0x00, 0x03]));
const extractLabel = (suiteId: Uint8Array, label: string) => concat(utf8('HPKE-v1'), suiteId, utf8(label));
const expandLabel = (suiteId: Uint8Array, label: string, length: number) => concat(new Uint8Array([length >> 8, length & 0xff]), extractLabel(suiteId, label));
const labeledExtract = (salt: Uint8Array, label: Uint8Array, ikm: Uint8Array): Uint8Array => extract(sha256, concat(label, ikm), salt.length === 0 ? ZERO_SALT : salt);
const labeledExpand = (prk: Uint8Array, label: Uint8Array, info: Uint8Array, length: number): Uint8Array => expand(sha256, prk, concat(label, info), length);

// The labels are constants: encoded once, not per envelope.
const EAE_PRK = extractLabel(KEM_SUITE_ID, 'eae_prk');
const SHARED_SECRET = expandLabel(KEM_SUITE_ID, 'shared_secret', 32);
const PSK_ID_HASH = extractLabel(HPKE_SUITE_ID, 'psk_id_hash');
const INFO_HASH = extractLabel(HPKE_SUITE_ID, 'info_hash');
const SECRET_WITHOUT_PSK = extractLabel(HPKE_SUITE_ID, 'secret');
const KEY = expandLabel(HPKE_SUITE_ID, 'key', 32);
const BASE_NONCE = expandLabel(HPKE_SUITE_ID, 'base_nonce', 12);

/** Everything of the key schedule that depends only on the info string (§5.1), computed once per info. */
function scheduleFor(info: Uint8Array): { key: Uint8Array; nonce: Uint8Array } {
  const context = concat(new Uint8Array([MODE_BASE]), labeledExtract(EMPTY, PSK_ID_HASH, EMPTY), labeledExtract(EMPTY, INFO_HASH, info));
  return { key: concat(KEY, context), nonce: concat(BASE_NONCE, context) };
}

export class HpkeRecipient {
  /** By info array: callers that pass the same array for the same info save two HMACs per open. */
  private readonly schedules = new WeakMap<Uint8Array, { key: Uint8Array; nonce: Uint8Array }>();

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: Uint8Array,
  ) {}

  /** A recipient for a raw X25519 private key, or null where WebCrypto has no X25519 (callers then use @hpke). */
  static async fromRawPrivateKey(raw: Uint8Array): Promise<HpkeRecipient | null> {
    if (raw.length !== 32) return null;
    try {
      const privateKey = await crypto.subtle.importKey('pkcs8', concat(PKCS8_X25519, raw) as BufferSource, X25519, true, ['deriveBits']);
      const { x } = await crypto.subtle.exportKey('jwk', privateKey);
      const publicKey = x ? fromBase64Url(x) : null;
      return publicKey?.length === 32 ? new HpkeRecipient(privateKey, publicKey) : null;
    } catch {
      return null;
    }
  }

  private scheduleFor(info: Uint8Array) {
    let schedule = this.schedules.get(info);
    if (!schedule) this.schedules.set(info, (schedule = scheduleFor(info)));
    return schedule;
  }

  /** Opens the first (and only) message of a base-mode context. Throws on any failure. */
  async open(enc: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array, info: Uint8Array): Promise<Uint8Array> {
    // Decap (§4.1): DH with the sender's ephemeral key; the all-zero output of a low-order
    // point is refused by WebCrypto and again here.
    const ephemeral = await crypto.subtle.importKey('raw', enc as BufferSource, X25519, true, []);
    const dh = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: ephemeral } as unknown as AlgorithmIdentifier, this.privateKey, 256));
    if (dh.every((b) => b === 0)) throw new Error('hpke: low-order point');
    const eaePrk = labeledExtract(EMPTY, EAE_PRK, dh);
    const sharedSecret = labeledExpand(eaePrk, SHARED_SECRET, concat(enc, this.publicKey), 32);
    // Key schedule (§5.1), base mode: no PSK; the exporter secret is not needed.
    const schedule = this.scheduleFor(info);
    const secret = labeledExtract(sharedSecret, SECRET_WITHOUT_PSK, EMPTY);
    const key = labeledExpand(secret, schedule.key, EMPTY, 32);
    // Sequence number 0: the nonce is the base nonce.
    const nonce = labeledExpand(secret, schedule.nonce, EMPTY, 12);
    try {
      return chacha20poly1305(key, nonce, aad).decrypt(ciphertext);
    } finally {
      key.fill(0);
    }
  }
}
