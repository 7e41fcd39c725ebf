// Trustee recovery as the workspace does it, from Node: an administrator makes a kit; M trustees
// combine their printed shares, answer the server's one-time challenges and give the keys to an administrator.
import { fromBase64Url } from '../../src/core/crypto/bytes.ts';
import type { OrgKeyView } from '../../src/core/api/keys.ts';
import type { PublicRecoveryKit, RecoveryChallenge, RecoveryOpened } from '../../src/core/api/recovery.ts';
import { combineShares, parseShare, type ShareSheet } from '../../src/core/recovery/shares.ts';
import { answerChallenge } from '../../src/core/recovery/challenge.ts';
import { grantRequest, newKit, openKitGrants } from '../../src/core/recovery/requests.ts';
import type { Keyring } from '../../src/core/keyring.ts';
import type { LoggedIn } from './org.ts';
import { postJson } from './intake.ts';

/** An administrator's browser makes a kit of every key and stores it; returns the printed sheets. */
export async function makeKit(admin: LoggedIn, split = { threshold: 3, shares: 5 }): Promise<{ kitId: string; sheets: ShareSheet[] }> {
  const { keys } = (await (await admin.get('/api/keys')).json()) as { keys: OrgKeyView[] };
  const { kitId, sheets, request } = await newKit(admin.keyring, keys, split);
  const response = await admin.post('/api/recovery/kits', request);
  if (response.status !== 201) throw new Error(`kit refused: ${response.status} ${await response.text()}`);
  return { kitId, sheets };
}

/** The kit's key made whole from its shares, as /recover does it. */
export type KitKey = { id: string; publicKey: Uint8Array; privateKey: Uint8Array };

/** A fresh one-time challenge from the server, answered with the kit's key. */
export async function answer(server: { url: string }, kit: { id: string; privateKey: Uint8Array }): Promise<string> {
  const response = await postJson(server, '/api/recovery/challenge', {});
  if (response.status !== 200) throw new Error(`challenge refused: ${response.status}`);
  return answerChallenge(((await response.json()) as RecoveryChallenge).challenge, kit);
}

/** What trustees typing these shares (words or QR text) at /recover get: the kit's key and the organization's keys. */
export async function openWithShares(server: { url: string }, texts: string[]): Promise<{ kit: KitKey; keyring: Keyring; opened: RecoveryOpened }> {
  const { id, publicKey: text } = (await (await fetch(`${server.url}/api/recovery/kit`)).json()) as PublicRecoveryKit;
  const publicKey = fromBase64Url(text)!;
  const kit = { id, publicKey, privateKey: await combineShares(texts.map(parseShare), { id, publicKey }) };
  const response = await postJson(server, '/api/recovery/open', { answer: await answer(server, kit) });
  if (response.status !== 200) throw new Error(`open refused: ${response.status}`);
  const opened = (await response.json()) as RecoveryOpened;
  return { kit, keyring: await openKitGrants(opened, kit), opened };
}

/** M trustees give every key to an administrator (existing: new passphrase; or a new one). */
export async function recoverAdministrator(server: { url: string }, texts: string[], target: Parameters<typeof grantRequest>[2]): Promise<Response> {
  const { kit, keyring } = await openWithShares(server, texts);
  return postJson(server, '/api/recovery/grant', await grantRequest(await answer(server, kit), keyring, target));
}
