// The proof-of-work core: challenges, proofs, the difficulty rule and the spent set. Pure: time
// is given, never read, so nothing here depends on how fast the machine is.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { CHALLENGE_SECONDS, MAX_PROOF_LENGTH, checkProof, issueChallenge, leadingZeroBits, parseChallenge, solve, solveSome, type Challenge, type ProofExpectation } from '../src/core/pow/proof.ts';
import { LastMinuteCount, requiredBits } from '../src/core/pow/difficulty.ts';
import { SpentInMemory } from '../src/core/pow/spent.ts';
import { utf8 } from '../src/core/crypto/bytes.ts';

const mac = (text: string) => createHmac('sha256', 'test key').update(text).digest('hex');
const NOW = 1_800_000_000;
const BITS = 8;
const base: Challenge = { family: 'report', bits: BITS, issuedAt: NOW, id: 'AAAAAAAAAAAAAAAAAAAAAA' };
const expect: ProofExpectation = { family: 'report', minBits: BITS, now: NOW + 5, mac };

/** A proof of `challenge`, solved once per test file for speed. */
const proof = solve(issueChallenge(base, mac));

describe('proof of work: challenges and proofs', () => {
  it('a solved challenge checks out, with the id to remember and until when', () => {
    assert.match(proof, /^1\.report\.8\.1800000000\.A{22}\.[0-9a-f]{32}\.\d+$/);
    assert.ok(leadingZeroBits(sha256(utf8(proof))) >= BITS);
    assert.deepEqual(checkProof(proof, expect), { ok: true, id: base.id, family: 'report', bits: BITS, expiresAt: NOW + CHALLENGE_SECONDS });
  });

  it('solving in slices finds the same first nonce as solving in one go', () => {
    const challenge = issueChallenge(base, mac);
    let found: string | null = null;
    for (let from = 0; !found; from += 7) found = solveSome(challenge, BITS, from, 7);
    assert.equal(found, proof);
  });

  it('counts leading zero bits across bytes', () => {
    assert.equal(leadingZeroBits(new Uint8Array([0x80])), 0);
    assert.equal(leadingZeroBits(new Uint8Array([0x01])), 7);
    assert.equal(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff])), 19);
    assert.equal(leadingZeroBits(new Uint8Array([0, 0])), 16);
  });

  it('a tampered MAC, family, difficulty, time or id is forged', () => {
    const [version, family, bits, issued, id, tag, nonce] = proof.split('.');
    const flip = (s: string) => (s[0] === '0' ? '1' : '0') + s.slice(1);
    const variants = [
      [version, family, bits, issued, id, flip(tag!), nonce],
      [version, 'status', bits, issued, id, tag, nonce],
      [version, family, '9', issued, id, tag, nonce],
      [version, family, bits, String(NOW + 1), id, tag, nonce],
      [version, family, bits, issued, 'B' + id!.slice(1), tag, nonce],
    ];
    for (const parts of variants) assert.deepEqual(checkProof(parts.join('.'), { ...expect, family: parts[1] as 'report' }), { ok: false, reason: 'forged' }, parts.join('.'));
    const otherKey = (text: string) => createHmac('sha256', 'another key').update(text).digest('hex');
    assert.deepEqual(checkProof(proof, { ...expect, mac: otherKey }), { ok: false, reason: 'forged' });
  });

  it('a proof for one family does not open another', () => {
    assert.deepEqual(checkProof(proof, { ...expect, family: 'status' }), { ok: false, reason: 'wrong-family' });
    assert.deepEqual(checkProof(proof, { ...expect, family: 'evidence' }), { ok: false, reason: 'wrong-family' });
  });

  it('expires after ten minutes, and a challenge from the future is refused', () => {
    assert.equal(checkProof(proof, { ...expect, now: NOW + CHALLENGE_SECONDS - 1 }).ok, true);
    assert.deepEqual(checkProof(proof, { ...expect, now: NOW + CHALLENGE_SECONDS }), { ok: false, reason: 'expired' });
    assert.deepEqual(checkProof(proof, { ...expect, now: NOW - 3600 }), { ok: false, reason: 'expired' });
  });

  it('a challenge easier than the server asks for now is not enough', () => {
    assert.deepEqual(checkProof(proof, { ...expect, minBits: BITS + 1 }), { ok: false, reason: 'too-easy' });
  });

  it('a nonce that does not solve the challenge is refused', () => {
    const challenge = issueChallenge(base, mac);
    let wrong = 0;
    while (leadingZeroBits(sha256(utf8(`${challenge}.${wrong}`))) >= BITS) wrong += 1;
    assert.deepEqual(checkProof(`${challenge}.${wrong}`, expect), { ok: false, reason: 'unsolved' });
  });

  it('anything malformed is refused without throwing', () => {
    const junk: unknown[] = [
      undefined, null, 42, {}, ['x'], '', '.', '1', proof.slice(0, -1) + 'x', `${proof}.1`, `2${proof.slice(1)}`,
      proof.replace('.report.', '.reports.'), proof.replace('.8.', '.0.'), proof.replace('.8.', '.99.'),
      `${proof}${'1'.repeat(MAX_PROOF_LENGTH)}`, 'x'.repeat(1_000_000), proof.replace(/\.\d+$/, '.'), proof.replace(/\.\d+$/, '.-1'),
      proof.toUpperCase(), ` ${proof}`, `${proof}\n`,
    ];
    for (const value of junk) assert.deepEqual(checkProof(value, expect), { ok: false, reason: 'malformed' }, String(value).slice(0, 80));
  });

  it('parses only well-formed challenges of a sane difficulty', () => {
    const challenge = issueChallenge(base, mac);
    assert.deepEqual(parseChallenge(challenge), { ...base, mac: challenge.split('.')[5] });
    assert.equal(parseChallenge(issueChallenge({ ...base, bits: 41 }, mac)), null);
    assert.equal(parseChallenge(`${challenge}.1`), null);
  });
});

