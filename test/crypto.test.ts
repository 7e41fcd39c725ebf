// Envelopes, key wrapping, passphrase keys, padding: round trips, tampering, wrong keys, versions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { generateKeyPair, keyIdOf } from '../src/core/crypto/keys.ts';
import { SealedKind, openSealed, sealTo, inspectSealed, MAX_SEALED_BYTES } from '../src/core/crypto/sealed.ts';
import { WrappedKind, unwrapSecret, wrapSecret } from '../src/core/crypto/wrapped.ts';
import { deriveMemberKeys, newKdfParams } from '../src/core/crypto/passphrase.ts';
import { EnvelopeError } from '../src/core/crypto/errors.ts';
import { concat, fromBase64Url, fromUtf8, toBase64Url, utf8, randomBytes } from '../src/core/crypto/bytes.ts';
import { pad, padFile, padmeLength, unpad, PAD_BUCKET } from '../src/core/crypto/padding.ts';
import { SyncHkdfSha256 } from '../src/core/crypto/hkdf.ts';
import { HpkeRecipient } from '../src/core/crypto/hpke-open.ts';
import { useHpkeSuite } from '../src/core/crypto/suite.ts';
import { FrameError, decodeInboxFrame, encodeInboxFrame } from '../src/core/api/inbox-frame.ts';
import { INBOX_PAGE_MOST } from '../src/core/api/inbox.ts';

async function recipient() {
  const pair = await generateKeyPair();
  const keyId = await keyIdOf(pair.publicKey);
  return { pub: { publicKey: pair.publicKey, keyId }, priv: { privateKey: pair.privateKey, keyId } };
}

const code = (error: unknown) => (error instanceof EnvelopeError ? error.code : String(error));

describe('sealed envelopes (HPKE)', () => {
  it('round-trips, in any script', async () => {
    const { pub, priv } = await recipient();
    const text = 'Задержан в Бинагади · Binəqədi · Binagadi 🏳️';
    const envelope = await sealTo(SealedKind.report, pub, utf8(text));
    assert.equal(envelope[0], 1, 'version 1');
    assert.equal(fromUtf8(await openSealed(SealedKind.report, envelope, priv)), text);
  });

  it('pads so sizes reveal little', async () => {
    const { pub } = await recipient();
    const short = await sealTo(SealedKind.report, pub, utf8('a'));
    const longer = await sealTo(SealedKind.report, pub, utf8('a'.repeat(400)));
    assert.equal(short.length, longer.length);
  });

  it('detects tampering anywhere', async () => {
    const { pub, priv } = await recipient();
    const envelope = await sealTo(SealedKind.report, pub, utf8('secret'));
    for (const at of [1, 5, 20, 50, envelope.length - 1]) {
      const bad = envelope.slice();
      bad[at]! ^= 0x01;
      await assert.rejects(openSealed(SealedKind.report, bad, priv), (e) => ['tampered', 'wrong-key', 'unknown-kind'].includes(code(e)));
    }
  });

  it('rejects the wrong key and a different key with the same id', async () => {
    const { pub } = await recipient();
    const other = await recipient();
    const envelope = await sealTo(SealedKind.report, pub, utf8('secret'));
    await assert.rejects(openSealed(SealedKind.report, envelope, other.priv), (e) => code(e) === 'wrong-key');
    await assert.rejects(openSealed(SealedKind.report, envelope, { ...other.priv, keyId: pub.keyId }), (e) => code(e) === 'tampered');
  });

  it('checks version and kind, and a kind cannot be relabelled', async () => {
    const { pub, priv } = await recipient();
    const envelope = await sealTo(SealedKind.keyGrant, pub, utf8('key'));
    await assert.rejects(openSealed(SealedKind.report, envelope, priv), (e) => code(e) === 'unknown-kind');
    const relabelled = envelope.slice();
    relabelled[1] = SealedKind.report;
    await assert.rejects(openSealed(SealedKind.report, relabelled, priv), (e) => code(e) === 'tampered');
    const future = envelope.slice();
    future[0] = 2;
    assert.throws(() => inspectSealed(future, SealedKind.keyGrant), (e) => code(e) === 'unknown-version');
    assert.throws(() => inspectSealed(new Uint8Array(MAX_SEALED_BYTES + 1), SealedKind.report), (e) => code(e) === 'too-large');
    assert.throws(() => inspectSealed(new Uint8Array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]), SealedKind.report), (e) => code(e) === 'malformed');
  });

  it('uses a fresh ephemeral key every time', async () => {
    const { pub } = await recipient();
    const a = await sealTo(SealedKind.report, pub, utf8('same'));
    const b = await sealTo(SealedKind.report, pub, utf8('same'));
    assert.notDeepEqual(a, b);
  });

  it('the synchronous HKDF is byte-identical to @hpke/core\'s WebCrypto HKDF', async () => {
    const make = (kdf: HkdfSha256) => new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf, aead: new Chacha20Poly1305() });
    const ours = make(new SyncHkdfSha256());
    const theirs = make(new HkdfSha256());
    const pair = await theirs.kem.generateKeyPair();
    const info = utf8('interop').buffer as ArrayBuffer;
    const sealed = await ours.seal({ recipientPublicKey: pair.publicKey, info }, utf8('hello').buffer as ArrayBuffer);
    assert.equal(fromUtf8(new Uint8Array(await theirs.open({ recipientKey: pair.privateKey, enc: sealed.enc, info }, sealed.ct))), 'hello');
    const back = await theirs.seal({ recipientPublicKey: pair.publicKey, info }, utf8('back').buffer as ArrayBuffer);
    assert.equal(fromUtf8(new Uint8Array(await ours.open({ recipientKey: pair.privateKey, enc: back.enc, info }, back.ct))), 'back');
  });
});

