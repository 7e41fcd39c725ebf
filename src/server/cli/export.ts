// `vigil export`: the workspace's export from a terminal. Logs in as the member's browser does
// (the passphrase never leaves this process: only the derived login key is sent), asks for a
// second-factor code if the server wants one, streams GET /api/export, opens identity fields with
// the member's records key (src/core/exports/decrypt.ts) and writes the file — to FILE.partial
// first, renamed when complete, so a failed export leaves nothing half-written.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CSRF_HEADER } from '../../core/api/common.ts';
import { type LoginResponse } from '../../core/api/auth.ts';
import { deriveMemberKeys, openKeyring, type KdfParams, type Keyring } from '../../core/keyring.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/exports/fields.ts';
import { finishExport, type FinishResult } from '../../core/exports/decrypt.ts';
import { CliFailure, runCommand } from './failure.ts';
import { optionsOf, withUsage } from './options.ts';
import { progressLine, terminalProgress } from './progress.ts';
import { askPassphrase, prompt } from './prompt.ts';
import { EXPORT_USAGE } from './usage.ts';

interface Session {
  server: string;
  cookie: string;
  login: LoginResponse;
  keyring: Keyring;
}

/** Messages from the server in the user's language: --lang, else the locale (LANG=ru_RU.UTF-8), else English. */
let language = 'en';

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, headers: { 'accept-language': language, ...(init.headers as Record<string, string> | undefined) } });
  } catch {
    throw new CliFailure(`Cannot reach the Vigil server at ${new URL(url).origin}. Check the address and your connection.`);
  }
}

async function serverMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

async function logInAs(server: string, email: string, passphrase: string): Promise<Session> {
  const json = { 'content-type': 'application/json' };
  const kdfResponse = await call(`${server}/api/auth/kdf`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
  if (!kdfResponse.ok) throw new CliFailure(await serverMessage(kdfResponse));
  const { kdf } = (await kdfResponse.json()) as { kdf: KdfParams };
  const { loginKey, wrapKey } = await deriveMemberKeys(passphrase, kdf);
  let response = await call(`${server}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, loginKey: toBase64Url(loginKey) }) });
  loginKey.fill(0);
  if (response.status === 401) throw new CliFailure('Wrong email or passphrase.');
  if (!response.ok) throw new CliFailure(await serverMessage(response));
  let body = (await response.json()) as LoginResponse | { secondFactor: { token: string; methods: string[] } };
  if ('secondFactor' in body) {
    if (!body.secondFactor.methods.includes('totp') && !body.secondFactor.methods.includes('recovery')) throw new CliFailure('This account signs in with a passkey only: export from the workspace in a browser.');
    const code = (await prompt('Code from your authenticator app (or a recovery code): ', false)).trim();
    const factor = /^\d{6}$/.test(code) ? { code } : { recoveryCode: code };
    response = await call(`${server}/api/auth/second-factor`, { method: 'POST', headers: json, body: JSON.stringify({ token: body.secondFactor.token, ...factor }) });
    if (response.status === 401) throw new CliFailure('That code is not right.');
    if (!response.ok) throw new CliFailure(await serverMessage(response));
    body = (await response.json()) as LoginResponse;
  }
  const login = body as LoginResponse;
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('vigil_session='))?.split(';')[0];
  if (!cookie) throw new CliFailure('The server did not start a session.');
  const { keyring, memberKey } = await openKeyring(login, wrapKey).catch(() => {
    throw new CliFailure('Your keys could not be opened with this passphrase.');
  });
  memberKey.fill(0);
  return { server, cookie, login, keyring };
}

export const exportCommand = (args: string[]): Promise<void> => runCommand(() => runExport(args));

async function runExport(args: string[]): Promise<void> {
  const values = optionsOf(
    args,
    {
      server: { type: 'string' },
      email: { type: 'string' },
      'passphrase-file': { type: 'string' },
      format: { type: 'string' },
      fields: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      incident: { type: 'string' },
      out: { type: 'string' },
      bom: { type: 'boolean' },
      lang: { type: 'string' },
    },
    withUsage(EXPORT_USAGE),
  );
  language = values.lang ?? /^(az|ru|en)/.exec(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '')?.[1] ?? 'en';
  if (!values.server || !values.email) throw new CliFailure(`export needs --server and --email.\n\nUsage:\n${EXPORT_USAGE}`);
  let server: string;
  try {
    server = new URL(values.server).origin;
  } catch {
    throw new CliFailure(`"${values.server}" is not a server address (e.g. https://vigil.example.org).`);
  }
  const format = (values.format ?? (values.out?.toLowerCase().endsWith('.json') ? 'json' : 'csv')) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliFailure('--format is csv or json.');

  let passphrase = await askPassphrase(values.email, values['passphrase-file']);

  const session = await logInAs(server, values.email, passphrase);
  passphrase = '';
  const headers = { cookie: session.cookie };
  try {
    const query = new URLSearchParams({ format });
    for (const name of ['fields', 'from', 'to', 'incident', 'lang'] as const) if (values[name]) query.set(name, values[name]);
    if (values.bom) query.set('bom', '1');
    const response = await call(`${server}/api/export?${query}`, { headers });
    if (response.status === 401 || response.status === 403) throw new CliFailure(`No access: ${await serverMessage(response)}`);
    if (!response.ok || !response.body) throw new CliFailure(await serverMessage(response));
    const expected = Number(response.headers.get('x-vigil-export-rows')) || null;

    const progress = terminalProgress();
    const startedAt = performance.now();
    const onRows = (rows: number) => progress.draw(progressLine(rows, expected, startedAt));
    const result: FinishResult = { rows: 0, unopened: 0 };
    const text = Readable.from(finishExport(response.body as unknown as AsyncIterable<Uint8Array>, { format, keyring: session.keyring, onRows }, result));
    const partial = values.out ? `${values.out}.partial` : null;
    const sink: Writable = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
    try {
      await pipeline(text, sink, { end: !!partial });
      if (partial) await rename(partial, values.out!);
    } catch (error) {
      if (partial) await rm(partial, { force: true });
      progress.finish();
      throw new CliFailure(`The export stopped before the end (${(error as Error).message}); ${partial ? 'no file was written' : 'the output is incomplete'}.`, 1);
    }
    const seconds = (performance.now() - startedAt) / 1000;
    progress.draw(progressLine(result.rows, result.rows, startedAt), true);
    progress.finish();
    const unopened = result.unopened ? ` ${result.unopened} identities could not be opened with your keys and were left empty.` : '';
    process.stderr.write(`Exported ${result.rows.toLocaleString('en')} rows (${format}) to ${values.out ?? 'standard output'} in ${seconds.toFixed(1)} s (${Math.round(result.rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s).${unopened}\n`);
  } finally {
    session.keyring.forget();
    await fetch(`${server}/api/auth/logout`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: '{}' }).catch(() => undefined);
  }
}
