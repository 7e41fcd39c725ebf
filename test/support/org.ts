// Setting up an organization and logging in the way the workspace does, from Node.
import { prepareOrganization, prepareMember, grantsFor, openKeyring, deriveMemberKeys, type Keyring, type KdfParams } from '../../src/core/keyring.ts';
import { removalRotations, roleChangeRequest, rotateNowRotations } from '../../src/core/key-changes.ts';
import { fingerprintOf } from '../../src/core/crypto/fingerprint.ts';
import { fromBase64Url, fromUtf8, toBase64Url } from '../../src/core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../src/core/crypto/sealed.ts';
import { CSRF_HEADER } from '../../src/core/api/common.ts';
import { ROLE_KEYS, type OrgKeyView } from '../../src/core/api/keys.ts';
import { type InboxResponse } from '../../src/core/api/inbox.ts';
import { type LoginResponse } from '../../src/core/api/auth.ts';
import { type MembersResponse } from '../../src/core/api/members.ts';
import { type Role } from '../../src/core/team/roles.ts';
import type { TestServer } from './server.ts';

export const ADMIN = { email: 'admin@example.org', passphrase: 'correct horse battery staple' };

export async function setUpOrganization(server: Pick<TestServer, 'url' | 'setupUrl'>, languages: ('az' | 'ru' | 'en')[] = ['az', 'ru', 'en']): Promise<void> {
  const token = server.setupUrl!.split('/setup/')[1]!;
  const request = await prepareOrganization(
    { name: 'Test defenders', publicTitle: 'Community notes', languages, adminEmail: ADMIN.email, passphrase: ADMIN.passphrase },
    token,
  );
  const response = await fetch(`${server.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

export interface LoggedIn {
  serverUrl: string;
  cookie: string;
  login: LoginResponse;
  keyring: Keyring;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
}

/** The passphrase step of a login as the browser takes it: the server's answer, and the key that unwraps the member's own. */
export async function passphraseLogin(server: Pick<TestServer, 'url'>, email: string, passphrase: string): Promise<{ response: Response; wrapKey: CryptoKey }> {
  const json = { 'content-type': 'application/json' };
  const { kdf } = (await (await fetch(`${server.url}/api/auth/kdf`, { method: 'POST', headers: json, body: JSON.stringify({ email }) })).json()) as { kdf: KdfParams };
  const { loginKey, wrapKey } = await deriveMemberKeys(passphrase, kdf);
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, loginKey: toBase64Url(loginKey) }) });
  return { response, wrapKey };
}

export async function logIn(server: Pick<TestServer, 'url'>, email = ADMIN.email, passphrase = ADMIN.passphrase): Promise<LoggedIn> {
  const json = { 'content-type': 'application/json' };
  const { response, wrapKey } = await passphraseLogin(server, email, passphrase);
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('vigil_session='))!.split(';')[0]!;
  const login = (await response.json()) as LoginResponse;
  const { keyring } = await openKeyring(login, wrapKey);
  return {
    serverUrl: server.url,
    cookie,
    login,
    keyring,
    get: (path) => fetch(`${server.url}${path}`, { headers: { cookie } }),
    post: (path, body = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, ...json, [CSRF_HEADER]: '1' }, body: JSON.stringify(body) }),
  };
}

/** Posts the intake form as a browser with JavaScript off would. */
export function postForm(server: Pick<TestServer, 'url'>, path: string, fields: [string, string][] | string, headers: Record<string, string> = {}): Promise<Response> {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

export const codenameIn = (html: string): string => /data-codename="(\d+)"/.exec(html)?.[1] ?? '';

/** An administrator invites; returns the link's token. */
export async function invite(admin: LoggedIn, role: string): Promise<{ id: string; token: string }> {
  const response = await admin.post('/api/invitations', { role });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status}`);
  const { id, link } = (await response.json()) as { id: string; link: string };
  return { id, token: link.split('/invite/')[1]! };
}