describe('the lean HPKE opener (hpke-open.ts)', () => {
  const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
  const suite = () => new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });

  it('opens RFC 9180 test vector A.2.1 (X25519, HKDF-SHA256, ChaCha20-Poly1305, base mode)', async () => {
    const recipient = await HpkeRecipient.fromRawPrivateKey(hex('8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb'));
    assert.ok(recipient, 'Node has X25519 in WebCrypto');
    const plaintext = await recipient.open(
      hex('1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a'),
      hex('1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28'),
      hex('436f756e742d30'),
      hex('4f6465206f6e2061204772656369616e2055726e'),
    );
    assert.equal(fromUtf8(plaintext), 'Beauty is truth, truth beauty');
  });

  it('opens exactly what @hpke/core seals, and refuses any change', async () => {
    const hpke = suite();
    for (let round = 0; round < 40; round++) {
      const pair = await hpke.kem.generateKeyPair();
      const raw = new Uint8Array(await hpke.kem.serializePrivateKey(pair.privateKey));
      const recipient = (await HpkeRecipient.fromRawPrivateKey(raw))!;
      const info = randomBytes(1 + (round % 40));
      const aad = randomBytes(round % 17);
      const message = randomBytes(round * 37);
      const sealed = await hpke.seal({ recipientPublicKey: pair.publicKey, info: info.slice().buffer as ArrayBuffer }, message.slice().buffer as ArrayBuffer, aad.slice().buffer as ArrayBuffer);
      const enc = new Uint8Array(sealed.enc);
      const ct = new Uint8Array(sealed.ct);
      assert.deepEqual(await recipient.open(enc, ct, aad, info), message);
      const flip = (bytes: Uint8Array) => {
        const copy = bytes.slice();
        copy[round % copy.length]! ^= 0x80;
        return copy;
      };
      await assert.rejects(recipient.open(flip(enc), ct, aad, info));
      await assert.rejects(recipient.open(enc, flip(ct), aad, info));
      await assert.rejects(recipient.open(enc, ct, concat(aad, new Uint8Array([1])), info));
      await assert.rejects(recipient.open(enc, ct, aad, flip(info)));
    }
  });

  it('refuses a low-order ephemeral key and a key of the wrong size', async () => {
    const pair = await generateKeyPair();
    const recipient = (await HpkeRecipient.fromRawPrivateKey(pair.privateKey))!;
    await assert.rejects(recipient.open(new Uint8Array(32), new Uint8Array(32), new Uint8Array(0), new Uint8Array(0)));
    assert.equal(await HpkeRecipient.fromRawPrivateKey(new Uint8Array(31)), null);
  });

  it('where WebCrypto has no X25519 (older Tor Browser), envelopes open through @hpke\'s pure-JS suite', async (t) => {
    const { DhkemX25519HkdfSha256: Portable } = await import('@hpke/dhkem-x25519');
    const { pub, priv } = await recipient();
    const envelope = await sealTo(SealedKind.report, pub, utf8('no X25519 here'));
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    t.mock.method(crypto.subtle, 'importKey', (...args: Parameters<SubtleCrypto['importKey']>) => {
      const algorithm = args[2] as { name?: string } | string;
      if ((typeof algorithm === 'string' ? algorithm : algorithm.name) === 'X25519') return Promise.reject(new DOMException('not supported', 'NotSupportedError'));
      return importKey(...args);
    });
    useHpkeSuite(new CipherSuite({ kem: new Portable(), kdf: new SyncHkdfSha256(), aead: new Chacha20Poly1305() }));
    try {
      assert.equal(await HpkeRecipient.fromRawPrivateKey(priv.privateKey.slice()), null);
      // A fresh copy of the key: the prepared-key cache is per key array.
      assert.equal(fromUtf8(await openSealed(SealedKind.report, envelope, { ...priv, privateKey: priv.privateKey.slice() })), 'no X25519 here');
    } finally {
      useHpkeSuite(new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new SyncHkdfSha256(), aead: new Chacha20Poly1305() }));
    }
  });
});

