// The trustees' kit in core: shares split and recombine (every M of N, never fewer), read back
// from words or QR text however typed, and every fault is named: a mistyped word, a share of
// another kit, the same share twice, too few shares, a combination that is not the kit's key.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { ShareError, combineShares, makeRecoveryKit, parseShare, shareHeading, type RecoveryShare } from '../src/core/recovery/shares.ts';
import { answerChallenge, newChallenge } from '../src/core/recovery/challenge.ts';
import { WORD_COUNT } from '../src/core/recovery/share-words.ts';
import { fromBase64Url } from '../src/core/crypto/bytes.ts';

type Kit = Awaited<ReturnType<typeof makeRecoveryKit>>;

const fault = (code: string, detail: Record<string, number> = {}) => (error: unknown) => {
  assert.ok(error instanceof ShareError, String(error));
  assert.equal(error.code, code);
  for (const [key, value] of Object.entries(detail)) assert.equal(error.detail[key as 'share'], value, key);
  return true;
};

describe('recovery kit: 3 of 5', () => {
  let kit: Kit;
  let other: Kit;
  let shares: RecoveryShare[];
  const kitRef = () => ({ id: kit.kitId, publicKey: kit.publicKey });
  before(async () => {
    [kit, other] = await Promise.all([makeRecoveryKit({ threshold: 3, shares: 5 }), makeRecoveryKit({ threshold: 2, shares: 2 })]);
    shares = kit.sheets.map((s) => parseShare(s.words));
  });

  it('prints five sheets of words and their QR text, each naming its number, the threshold and the kit', () => {
    assert.equal(kit.sheets.length, 5);
    for (const [i, sheet] of kit.sheets.entries()) {
      assert.deepEqual([sheet.number, sheet.of, sheet.threshold, sheet.kitId], [i + 1, 5, 3, kit.kitId]);
      assert.equal(sheet.words.split(' ').length, WORD_COUNT);
      assert.ok(sheet.words.split(' ').every((w) => wordlist.includes(w)));
      assert.equal(sheet.qr, `Share ${i + 1} of 5 · any 3 · kit ${kit.kitId}\n${sheet.words}`);
      assert.equal(shareHeading(sheet), `Share ${i + 1} of 5 · any 3 · kit ${kit.kitId}`);
    }
  });

  it('any 3 shares give the kit key, in any order; 5 do too', async () => {
    for (const picked of [[0, 1, 2], [4, 2, 0], [1, 3, 4]]) assert.deepEqual(await combineShares(picked.map((i) => shares[i]!), kitRef()), kit.privateKey);
    assert.deepEqual(await combineShares(shares, kitRef()), kit.privateKey);
  });

  it('reads words in capitals, numbered, on several lines, by their first four letters, or the QR text', () => {
    const words = kit.sheets[1]!.words.split(' ');
    const typed = words.map((w, i) => `${i + 1}. ${(i % 2 ? w.slice(0, 4) : w).toUpperCase()}`).join('\n  ');
    assert.deepEqual(parseShare(typed), shares[1]);
    assert.deepEqual(parseShare(kit.sheets[1]!.qr), shares[1]);
  });

  it('names a word not in the list, a changed word, a missing word', () => {
    const words = kit.sheets[0]!.words.split(' ');
    assert.throws(() => parseShare([...words.slice(0, 6), 'zzzz', ...words.slice(7)].join(' ')), fault('mistyped', { word: 7 }));
    const swapped = wordlist[(wordlist.indexOf(words[6]!) + 1) % 2048]!;
    assert.throws(() => parseShare([...words.slice(0, 6), swapped, ...words.slice(7)].join(' ')), fault('mistyped'));
    assert.throws(() => parseShare(words.slice(1).join(' ')), fault('unreadable', { words: WORD_COUNT - 1 }));
    assert.throws(() => parseShare(''), fault('unreadable', { words: 0 }));
  });

  it('refuses a QR text whose heading was altered', () => {
    assert.throws(() => parseShare(kit.sheets[0]!.qr.replace('Share 1 of 5', 'Share 2 of 5')), fault('unreadable'));
  });

  it('names the share of another kit, the same share twice, and too few shares', async () => {
    const foreign = parseShare(other.sheets[1]!.words);
    await assert.rejects(combineShares([shares[0]!, foreign, shares[2]!], kitRef()), fault('foreign', { share: 2 }));
    await assert.rejects(combineShares([shares[0]!, shares[3]!, parseShare(kit.sheets[3]!.qr)], kitRef()), fault('duplicate', { share: 4 }));
    await assert.rejects(combineShares([shares[0]!, shares[4]!], kitRef()), fault('not-enough'));
    await assert.rejects(combineShares([], kitRef()), fault('not-enough'));
  });

  it('says "wrong" when shares combine to another key than the kit', async () => {
    // Byte 8, not byte 0: X25519 clamps the low bits of byte 0, so a change there can leave the same key.
    const altered = { ...shares[2]!, share: shares[2]!.share.map((b, i) => (i === 8 ? b ^ 1 : b)) };
    await assert.rejects(combineShares([shares[0]!, shares[1]!, altered], kitRef()), fault('wrong'));
    await assert.rejects(combineShares(shares.slice(0, 3), { id: kit.kitId, publicKey: other.publicKey }), fault('wrong'));
  });

  it('refuses kits outside 2 to 10 trustees, any 2 or more', async () => {
    for (const [threshold, count] of [[1, 3], [4, 3], [2, 11], [2.5, 4]]) await assert.rejects(makeRecoveryKit({ threshold: threshold!, shares: count! }), RangeError);
  });

  it('answers a one-time challenge only with the kit\'s key: each challenge differs, another kit cannot open it', async () => {
    const kitPublic = { id: kit.kitId, publicKey: kit.publicKey };
    const [first, second] = await Promise.all([newChallenge(kitPublic), newChallenge(kitPublic)]);
    assert.equal(await answerChallenge(first.challenge, { id: kit.kitId, privateKey: kit.privateKey }), first.answer);
    assert.notEqual(first.answer, second.answer);
    assert.equal(fromBase64Url(first.answer)!.length, 32);
    await assert.rejects(answerChallenge(first.challenge, { id: kit.kitId, privateKey: other.privateKey }));
    await assert.rejects(answerChallenge('not base64!', { id: kit.kitId, privateKey: kit.privateKey }));
  });
});

describe('recovery kit: 10 trustees', () => {
  it('makes and checks every 5 of 10 (252 combinations) and recombines from the last five', async () => {
    const kit = await makeRecoveryKit({ threshold: 5, shares: 10 });
    const shares = kit.sheets.slice(5).map((s) => parseShare(s.qr));
    assert.deepEqual(await combineShares(shares, { id: kit.kitId, publicKey: kit.publicKey }), kit.privateKey);
  });
});
