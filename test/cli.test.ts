// The commands a newcomer and an operator type: start (setup link, one server per data
// folder) and init (headless organization), on SQLite and PostgreSQL.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BACKENDS, createTestDatabase } from './support/backends.ts';
import { startServer } from '../src/server/main.ts';
import { configFromEnv } from '../src/server/config.ts';
import { logIn } from './support/org.ts';

const VIGIL = join(import.meta.dirname, '..', 'bin', 'vigil.js');
const run = (args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [VIGIL, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('vigil start', () => {
  it('prints a one-time setup link on first start, and the link works', async () => {
    const data = tempDir();
    const child = spawn(process.execPath, [VIGIL, 'start'], { env: { ...process.env, VIGIL_DATA: data, PORT: '0' } });
    cleanup.push(() => void child.kill('SIGKILL'));
    let output = '';
    const link = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/setup\/[A-Za-z0-9_-]+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    assert.equal((await fetch(link)).status, 200);
    assert.match(output, /SQLite in /);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  });

  it('refuses a second server on the same data folder, with a clear message', async () => {
    const data = tempDir();
    const first = await startServer(configFromEnv({ VIGIL_DATA: data, PORT: '0' } as NodeJS.ProcessEnv), { logLevel: 'silent' });
    try {
      const second = await run(['start'], { VIGIL_DATA: data, PORT: '0' });
      assert.equal(second.code, 2);
      assert.match(second.stderr, new RegExp(`Another Vigil server \\(process ${process.pid}\\) is already using the data folder`));
    } finally {
      await first.close();
    }
    // Once the first has stopped, the folder can be opened again.
    const again = await startServer(configFromEnv({ VIGIL_DATA: data, PORT: '0' } as NodeJS.ProcessEnv), { logLevel: 'silent' });
    await again.close();
  });
});

for (const backend of BACKENDS) {
  describe(`vigil init on ${backend}`, () => {
    it('creates the organization headless; its admin can log in; a second init is refused', async () => {
      const data = tempDir();
      const env: Record<string, string> = { VIGIL_DATA: data };
      if (backend === 'postgres') {
        const db = await createTestDatabase();
        cleanup.push(() => db.drop());
        env.DATABASE_URL = db.url;
      }
      const passphraseFile = join(data, 'passphrase');
      writeFileSync(passphraseFile, 'a long enough passphrase\n');
      const init = await run(['init', '--org', 'Defenders', '--admin-email', 'Lead@Example.org', '--passphrase-file', passphraseFile, '--languages', 'ru,en', '--time-zone', 'Asia/Baku'], env);
      assert.equal(init.code, 0, init.stderr);
      assert.match(init.stdout, /Organization "Defenders" created/);

      const server = await startServer(configFromEnv({ ...env, PORT: '0' } as NodeJS.ProcessEnv), { logLevel: 'silent' });
      try {
        assert.equal(server.setupUrl, null, 'no setup link once an organization exists');
        const testServer = { url: server.url } as Parameters<typeof logIn>[0];
        const session = await logIn(testServer, 'lead@example.org', 'a long enough passphrase');
        assert.deepEqual(session.login.organization.languages, ['ru', 'en']);
        assert.equal(((await (await session.get('/api/me')).json()) as { timeZone: string }).timeZone, 'Asia/Baku');
        assert.equal(session.keyring.size, 3, 'the intake, records and backup keys');
        const page = await (await fetch(`${server.url}/`, { headers: { 'accept-language': 'az' } })).text();
        assert.match(page, /<html lang="ru">/, 'az is not offered, so the first language is used');
      } finally {
        await server.close();
      }

      const second = await run(['init', '--org', 'Other', '--admin-email', 'x@example.org', '--passphrase-file', passphraseFile], env);
      assert.equal(second.code, 2);
      assert.match(second.stderr, /already has an organization/);

      // Without the server secret the organization was made with, `vigil start` says what to restore.
      rmSync(join(data, 'server.secret'));
      const start = await run(['start'], { ...env, PORT: '0' });
      assert.equal(start.code, 2, start.stderr);
      assert.match(start.stderr, /server\.secret is missing\. Restore that file \(VIGIL_SECRET_FILE\)/);
      assert.doesNotMatch(start.stderr, /\n\s+at /, 'no stack trace');
    });
  });
}

describe('vigil init refuses bad input', () => {
  it('missing options, unreadable file, short passphrase, bad email, unknown language', async () => {
    const data = tempDir();
    const short = join(data, 'short');
    writeFileSync(short, 'short');
    const good = join(data, 'good');
    writeFileSync(good, 'a long enough passphrase');
    const cases: [string[], RegExp][] = [
      [['init', '--org', 'X'], /needs --org, --admin-email and --passphrase-file/],
      [['init', '--org', 'X', '--admin-email', 'a@b.org', '--passphrase-file', join(data, 'missing')], /Cannot read the passphrase file/],
      [['init', '--org', 'X', '--admin-email', 'a@b.org', '--passphrase-file', short], /at least 12 characters/],
      [['init', '--org', 'X', '--admin-email', 'not-an-email', '--passphrase-file', good], /not valid/],
      [['init', '--org', 'X', '--admin-email', 'a@b.org', '--passphrase-file', good, '--languages', 'fr'], /Languages must be among/],
      [['init', '--org', 'X', '--admin-email', 'a@b.org', '--passphrase-file', good, '--time-zone', 'Mars/Olympus'], /not a time zone this machine knows/],
      [['init', '--bogus'], /Unknown option/],
      [['frobnicate'], /Unknown command/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, { VIGIL_DATA: data });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});

describe('the data-folder lock', () => {
  it('survives a crash: a lock file and pid left behind by a dead process do not block', async () => {
    const data = tempDir();
    writeFileSync(join(data, 'vigil.lock'), '');
    writeFileSync(join(data, 'vigil.pid'), '1');
    const server = await startServer(configFromEnv({ VIGIL_DATA: data, PORT: '0' } as NodeJS.ProcessEnv), { logLevel: 'silent' });
    await server.close();
  });
});