describe('the server\'s OpenSSL X25519 suite', () => {
  it('interoperates both ways with the browser\'s pure-JS and WebCrypto suites', async () => {
    const { DhkemX25519HkdfSha256: Portable } = await import('@hpke/dhkem-x25519');
    const { nodeHpkeSuite } = await import('../src/server/crypto/node-x25519.ts');
    const server = nodeHpkeSuite();
    const browsers = [
      new CipherSuite({ kem: new Portable(), kdf: new SyncHkdfSha256(), aead: new Chacha20Poly1305() }),
      new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() }),
    ];
    const info = utf8('interop').buffer as ArrayBuffer;
    for (const browser of browsers) {
      const pair = await browser.kem.generateKeyPair();
      const raw = new Uint8Array(await browser.kem.serializePublicKey(pair.publicKey));
      const sealed = await server.seal({ recipientPublicKey: await server.kem.deserializePublicKey(raw), info }, utf8('from server').buffer as ArrayBuffer);
      assert.equal(fromUtf8(new Uint8Array(await browser.open({ recipientKey: pair.privateKey, enc: sealed.enc, info }, sealed.ct))), 'from server');

      const mine = await server.kem.generateKeyPair();
      const myRaw = new Uint8Array(await server.kem.serializePublicKey(mine.publicKey));
      assert.equal(myRaw.length, 32);
      const back = await browser.seal({ recipientPublicKey: await browser.kem.deserializePublicKey(myRaw.buffer as ArrayBuffer) }, utf8('to server').buffer as ArrayBuffer);
      assert.equal(fromUtf8(new Uint8Array(await server.open({ recipientKey: mine.privateKey, enc: back.enc }, back.ct))), 'to server');
      // Private keys survive a round trip through bytes.
      const restored = await server.kem.deserializePrivateKey(await server.kem.serializePrivateKey(mine.privateKey));
      assert.equal(fromUtf8(new Uint8Array(await server.open({ recipientKey: restored, enc: back.enc }, back.ct))), 'to server');
    }
  });
});

