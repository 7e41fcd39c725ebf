// Client puzzles (hashcash) for the anonymous forms. Behind an onion service every client has the
// same address, so a per-client limit cannot tell a flood from a real reporter; a proof of work
// can: the server hands out a challenge, the browser finds a nonce whose SHA-256 starts with
// enough zero bits, and a fresh, unused proof lets the request past the per-client limit.
//
// A challenge is text: "1.<family>.<bits>.<issued, unix seconds>.<random id>.<MAC>". The MAC (the
// server's keyed hash) binds the family, difficulty, time and id, so the server keeps no state
// until a proof is spent. A proof is "<challenge>.<nonce>" with the nonce in decimal.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../crypto/bytes.ts';

/** The routes a proof is good for: one family's proof does not open another's. */
export const POW_FAMILIES = ['report', 'evidence', 'status'] as const;
export type PowFamily = (typeof POW_FAMILIES)[number];

/** The header the public script sends a proof in (its API calls are limited before their body). */
export const PROOF_HEADER = 'x-vigil-proof';
/** The hidden field the script adds to the status forms (limited after their small body). */
export const PROOF_FIELD = 'proof';

/** How long a challenge stays good: long enough for a slow phone, short enough to keep few spent ids. */
export const CHALLENGE_SECONDS = 10 * 60;
/** A challenge issued this far "in the future" is refused (it was not ours, or the clock jumped). */
const CLOCK_SKEW_SECONDS = 60;
/** No challenge asks for more (about a day of a phone's work); nothing claiming more is parsed. */
export const MAX_BITS = 40;
const MAC_HEX = 32;

/** The server's keyed hash (hex) over a challenge's text; core never holds the key. */
export type Mac = (text: string) => string;

export interface Challenge {
  family: PowFamily;
  bits: number;
  /** Unix seconds. */
  issuedAt: number;
  /** Random, base64url: what is remembered once spent. */
  id: string;
}

const CHALLENGE = /^1\.(report|evidence|status)\.(\d{1,2})\.(\d{1,12})\.([A-Za-z0-9_-]{16,32})\.([0-9a-f]{32})$/;
const PROOF = /^(1\.[a-z]+\.\d{1,2}\.\d{1,12}\.[A-Za-z0-9_-]{16,32}\.[0-9a-f]{32})\.(\d{1,16})$/;
/** The longest proof text accepted; anything longer is malformed before any regex runs on it. */
export const MAX_PROOF_LENGTH = 140;

const unsigned = (c: Challenge) => `1.${c.family}.${c.bits}.${c.issuedAt}.${c.id}`;

export function issueChallenge(challenge: Challenge, mac: Mac): string {
  const text = unsigned(challenge);
  return `${text}.${mac(text).slice(0, MAC_HEX)}`;
}

/** The challenge's fields if it is well formed (its MAC is not checked here). */
export function parseChallenge(text: string): (Challenge & { mac: string }) | null {
  const m = CHALLENGE.exec(text);
  if (!m) return null;
  const bits = Number(m[2]);
  if (bits < 1 || bits > MAX_BITS) return null;
  return { family: m[1] as PowFamily, bits, issuedAt: Number(m[3]), id: m[4]!, mac: m[5]! };
}

/** Zero bits at the start of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Tries `count` nonces from `from` on; the proof text if one has `bits` leading zero bits, else
 * null. Callers in a page run it in slices so the page keeps responding.
 */
export function solveSome(challenge: string, bits: number, from: number, count: number): string | null {
  const prefix = utf8(`${challenge}.`);
  const buffer = new Uint8Array(prefix.length + 16);
  buffer.set(prefix);
  for (let nonce = from; nonce < from + count; nonce++) {
    const digits = String(nonce);
    for (let i = 0; i < digits.length; i++) buffer[prefix.length + i] = digits.charCodeAt(i);
    if (leadingZeroBits(sha256(buffer.subarray(0, prefix.length + digits.length))) >= bits) return `${challenge}.${nonce}`;
  }
  return null;
}

/** Solves in one go (Node: tests and benches). */
export function solve(challenge: string): string {
  const parsed = parseChallenge(challenge);
  if (!parsed) throw new Error('not a challenge');
  for (let from = 0; ; from += 65536) {
    const proof = solveSome(challenge, parsed.bits, from, 65536);
    if (proof) return proof;
  }
}

export type ProofCheck =
  | { ok: true; id: string; family: PowFamily; bits: number; /** Unix seconds; the id need not be remembered after. */ expiresAt: number }
  | { ok: false; reason: 'malformed' | 'forged' | 'wrong-family' | 'expired' | 'too-easy' | 'unsolved' };

export interface ProofExpectation {
  family: PowFamily;
  /** What the server asks for now: a proof solved when it asked for less is not enough. */
  minBits: number;
  /** Unix seconds. */
  now: number;
  mac: Mac;
}

/** Checks a proof (anything a client sent); never throws. Whether it was spent before is the caller's. */
export function checkProof(proof: unknown, expect: ProofExpectation): ProofCheck {
  if (typeof proof !== 'string' || proof.length > MAX_PROOF_LENGTH) return { ok: false, reason: 'malformed' };
  const m = PROOF.exec(proof);
  const challenge = m && parseChallenge(m[1]!);
  if (!m || !challenge) return { ok: false, reason: 'malformed' };
  if (!sameText(expect.mac(unsigned(challenge)).slice(0, MAC_HEX), challenge.mac)) return { ok: false, reason: 'forged' };
  if (challenge.family !== expect.family) return { ok: false, reason: 'wrong-family' };
  const expiresAt = challenge.issuedAt + CHALLENGE_SECONDS;
  if (expect.now >= expiresAt || challenge.issuedAt > expect.now + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
  if (challenge.bits < expect.minBits) return { ok: false, reason: 'too-easy' };
  if (leadingZeroBits(sha256(utf8(proof))) < challenge.bits) return { ok: false, reason: 'unsolved' };
  return { ok: true, id: challenge.id, family: challenge.family, bits: challenge.bits, expiresAt };
}

/** Compares in time independent of where two MACs differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
