// Setting up an organization and logging in the way the workspace does, from Node.
import { prepareOrganization, openKeyring, deriveMemberKeys, type Keyring, type KdfParams } from '../../src/core/keyring.ts';
import { toBase64Url } from '../../src/core/crypto/bytes.ts';
import { CSRF_HEADER, type LoginResponse } from '../../src/core/api/schemas.ts';
import type { TestServer } from './server.ts';

export const ADMIN = { email: 'admin@example.org', passphrase: 'correct horse battery staple' };

export async function setUpOrganization(server: TestServer, languages: ('az' | 'ru' | 'en')[] = ['az', 'ru', 'en']): Promise<void> {
  const token = server.setupUrl!.split('/setup/')[1]!;
  const request = await prepareOrganization(
    { name: 'Test defenders', publicTitle: 'Community notes', languages, adminEmail: ADMIN.email, passphrase: ADMIN.passphrase },
    token,
  );
  const response = await fetch(`${server.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
}

export interface LoggedIn {
  cookie: string;
  login: LoginResponse;
  keyring: Keyring;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
}

export async function logIn(server: TestServer, email = ADMIN.email, passphrase = ADMIN.passphrase): Promise<LoggedIn> {
  const json = { 'content-type': 'application/json' };
  const { kdf } = (await (await fetch(`${server.url}/api/auth/kdf`, { method: 'POST', headers: json, body: JSON.stringify({ email }) })).json()) as { kdf: KdfParams };
  const { loginKey, wrapKey } = await deriveMemberKeys(passphrase, kdf);
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, loginKey: toBase64Url(loginKey) }) });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const login = (await response.json()) as LoginResponse;
  const keyring = await openKeyring(login, wrapKey);
  return {
    cookie,
    login,
    keyring,
    get: (path) => fetch(`${server.url}${path}`, { headers: { cookie } }),
    post: (path, body = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, ...json, [CSRF_HEADER]: '1' }, body: JSON.stringify(body) }),
  };
}

/** Posts the intake form as a browser with JavaScript off would. */
export function postForm(server: TestServer, path: string, fields: [string, string][] | string, headers: Record<string, string> = {}): Promise<Response> {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

export const codenameIn = (html: string): string => /data-codename="(\d+)"/.exec(html)?.[1] ?? '';