describe('wrapped secrets (AES-256-GCM) and passphrase keys (Argon2id)', () => {
  it('a passphrase unwraps what it wrapped; another passphrase does not', async () => {
    const kdf = newKdfParams();
    assert.deepEqual([kdf.memoryKiB, kdf.iterations], [65536, 3]);
    const right = await deriveMemberKeys('correct horse battery staple', kdf);
    const wrong = await deriveMemberKeys('correct horse battery stapler', kdf);
    const secret = randomBytes(32);
    const blob = await wrapSecret(WrappedKind.memberPrivateKey, right.wrapKey, secret, 'member-1');
    assert.deepEqual(await unwrapSecret(WrappedKind.memberPrivateKey, right.wrapKey, blob, 'member-1'), secret);
    await assert.rejects(unwrapSecret(WrappedKind.memberPrivateKey, wrong.wrapKey, blob, 'member-1'), (e) => code(e) === 'wrong-key');
    // Bound to its owner: the same blob moved to another member's row does not open.
    await assert.rejects(unwrapSecret(WrappedKind.memberPrivateKey, right.wrapKey, blob, 'member-2'), (e) => code(e) === 'wrong-key');
    const tampered = blob.slice();
    tampered[20]! ^= 1;
    await assert.rejects(unwrapSecret(WrappedKind.memberPrivateKey, right.wrapKey, tampered, 'member-1'), (e) => code(e) === 'wrong-key');
    const future = blob.slice();
    future[0] = 9;
    await assert.rejects(unwrapSecret(WrappedKind.memberPrivateKey, right.wrapKey, future, 'member-1'), (e) => code(e) === 'unknown-version');
  });

  it('the login key differs from the wrapping key and between salts', async () => {
    const a = await deriveMemberKeys('same passphrase here', newKdfParams());
    const b = await deriveMemberKeys('same passphrase here', newKdfParams());
    assert.notDeepEqual(a.loginKey, b.loginKey);
    const probe = await wrapSecret(WrappedKind.memberPrivateKey, a.wrapKey, a.loginKey, 'x');
    assert.ok(!Buffer.from(probe).includes(Buffer.from(a.loginKey)));
  });

  it('fresh nonces: wrapping twice gives different bytes', async () => {
    const { wrapKey } = await deriveMemberKeys('another passphrase', newKdfParams());
    const s = randomBytes(32);
    assert.notDeepEqual(await wrapSecret(WrappedKind.memberPrivateKey, wrapKey, s, 'm'), await wrapSecret(WrappedKind.memberPrivateKey, wrapKey, s, 'm'));
  });
});

describe('bytes and padding', () => {
  it('base64url round-trips and is strict', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
      assert.equal(toBase64Url(bytes), Buffer.from(bytes).toString('base64url'));
    }
    assert.equal(fromBase64Url('a+b/'), null);
    assert.equal(fromBase64Url('abcde'), null);
    assert.equal(fromBase64Url('AB'), null, 'non-zero leftover bits');
  });

  it('pads to buckets and refuses a lying length', () => {
    assert.equal(pad(new Uint8Array(0)).length, PAD_BUCKET);
    assert.equal(pad(new Uint8Array(PAD_BUCKET - 4)).length, PAD_BUCKET);
    assert.equal(pad(new Uint8Array(PAD_BUCKET - 3)).length, 2 * PAD_BUCKET);
    assert.deepEqual(unpad(pad(utf8('abc'))), utf8('abc'));
    const liar = pad(utf8('abc'));
    liar[0] = 0xff;
    assert.throws(() => unpad(liar), (e) => code(e) === 'malformed');
  });
});

describe('inputs that are Node Buffers (as databases return them)', () => {
  it('seal to and open with keys and envelopes held in pooled Buffers', async () => {
    const { pub, priv } = await recipient();
    // Small Buffer.from() results share one pool: their .buffer is not just their bytes.
    const pooledPublic = Buffer.from(pub.publicKey);
    const envelope = await sealTo(SealedKind.report, { ...pub, publicKey: pooledPublic }, utf8('pooled'));
    const pooledEnvelope = Buffer.from(envelope);
    assert.equal(fromUtf8(await openSealed(SealedKind.report, pooledEnvelope, { ...priv, privateKey: Buffer.from(priv.privateKey) })), 'pooled');
  });

  it('the reporter key from a codename is the same in the browser and on the server', async () => {
    const { reporterKeyPair } = await import('../src/core/crypto/reporter-key.ts');
    const { useHpkeSuite } = await import('../src/core/crypto/suite.ts');
    const { nodeHpkeSuite } = await import('../src/server/crypto/node-x25519.ts');
    const browser = await reporterKeyPair('1234567890123456789012345678');
    useHpkeSuite(nodeHpkeSuite());
    const server = await reporterKeyPair('1234567890123456789012345678');
    assert.deepEqual(server.publicKey, browser.publicKey);
    assert.deepEqual(server.privateKey, browser.privateKey);
  });
});

