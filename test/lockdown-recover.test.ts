// Issue 13, "after lockdown, the old passphrases open nothing; recovery from shares and backup
// restores the team": a team on SQLite with a trustees' kit and a backup is locked down; the backup
// is restored on a new server, into PostgreSQL, with the trustees' shares alone; the trustees give
// the keys to an administrator there, and the team reads its reports again. One run crosses both
// databases (each command-line start costs seconds); lockdown itself is tested on each in
// lockdown.test.ts, restore between any two in the backup tests.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, readStories, setUpOrganization, type LoggedIn } from './support/org.ts';
import { postJson, sealedSubmission } from './support/intake.ts';
import { makeKit, recoverAdministrator } from './support/recovery.ts';
import { vigil } from './support/cli.ts';
import { query } from './support/db.ts';
import type { ShareSheet } from '../src/core/recovery/shares.ts';

const DOCUMENTER = { email: 'doc@example.org', passphrase: 'member passphrase long' };
const RECOVERED = 'a new passphrase the trustees set';

describe("lockdown on SQLite, then recovery on PostgreSQL from a backup and the trustees' shares", () => {
  const files = mkdtempSync(join(tmpdir(), 'vigil-lockdown-'));
  const backupFile = join(files, 'before.vigil-backup');
  let server: TestServer;
  let restored: TestServer;
  let admin: LoggedIn;
  let sheets: ShareSheet[];
  let drop: (() => Promise<void>) | undefined;

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'documenter', DOCUMENTER.email, DOCUMENTER.passphrase);
    ({ sheets } = await makeKit(admin, { threshold: 2, shares: 3 }));
    assert.equal((await postJson(server, '/api/reports', (await sealedSubmission(server, 'held at the station')).body)).status, 201);
  });
  after(async () => {
    await restored?.close();
    await server?.close();
    await drop?.();
    rmSync(files, { recursive: true, force: true });
  });

  it('is backed up, then locked down: the old passphrases open nothing', async () => {
    const backup = await vigil(['backup', '--out', backupFile], undefined, [], { VIGIL_DATA: server.dataDir, DATABASE_URL: '' });
    assert.equal(backup.code, 0, backup.stderr);
    assert.equal((await admin.post('/api/lockdown', { organizationName: 'Test defenders' })).status, 204);
    await assert.rejects(logIn(server, ADMIN.email, ADMIN.passphrase));
    await assert.rejects(logIn(server, DOCUMENTER.email, DOCUMENTER.passphrase));
  });

  it("is restored on a new server with two trustees' shares, and the trustees give the keys to an administrator", async () => {
    const shareFiles = sheets.slice(1).map((sheet) => {
      const file = join(files, `share-${sheet.number}.txt`);
      writeFileSync(file, sheet.words);
      return file;
    });
    const database = await createTestDatabase();
    drop = database.drop;
    const target = { VIGIL_DATA: mkdtempSync(join(files, 'new-server-')), DATABASE_URL: database.url };
    const restore = await vigil(['restore', '--in', backupFile, '--shares', shareFiles.join(',')], undefined, [], target);
    assert.equal(restore.code, 0, restore.stderr);
    restored = await startTestServer('postgres', target);
    const response = await recoverAdministrator(restored, [sheets[2]!.words, sheets[0]!.words], { kind: 'existing', id: admin.login.member.id, email: ADMIN.email, passphrase: RECOVERED });
    assert.equal(response.status, 204);
  });

  it('lets the team log in there and read its reports', async () => {
    const recovered = await logIn(restored, ADMIN.email, RECOVERED);
    assert.deepEqual(await readStories(recovered), ['held at the station']);
    await assert.rejects(logIn(restored, ADMIN.email, ADMIN.passphrase), 'the recovered administrator has new keys');
    const documenter = await logIn(restored, DOCUMENTER.email, DOCUMENTER.passphrase);
    assert.deepEqual(await readStories(documenter), ['held at the station']);
  });
});
