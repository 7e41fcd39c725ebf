// Receipt codenames: 27 random decimal digits and one Damm check digit, shown as 7 groups of 4.
// Digits are typed the same way on Azerbaijani, Russian and English keyboards and on a phone's
// number pad; 27 digits carry 89.7 bits. The check digit catches any single mistyped digit and
// any swap of two neighbours, so a typo gets "check the codename" rather than "not found".
import { randomBytes } from './bytes.ts';

export const CODENAME_RANDOM_DIGITS = 27;
export const CODENAME_DIGITS = CODENAME_RANDOM_DIGITS + 1;

// Damm's quasigroup of order 10 (totally anti-symmetric).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![ch.charCodeAt(0) - 48]!;
  return interim;
}

function randomDigits(count: number): string {
  let out = '';
  while (out.length < count) {
    for (const byte of randomBytes(count)) {
      // Reject 250..255 so every digit is equally likely.
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

/** A new codename, digits only (28 of them). Format with formatCodename for display. */
export function newCodename(): string {
  const body = randomDigits(CODENAME_RANDOM_DIGITS);
  return body + String(dammInterim(body));
}

export function formatCodename(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export type ParsedCodename = { ok: true; digits: string } | { ok: false; reason: 'length' | 'typo' };

const OTHER_ZEROS = [0x0660, 0x06f0]; // Arabic-Indic and extended Arabic-Indic digits

/**
 * Reads what a reporter typed: spaces, dashes and dots are ignored; full-width and
 * Arabic-Indic digits count as 0-9.
 */
export function parseCodename(input: string): ParsedCodename {
  let digits = '';
  for (const ch of input.normalize('NFKC')) {
    const code = ch.codePointAt(0)!;
    const zero = OTHER_ZEROS.find((z) => code >= z && code <= z + 9);
    if (code >= 48 && code <= 57) digits += ch;
    else if (zero !== undefined) digits += String(code - zero);
    else if (!/[\s\-.\u2010-\u2015_]/.test(ch)) return { ok: false, reason: 'length' };
  }
  if (digits.length !== CODENAME_DIGITS) return { ok: false, reason: 'length' };
  if (dammInterim(digits) !== 0) return { ok: false, reason: 'typo' };
  return { ok: true, digits };
}