describe('the inbox frame (binary inbox pages)', () => {
  const facts = (id: string) => ({ id, seq: 1, keyId: '00'.repeat(8), receivedHour: '2026-11-24T10:00Z', readHour: null, state: 'new' as const, assignee: null, duplicateOf: null, tags: ['a'], canReply: false, notes: 0, messages: 0, unreadAnswers: 0 });

  it('round-trips facts, envelopes and caches, including an empty page', () => {
    const frame = { reports: [{ ...facts('x'), envelope: randomBytes(570), cache: randomBytes(300) }, { ...facts('y'), envelope: randomBytes(1082), cache: null }], next: 7 };
    const back = decodeInboxFrame(encodeInboxFrame(frame));
    assert.equal(back.next, 7);
    assert.deepEqual(back.reports.map((r) => [r.id, r.envelope, r.cache]), frame.reports.map((r) => [r.id, r.envelope, r.cache]));
    assert.deepEqual(decodeInboxFrame(encodeInboxFrame({ reports: [], next: null })), { reports: [], next: null });
  });

  it('reads a full page: the most reports a page may hold, each assigned, a duplicate and tagged', () => {
    const full = (i: number) => ({ ...facts(crypto.randomUUID()), seq: i + 1, assignee: crypto.randomUUID(), duplicateOf: crypto.randomUUID(), readHour: '2026-11-24T11:00Z', tags: ['detained', 'entrapment', 'baku'], notes: 3, messages: 12, unreadAnswers: 2 });
    const frame = { reports: Array.from({ length: INBOX_PAGE_MOST }, (_, i) => ({ ...full(i), envelope: randomBytes(600), cache: randomBytes(400) })), next: 1 };
    const back = decodeInboxFrame(encodeInboxFrame(frame));
    assert.equal(back.reports.length, INBOX_PAGE_MOST);
    assert.deepEqual(back.reports.at(-1)!.envelope, frame.reports.at(-1)!.envelope);
  });

  it('refuses a frame that is truncated, padded, of another version or not JSON', () => {
    const bytes = encodeInboxFrame({ reports: [{ ...facts('x'), envelope: randomBytes(100), cache: null }], next: null });
    const broken = [bytes.subarray(0, bytes.length - 1), concat(bytes, new Uint8Array([0])), new Uint8Array([2, ...bytes.subarray(1)]), new Uint8Array([1, 0, 0, 0, 2, 0x7b, 0x7b]), new Uint8Array(3)];
    for (const b of broken) assert.throws(() => decodeInboxFrame(b), FrameError);
  });
});

describe('Padmé padding for files', () => {
  it('rounds lengths up by at most 12 % and leaks little', () => {
    assert.equal(padmeLength(9), 10);
    assert.equal(padmeLength(1000), 1024);
    for (let n = 2; n < 60_000_000; n = Math.ceil(n * 1.37) + 1) {
      const padded = padmeLength(n);
      assert.ok(padded >= n && padded <= Math.max(n + 1, n * 1.12 + 1), `${n} → ${padded}`);
    }
    // Nearby sizes share a padded size: a 3,456,789-byte photo is not told apart from its neighbours.
    assert.equal(padmeLength(3_456_789), padmeLength(3_456_000));
  });

  it('round-trips a file', () => {
    const file = new Uint8Array(123_457).map((_, i) => (i * 7) & 0xff);
    const padded = padFile(file);
    assert.equal(padded.length, padmeLength(file.length + 4));
    assert.deepEqual(unpad(padded), file);
  });
});
