// Reports as a reporter's browser sends them: sealed to the intake key on the page, with the
// status key derived from a fresh codename.
import type { TestServer } from './server.ts';
import { SealedKind, sealTo } from '../../src/core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../../src/core/crypto/bytes.ts';
import { newCodename } from '../../src/core/crypto/codename.ts';
import { statusKeyOf } from '../../src/core/crypto/status-key.ts';

/** The intake key the form page offers. */
export async function publicKeyOfPage(server: Pick<TestServer, 'url'>): Promise<{ publicKey: Uint8Array; keyId: string }> {
  const html = await (await fetch(`${server.url}/`)).text();
  return { publicKey: fromBase64Url(/data-key="([^"]+)"/.exec(html)![1]!)!, keyId: /data-key-id="([^"]+)"/.exec(html)![1]! };
}

/** A report sealed as the public script seals it, and its codename. */
export async function sealedSubmission(server: Pick<TestServer, 'url'>, text: string) {
  const key = await publicKeyOfPage(server);
  const codename = newCodename();
  const answers = { v: 1, lang: 'ru', what: ['raid'], stillHeld: 'no', story: text, consentPublic: 'no', consentLegal: 'yes' };
  const envelope = await sealTo(SealedKind.report, key, utf8(JSON.stringify(answers)));
  return { codename, body: { v: 1, lang: 'ru', envelope: toBase64Url(envelope), statusKey: toBase64Url(await statusKeyOf(codename)) } };
}

export const postJson = (server: Pick<TestServer, 'url'>, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
