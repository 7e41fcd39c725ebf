// The trustees' recovery kit: a key pair whose private half is split M of N with Shamir's secret
// sharing (shamir-secret-sharing, audited; no field arithmetic of ours). Each share is printed
// once as words and a QR code of the same text; typed back, shares are checked one by one and
// the combination is checked against the kit's public key before anything is opened with it.
import { combine, split } from 'shamir-secret-sharing';
import { generateKeyPair, keyIdOf } from '../crypto/keys.ts';
import { SealedKind, openSealed, sealTo } from '../crypto/sealed.ts';
import { randomBytes } from '../crypto/bytes.ts';
import { plausible, shareToWords, wordsToShare, type ShareFields } from './share-words.ts';

export interface ShareSheet {
  number: number;
  of: number;
  threshold: number;
  kitId: string;
  /** What the trustee types back, space-separated. */
  words: string;
  /** What the QR code encodes: the heading, then the words. */
  qr: string;
}

export type RecoveryShare = ShareFields;

export type ShareErrorCode = 'mistyped' | 'unreadable' | 'not-enough' | 'foreign' | 'duplicate' | 'wrong';

/** Names what is wrong with a share (`share`: its number; `word`: the 1-based position of an unknown word). Never holds the share. */
export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    readonly detail: { share?: number; word?: number; words?: number } = {},
  ) {
    super(`share: ${code}`);
    this.name = 'ShareError';
  }
  get share(): number | undefined {
    return this.detail.share;
  }
}

export const shareHeading = (s: { number: number; of: number; threshold: number; kitId: string }): string =>
  `Share ${s.number} of ${s.of} · any ${s.threshold} · kit ${s.kitId}`;

const HEADING = /share\s+(\d+)\s+of\s+(\d+)\W+any\s+(\d+)\W+kit\s+([0-9a-f]+)/;

/** Reads a share from its words (any case or spacing, numbered or not) or from its QR code's text. */
export function parseShare(text: string): RecoveryShare {
  let rest = text.normalize('NFKC').toLowerCase();
  const heading = HEADING.exec(rest);
  if (heading) rest = rest.replace(heading[0], ' ');
  const fields = wordsToShare(rest.split(/[^a-z]+/).filter(Boolean));
  if ('problem' in fields) {
    const { problem, ...detail } = fields;
    throw new ShareError(problem, detail);
  }
  // A heading that says otherwise than the words is a sheet someone has altered.
  if (heading && heading.slice(1).join(' ') !== [fields.number, fields.of, fields.threshold, fields.kitId].join(' ')) throw new ShareError('unreadable');
  return fields;
}

/** Whether a private key is the one of this public key: what is sealed to the public key opens with it. */
async function opens(kit: { id: string; publicKey: Uint8Array }, privateKey: Uint8Array): Promise<boolean> {
  const probe = randomBytes(16);
  try {
    const sealed = await sealTo(SealedKind.keyGrant, { publicKey: kit.publicKey, keyId: kit.id }, probe);
    const opened = await openSealed(SealedKind.keyGrant, sealed, { privateKey, keyId: kit.id });
    return opened.every((b, i) => b === probe[i]);
  } catch {
    return false;
  }
}

/** The kit's private key from M (or more) shares; throws ShareError naming the share at fault. */
export async function combineShares(shares: RecoveryShare[], kit: { id: string; publicKey: Uint8Array }): Promise<Uint8Array> {
  const foreign = shares.find((s) => s.kitId !== kit.id);
  if (foreign) throw new ShareError('foreign', { share: foreign.number });
  const seen = new Set<number>();
  for (const s of shares) {
    if (seen.has(s.number)) throw new ShareError('duplicate', { share: s.number });
    seen.add(s.number);
  }
  if (shares.length === 0 || shares.length < shares[0]!.threshold) throw new ShareError('not-enough');
  const privateKey = await combine(shares.map((s) => s.share));
  if (!(await opens(kit, privateKey))) {
    privateKey.fill(0);
    throw new ShareError('wrong');
  }
  return privateKey;
}

function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Makes a kit and its sheets, having checked that every sheet reads back (words and QR text) and
 * that every M of them give the kit's key: nothing is shown to a trustee before that.
 */
export async function makeRecoveryKit(options: { threshold: number; shares: number }) {
  const { threshold, shares: of } = options;
  if (!Number.isInteger(threshold) || !Number.isInteger(of) || !plausible({ number: 1, of, threshold })) throw new RangeError('2 to 10 trustees, any 2 or more of them');
  const pair = await generateKeyPair();
  const kitId = await keyIdOf(pair.publicKey);
  const parts = await split(pair.privateKey, of, threshold);
  const sheets: ShareSheet[] = parts.map((share, i) => {
    const fields = { number: i + 1, of, threshold, kitId, share };
    const words = shareToWords(fields).join(' ');
    return { number: i + 1, of, threshold, kitId, words, qr: `${shareHeading(fields)}\n${words}` };
  });
  const read = sheets.map((sheet) => parseShare(sheet.words));
  if (sheets.some((sheet, i) => !same(parseShare(sheet.qr).share, read[i]!.share))) throw new Error('a recovery sheet does not read back');
  for (const subset of subsets(read, threshold)) {
    if (!same(await combine(subset.map((s) => s.share)), pair.privateKey)) throw new Error('recovery shares do not recombine');
  }
  const kit = { id: kitId, publicKey: pair.publicKey };
  (await combineShares(read.slice(0, threshold), kit)).fill(0);
  return { publicKey: pair.publicKey, privateKey: pair.privateKey, kitId, sheets };
}
