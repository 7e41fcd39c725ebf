// A share as a trustee types it: 33 words of the BIP39 English list (11 bits each) holding the
// share's number, how many there are, the threshold, the kit's id and the Shamir share itself,
// then a 19-bit checksum over all of it. The kit id is inside what the checksum covers, so a
// mistyped word is caught here, and a share of another kit is caught when shares are combined.
import { sha256 } from '@noble/hashes/sha2.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { concat, toHex, utf8 } from '../crypto/bytes.ts';

const VERSION = 1;
const KIT_ID_BYTES = 8;
/** A 32-byte X25519 private key split by shamir-secret-sharing: 32 bytes and the share's x-coordinate. */
export const SHARE_BYTES = 33;
const PAYLOAD_BYTES = 2 + KIT_ID_BYTES + SHARE_BYTES;
const CHECKSUM_BITS = 19;
const WORD_BITS = 11;
export const WORD_COUNT = (PAYLOAD_BYTES * 8 + CHECKSUM_BITS) / WORD_BITS;
const DOMAIN = utf8('vigil/recovery/v1/share');

export interface ShareFields {
  number: number;
  of: number;
  threshold: number;
  kitId: string;
  share: Uint8Array;
}

/** Why words are not a share; `word` is the 1-based position of a word not in the list, `words` how many were given. */
export type WordProblem = { problem: 'mistyped'; word?: number; words?: number } | { problem: 'unreadable'; words?: number };

const bitsOf = (bytes: Uint8Array): number[] => [...bytes].flatMap((b) => Array.from({ length: 8 }, (_, i) => (b >> (7 - i)) & 1));
const numberOf = (bits: number[]): number => bits.reduce((n, bit) => n * 2 + bit, 0);
const bytesOf = (bits: number[]): Uint8Array => Uint8Array.from({ length: bits.length / 8 }, (_, i) => numberOf(bits.slice(i * 8, i * 8 + 8)));
const checksumBits = (payload: Uint8Array): number[] => bitsOf(sha256(concat(DOMAIN, payload)).subarray(0, 3)).slice(0, CHECKSUM_BITS);

function payloadOf(fields: ShareFields): Uint8Array {
  const kitId = Uint8Array.from(fields.kitId.match(/../g)!.map((h) => parseInt(h, 16)));
  return concat(Uint8Array.of((VERSION << 4) | fields.number, (fields.of << 4) | fields.threshold), kitId, fields.share);
}

export function shareToWords(fields: ShareFields): string[] {
  const payload = payloadOf(fields);
  const bits = [...bitsOf(payload), ...checksumBits(payload)];
  return Array.from({ length: WORD_COUNT }, (_, i) => wordlist[numberOf(bits.slice(i * WORD_BITS, (i + 1) * WORD_BITS))]!);
}

// BIP39's English list is made so its first four letters name a word: "abou" is "about".
const byWord = new Map(wordlist.map((w, i) => [w, i]));
const byPrefix = new Map(wordlist.map((w, i) => [w.slice(0, 4), i]));
const indexOfWord = (word: string): number | undefined => byWord.get(word) ?? (word.length >= 4 ? byPrefix.get(word.slice(0, 4)) : undefined);

export function wordsToShare(words: string[]): ShareFields | WordProblem {
  // A word not in the list is named even before the share is whole: the trustee fixes it at once.
  const indexes = words.map(indexOfWord);
  const unknown = indexes.findIndex((i) => i === undefined);
  if (unknown >= 0) return { problem: 'mistyped', word: unknown + 1, words: words.length };
  if (words.length !== WORD_COUNT) return { problem: 'unreadable', words: words.length };
  const bits = indexes.flatMap((i) => bitsOf(Uint8Array.of(i! >> 8, i! & 0xff)).slice(16 - WORD_BITS));
  const payload = bytesOf(bits.slice(0, PAYLOAD_BYTES * 8));
  if (checksumBits(payload).join('') !== bits.slice(PAYLOAD_BYTES * 8).join('')) return { problem: 'mistyped' };
  const [head, sizes] = [payload[0]!, payload[1]!];
  const fields = { number: head & 15, of: sizes >> 4, threshold: sizes & 15, kitId: toHex(payload.subarray(2, 2 + KIT_ID_BYTES)), share: payload.slice(2 + KIT_ID_BYTES) };
  if (head >> 4 !== VERSION || !plausible(fields)) return { problem: 'unreadable' };
  return fields;
}

/** The numbers a kit can have: 2 to 10 trustees, any 2 of them or more, numbered from 1. */
export const plausible = (f: { number: number; of: number; threshold: number }): boolean =>
  f.of >= 2 && f.of <= 10 && f.threshold >= 2 && f.threshold <= f.of && f.number >= 1 && f.number <= f.of;
