// A decryption worker: holds copies of the member's intake private keys and opens report
// envelopes in batches, off the page's main thread. Told to forget, it zeroes its keys.
import { openReportAnswers } from './open.ts';

type Message =
  | { type: 'keys'; keys: [string, Uint8Array][] }
  | { type: 'open'; job: number; items: { id: string; keyId: string; envelope: string }[] }
  | { type: 'forget' };

const keyring = new Map<string, Uint8Array>();

self.onmessage = async (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === 'keys') {
    for (const [keyId, key] of message.keys) keyring.set(keyId, key);
  } else if (message.type === 'forget') {
    for (const key of keyring.values()) key.fill(0);
    keyring.clear();
  } else {
    const results = await Promise.all(message.items.map((item) => openReportAnswers(item, keyring)));
    (self as unknown as Worker).postMessage({ job: message.job, results });
  }
};