/** The invitee's browser makes their keys and accepts; returns their own view of their safety code. */
export async function acceptInvitation(server: Pick<TestServer, 'url'>, token: string, email: string, passphrase: string): Promise<{ id: string; fingerprint: string }> {
  const member = await prepareMember(email, passphrase);
  const response = await fetch(`${server.url}/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, member }) });
  if (response.status !== 201) throw new Error(`accept failed: ${response.status} ${await response.text()}`);
  return { id: member.id, fingerprint: await fingerprintOf(fromBase64Url(member.publicKey)!) };
}

/** The administrator's browser: the safety code it shows for a member, as the server reports the key. */
export async function fingerprintSeenByAdmin(admin: LoggedIn, memberId: string): Promise<string> {
  const { members } = (await (await admin.get('/api/members')).json()) as MembersResponse;
  return fingerprintOf(fromBase64Url(members.find((m) => m.id === memberId)!.publicKey)!);
}

/** The organization's keys that a role holds (ROLE_KEYS), as the workspace picks them. */
export async function keyIdsForRole(admin: LoggedIn, role: Role): Promise<string[]> {
  const { keys } = (await (await admin.get('/api/keys')).json()) as { keys: OrgKeyView[] };
  return keys.filter((k) => ROLE_KEYS[role].includes(k.purpose)).map((k) => k.keyId);
}

/** After the codes matched: seal the keys of the member's role to the member and confirm. */
export async function confirmMember(admin: LoggedIn, memberId: string): Promise<Response> {
  const { members } = (await (await admin.get('/api/members')).json()) as MembersResponse;
  const member = members.find((m) => m.id === memberId)!;
  const grants = await grantsFor(fromBase64Url(member.publicKey)!, admin.keyring, await keyIdsForRole(admin, member.role));
  return admin.post(`/api/members/${memberId}/confirm`, { grants });
}

export const membersSeenBy = async (admin: LoggedIn): Promise<MembersResponse> => (await admin.get('/api/members')).json() as Promise<MembersResponse>;

/** New keys for every key `leavingId` held, sealed to their remaining holders, as the workspace makes them on removal. */
export async function rotationsWithout(admin: LoggedIn, leavingId: string) {
  return removalRotations(await membersSeenBy(admin), leavingId, admin.keyring);
}

/** A role change as the workspace makes it: lost keys rotated, gained keys granted. */
export async function roleChangeBy(admin: LoggedIn, memberId: string, role: Role) {
  return roleChangeRequest(await membersSeenBy(admin), memberId, role, admin.keyring);
}

/** "Rotate now" as the workspace makes it. */
export async function rotateNowBy(admin: LoggedIn) {
  return rotateNowRotations(await membersSeenBy(admin), admin.keyring);
}

/** Invite, accept, compare, confirm, log in: a whole new member. */
export async function addMember(server: Pick<TestServer, 'url'>, admin: LoggedIn, role: string, email: string, passphrase = 'member passphrase long'): Promise<LoggedIn> {
  const { token } = await invite(admin, role);
  const { id } = await acceptInvitation(server, token, email, passphrase);
  const confirmed = await confirmMember(admin, id);
  if (confirmed.status !== 204) throw new Error(`confirm failed: ${confirmed.status} ${await confirmed.text()}`);
  return logIn(server, email, passphrase);
}

/** A set-up organization with a member of every role: the usual start of a test of who may do what. */
export async function organizationWithTeam(server: TestServer): Promise<{ admin: LoggedIn; coordinator: LoggedIn; documenter: LoggedIn; viewer: LoggedIn }> {
  await setUpOrganization(server);
  const admin = await logIn(server);
  return {
    admin,
    coordinator: await addMember(server, admin, 'coordinator', 'coord@example.org'),
    documenter: await addMember(server, admin, 'documenter', 'doc@example.org'),
    viewer: await addMember(server, admin, 'viewer', 'viewer@example.org'),
  };
}

/** The stories of the reports in a member's inbox, opened with their keyring ("(no key)" where it holds none). */
export async function readStories(member: LoggedIn): Promise<string[]> {
  const inbox = (await (await member.get('/api/inbox')).json()) as InboxResponse;
  return Promise.all(
    inbox.reports.map(async (r) => {
      const privateKey = member.keyring.get(r.keyId);
      if (!privateKey) return '(no key)';
      return JSON.parse(fromUtf8(await openSealed(SealedKind.report, fromBase64Url(r.envelope)!, { privateKey, keyId: r.keyId }))).story as string;
    }),
  );
}