describe('proof of work: difficulty', () => {
  const rule = { base: 16, threshold: 30, maxExtra: 4 };

  it('stays at the base up to the threshold, then one bit per doubling, capped', () => {
    const cases: [number, number][] = [[0, 16], [30, 16], [31, 17], [60, 17], [61, 18], [120, 18], [240, 19], [480, 20], [481, 20], [100_000, 20]];
    for (const [perMinute, bits] of cases) assert.equal(requiredBits(rule, perMinute), bits, `${perMinute} a minute`);
  });

  it('counts the last minute only', () => {
    const count = new LastMinuteCount();
    for (let i = 0; i < 10; i++) count.add(i * 1000);
    assert.equal(count.total(9_000), 10);
    count.add(30_000);
    assert.equal(count.total(59_999), 11);
    assert.equal(count.total(60_000), 1, 'the first ten seconds have left the window');
    assert.equal(count.total(95_000), 0);
    count.add(10 * 60_000);
    assert.equal(count.total(10 * 60_000), 1, 'a long quiet spell empties every bucket');
  });
});

describe('proof of work: spent proofs', () => {
  it('each id once, until it expires', () => {
    const spent = new SpentInMemory();
    assert.equal(spent.spend('a', NOW + 600, NOW), 'fresh');
    assert.equal(spent.spend('a', NOW + 600, NOW + 1), 'replayed');
    assert.equal(spent.spend('b', NOW + 600, NOW + 599), 'fresh');
    assert.equal(spent.spend('c', NOW + 700, NOW + 700), 'fresh');
    assert.equal(spent.size, 1, 'a and b expired and were swept');
  });

  it('when full of unexpired ids, refuses new ones rather than forget one that could be replayed', () => {
    const spent = new SpentInMemory(3);
    for (const id of ['a', 'b', 'c']) assert.equal(spent.spend(id, NOW + 600, NOW), 'fresh');
    assert.equal(spent.spend('d', NOW + 600, NOW + 1), 'full');
    assert.equal(spent.spend('a', NOW + 600, NOW + 2), 'replayed');
    assert.equal(spent.spend('d', NOW + 1200, NOW + 600), 'fresh', 'room again once the others expired');
  });
});
