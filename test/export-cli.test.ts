// `vigil export` from a terminal, against a running test server (SQLite): logs in (with a TOTP
// code when the member has one), streams, opens identity with the member's key, writes the file;
// clear messages and exit code 2 for a wrong passphrase, no access and an unreachable server, and
// no file left behind when the export is refused.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { nextCode } from './support/totp.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord } from './support/records.ts';
import { freePort } from '../bench/support.ts';
import { VIGIL, vigil } from './support/cli.ts';

describe('vigil export', () => {
  let server: TestServer;
  let admin: LoggedIn;
  let dir: string;
  let adminFile: string;
  let totpSecret = '';
  const fields = 'act.code,victim.code,victim.name,victim.consentSharing';

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    admin = await logIn(server);
    await addMember(server, admin, 'viewer', 'viewer@example.org', 'viewer passphrase long');
    const documenter = await addMember(server, admin, 'documenter', 'doc@example.org', 'documenter passphrase');
    const start = (await (await documenter.post('/api/me/totp/start')).json()) as { id: string; secret: string };
    totpSecret = start.secret;
    const code = new TOTP({ secret: Secret.fromBase32(start.secret) }).generate();
    assert.equal((await documenter.post('/api/me/totp/confirm', { id: start.id, code })).status, 200);

    const incident = await createRecord(admin, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: 't' });
    const person = (consentSharing: string, name: string) => createRecord(admin, 'person', { countingUnit: 'individual', groupSize: null, ageRange: 'unknown', consentSharing, namePreference: 'name', reprisalRisk: 'high' }, { name });
    for (const who of [await person('un', 'Leyla Məmmədova'), await person('none', 'Kamran Secretov')]) {
      await createRecord(admin, 'act', { incidentId: incident.id, personId: who.id, typeCode: '030101000000', start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeId: null }, {});
    }
    dir = mkdtempSync(join(tmpdir(), 'vigil-export-cli-'));
    adminFile = join(dir, 'admin.txt');
    writeFileSync(adminFile, `${ADMIN.passphrase}\n`);
    writeFileSync(join(dir, 'viewer.txt'), 'viewer passphrase long');
    writeFileSync(join(dir, 'doc.txt'), 'documenter passphrase');
    writeFileSync(join(dir, 'wrong.txt'), 'not the passphrase at all');
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a CSV with the names consent allows, opened on this machine, and a summary line', async () => {
    const out = join(dir, 'records.csv');
    const result = await vigil(['export', '--server', server.url, '--email', ADMIN.email, '--passphrase-file', adminFile, '--fields', fields, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(out, 'utf8'), 'act.code,victim.code,victim.name,victim.consentSharing\r\nA-0001,P-0001,Leyla Məmmədova,un\r\nA-0002,P-0002,,none\r\n');
    assert.match(result.stderr, /^Exported 2 rows \(csv\) to .*records\.csv in [\d.]+ s \([\d,]+ rows\/s\)\.\n$/, 'no progress bar when stderr is not a terminal');
    assert.ok(!existsSync(`${out}.partial`));
    assert.ok(!server.logs().includes('Leyla'));
  });

  it('writes JSON to standard output', async () => {
    const result = await vigil(['export', '--server', server.url, '--email', ADMIN.email, '--passphrase-file', adminFile, '--format', 'json', '--fields', 'act.code,victim.name']);
    assert.equal(result.code, 0, result.stderr);
    const doc = JSON.parse(result.stdout) as { schema: string; rows: unknown[] };
    assert.equal(doc.schema, 'vigil-export/1');
    assert.deepEqual(doc.rows, [{ 'act.code': 'A-0001', 'victim.name': 'Leyla Məmmədova' }, { 'act.code': 'A-0002', 'victim.name': null }]);
  });

  it('asks for the second-factor code when the member has one', async () => {
    const code = nextCode(totpSecret);
    const result = await vigil(['export', '--server', server.url, '--email', 'doc@example.org', '--passphrase-file', join(dir, 'doc.txt'), '--fields', 'victim.name'], `${code}\n`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Code from your authenticator app/);
    assert.equal(result.stdout, 'victim.name\r\nLeyla Məmmədova\r\n\r\n');
    const wrong = await vigil(['export', '--server', server.url, '--email', 'doc@example.org', '--passphrase-file', join(dir, 'doc.txt')], '000000\n');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /That code is not right/);
  });

  it('asks for the passphrase on a terminal without showing it, and draws a progress bar', { skip: spawnSync('script', ['--version']).status !== 0 && 'needs script(1) for a terminal' }, async () => {
    // script(1) gives the command a terminal; the passphrase is "typed" once the prompt shows.
    const child = spawn('script', ['-qfec', `${process.execPath} ${VIGIL} export --server ${server.url} --email ${ADMIN.email} --fields act.code,victim.name --out ${join(dir, 'typed.csv')}`, '/dev/null'], {
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    let seen = '';
    child.stdout.on('data', (c: Buffer) => {
      seen += c.toString();
      if (seen.includes('Passphrase for') && !seen.includes('\u0000typed')) {
        seen += '\u0000typed';
        child.stdin.write(`${ADMIN.passphrase}\r`);
      }
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, seen);
    assert.ok(!seen.includes(ADMIN.passphrase), 'the passphrase is not echoed');
    assert.match(seen, /\[#{24}\] 100%  2 \/ 2 rows/);
    assert.match(readFileSync(join(dir, 'typed.csv'), 'utf8'), /A-0001,Leyla Məmmədova/);
  });

  it('exits 2 with a clear message: wrong passphrase, no access, bad field, unreachable server; no file left', async () => {
    const out = join(dir, 'refused.csv');
    const wrong = await vigil(['export', '--server', server.url, '--email', ADMIN.email, '--passphrase-file', join(dir, 'wrong.txt'), '--out', out]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Wrong email or passphrase/);
    const viewer = await vigil(['export', '--server', server.url, '--email', 'viewer@example.org', '--passphrase-file', join(dir, 'viewer.txt'), '--fields', 'victim.name', '--out', out]);
    assert.equal(viewer.code, 2);
    assert.match(viewer.stderr, /No access: Your role does not allow this/);
    const field = await vigil(['export', '--server', server.url, '--email', ADMIN.email, '--passphrase-file', adminFile, '--fields', 'victim.gender', '--lang', 'ru', '--out', out]);
    assert.equal(field.code, 2);
    assert.match(field.stderr, /[а-я]/, 'the server message, in the language asked for');
    const closed = await vigil(['export', '--server', `http://127.0.0.1:${await freePort()}`, '--email', ADMIN.email, '--passphrase-file', adminFile, '--out', out]);
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, /Cannot reach the Vigil server/);
    const usage = await vigil(['export', '--email', ADMIN.email]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /needs --server/);
    assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
  });
});
