// A decryption worker: holds copies of the member's intake private keys (and no other) and opens report
// envelopes in batches, off the page's main thread. Told to forget, it zeroes its keys and drops
// the words it folded for search.
import { openReportAnswers } from './open.ts';
import { forgetFoldedWords } from '../../../core/report/text.ts';
import { unpack, type PackedBatch } from './batch.ts';
import { generateKeyPair, keyIdOf } from '../../../core/crypto/keys.ts';
import { SealedKind, sealTo } from '../../../core/crypto/sealed.ts';
import { utf8 } from '../../../core/crypto/bytes.ts';
import { reportCacheKey } from '../../../core/report/cache.ts';
import { Keyring, type HeldKey } from '../../../core/keyring.ts';

type Message =
  | { type: 'keys'; keys: HeldKey[] }
  | { type: 'open'; job: number; batch: PackedBatch; useCache: boolean }
  | { type: 'forget' };

const keyring = new Keyring();
/** Opened-report cache keys (core/report/cache.ts), derived once per intake key. */
const cacheKeys = new Map<string, Promise<CryptoKey>>();
function cacheKeyFor(keyId: string): Promise<CryptoKey> | null {
  const privateKey = keyring.get(keyId);
  if (!privateKey) return null;
  let key = cacheKeys.get(keyId);
  if (!key) cacheKeys.set(keyId, (key = reportCacheKey(privateKey, keyId)));
  return key;
}

// While the page is still stretching the passphrase, open a few throwaway envelopes so the
// opening code is compiled before the first real screen needs it.
async function warmUp(): Promise<void> {
  const pair = await generateKeyPair();
  const keyId = await keyIdOf(pair.publicKey);
  const throwaway = Keyring.of([{ keyId, purpose: 'intake', privateKey: pair.privateKey }]);
  const answers = utf8(JSON.stringify({ v: 1, lang: 'en', what: ['other'], story: 'warm-up' }));
  const envelopes = await Promise.all(Array.from({ length: 24 }, () => sealTo(SealedKind.report, { publicKey: pair.publicKey, keyId }, answers)));
  for (let round = 0; round < 4; round++) await Promise.all(envelopes.map((envelope, i) => openReportAnswers({ id: String(i), keyId, envelope }, throwaway)));
  pair.privateKey.fill(0);
}
const warm = warmUp().catch(() => undefined);

self.onmessage = async (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === 'keys') {
    for (const key of message.keys) keyring.add(key);
  } else if (message.type === 'forget') {
    keyring.forget();
    cacheKeys.clear();
    forgetFoldedWords();
  } else {
    await warm;
    const results = await Promise.all(unpack(message.batch).map((item) => openReportAnswers(item, keyring, cacheKeyFor, message.useCache)));
    const transfer = results.flatMap((r) => (r.ok && r.newCache ? [r.newCache.buffer as ArrayBuffer] : []));
    (self as unknown as Worker).postMessage({ job: message.job, results }, transfer);
  }
};
