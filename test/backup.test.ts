// Issue 13, the restore drill on SQLite and PostgreSQL: an organization with a member holding a
// second factor, a reporter's report with evidence, a record, an alert and a trustees' kit →
// `vigil backup` → the server is gone → `vigil restore` into a fresh data folder or database of
// the same kind and of the other kind → members log in, everything opens, the codename finds its
// report, `vigil audit verify` passes. The file shows none of the canaries; bad input (cut, altered,
// foreign, wrong passphrase or share, a target not empty) is refused with exit 2, nothing written.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOTP, Secret } from 'otpauth';
import { BACKENDS, type Backend } from './support/backends.ts';
import { newTarget, targetHoldsNothing, type Target } from './support/restore-target.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, codenameIn, logIn, passphraseLogin, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, type Made } from './support/records.ts';
import { makeKit } from './support/recovery.ts';
import { vigil, type CliResult } from './support/cli.ts';
import { query } from './support/db.ts';
import { fromBase64Url, fromUtf8 } from '../src/core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../src/core/crypto/sealed.ts';
import { openFields } from '../src/core/records/sealing.ts';
import { openAttachmentKey, openAttachmentPart } from '../src/core/evidence/attachment.ts';
import { ShareError, parseShare, type ShareSheet } from '../src/core/recovery/shares.ts';
import { BackupError } from '../src/core/backup/errors.ts';
import { restoreBackup, type Unlock } from '../src/server/backup/restore.ts';
import { readShareFiles, shareProblem } from '../src/server/cli/shares.ts';
import { configFromEnv } from '../src/server/config.ts';

const DOCUMENTER = { email: 'doc@example.org', passphrase: 'member passphrase long' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Author (Witness) >> endobj\n%%EOF\n');

const failsWith = (result: CliResult, message: RegExp) => {
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
};

/** Sheets of the first organization's kit: another organization's shares, for the second. */
let foreignSheets: ShareSheet[] = [];

for (const backend of BACKENDS) {
  const other: Backend = backend === 'sqlite' ? 'postgres' : 'sqlite';

  describe(`backup and restore drill on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let work: string;
    let file: string;
    let codename: string;
    let reportId: string;
    let pendingInvitation: string;
    let incident: Made;
    let sheets: ShareSheet[];
    let totpSecret: string;
    let keyCodes: string;
    const passphraseFile = () => join(work, 'passphrase');
    const canaries = { organization: 'Test defenders', email: 'doc@example.org', place: `Place-${randomBytes(6).toString('hex')}`, date: '2026-11-02', alert: `Alert-${randomBytes(6).toString('hex')}`, story: `Story-${randomBytes(6).toString('hex')}` };
    const restore = (target: Target, args: string[]) => vigil(['restore', '--in', file, ...args], undefined, [], target.env);
    const asAdmin = ['--email', ADMIN.email.toUpperCase(), '--passphrase-file', ''];

    before(async () => {
      server = await startTestServer(backend);
      work = mkdtempSync(join(tmpdir(), 'vigil-backup-'));
      file = join(work, 'vigil.backup');
      writeFileSync(passphraseFile(), `${ADMIN.passphrase}\n`);
      asAdmin[3] = passphraseFile();
      await setUpOrganization(server);
      admin = await logIn(server);
      const documenter = await addMember(server, admin, 'documenter', DOCUMENTER.email, DOCUMENTER.passphrase);
      const start = (await (await documenter.post('/api/me/totp/start')).json()) as { id: string; secret: string };
      totpSecret = start.secret;
      assert.equal((await documenter.post('/api/me/totp/confirm', { id: start.id, code: new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate() })).status, 200);
      codename = codenameIn(await (await postForm(server, '/report?lang=en', [['story', canaries.story], ['stillHeld', 'no']])).text());
      reportId = (await query<{ id: string }>(server, 'select id from reports'))[0]!.id;
      const form = new FormData();
      form.set('lang', 'en');
      form.set('codename', codename);
      form.append('files', new Blob([PDF as BlobPart], { type: 'application/pdf' }), 'statement.pdf');
      assert.equal((await fetch(`${server.url}/status/evidence?lang=en`, { method: 'POST', body: form })).status, 200);
      const place = await admin.post('/api/registry', { kind: 'place', code: 'canary-place', labels: { en: canaries.place, az: canaries.place, ru: canaries.place }, placeKind: 'police', appealDays: null });
      assert.equal(place.status, 201);
      incident = await createRecord(documenter, 'incident', { start: { date: canaries.date, precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [((await place.json()) as { id: string }).id], monitoringStatus: 'open' }, { title: 'Raid on a flat' });
      assert.equal((await admin.post('/api/alerts', { texts: { en: { title: canaries.alert, body: 'Stay safe.' } }, recipients: [] })).status, 201);
      ({ sheets } = await makeKit(admin));
      pendingInvitation = ((await (await admin.post('/api/invitations', { role: 'viewer' })).json()) as { link: string }).link.split('/invite/')[1]!;
    });
    after(async () => {
      await server?.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('writes a backup beside the running server, and never over another file', async () => {
      const env = { VIGIL_DATA: server.dataDir, DATABASE_URL: server.databaseUrl ?? '' };
      const made = await vigil(['backup', '--out', file], undefined, [], env);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stderr, /Backup written to .*vigil\.backup: [\d,]+ bytes/);
      keyCodes = /safety codes\):\n((?: {2}\w+ key: [\d ]+\n)+)/.exec(made.stderr)![1]!;
      assert.ok(!existsSync(`${file}.partial`));
      failsWith(await vigil(['backup', '--out', file], undefined, [], env), /already exists/);
    });

    it('shows none of the canaries, not even the plain columns', () => {
      const bytes = readFileSync(file);
      const found = Object.entries(canaries).filter(([, value]) => bytes.includes(value) || bytes.includes(value.toLowerCase()));
      assert.deepEqual(found, []);
      assert.ok(!bytes.includes(codename), 'nor the codename');
    });

    it(`restores into an empty ${backend} target: members log in, and everything opens`, async () => {
      const oldCookie = admin.cookie;
      await server.close();
      const target = await newTarget(backend);
      try {
        const restored = await restore(target, asAdmin);
        assert.equal(restored.code, 0, restored.stderr);
        assert.match(restored.stderr, /Restored [\d,]+ rows/);
        assert.ok(restored.stderr.includes(keyCodes), 'the same safety codes as the backup printed');
        if (backend === 'sqlite') failsWith(await restore(target, asAdmin), /already (exists|holds)/);
        else await assert.rejects(restoreBackup(createReadStream(file), { email: ADMIN.email, passphrase: ADMIN.passphrase }, { ...configFromEnv(target.env), secretFile: join(work, 'elsewhere.secret') }), /already holds tables/);
        const fresh = await startTestServer(backend, target.env);
        try {
          assert.equal((await fetch(`${fresh.url}/api/me`, { headers: { cookie: oldCookie } })).status, 401, 'no old session works');
          assert.equal((await fetch(`${fresh.url}/invite/${pendingInvitation}`)).status, 404, 'nor an invitation link not yet used');
          const again = await logIn(fresh);
          const { reports } = (await (await again.get('/api/inbox')).json()) as { reports: { id: string; keyId: string; envelope: string }[] };
          const report = JSON.parse(fromUtf8(await openSealed(SealedKind.report, fromBase64Url(reports[0]!.envelope)!, { privateKey: again.keyring.get(reports[0]!.keyId)!, keyId: reports[0]!.keyId }))) as { story: string };
          assert.equal(report.story, canaries.story);
          const { attachments } = (await (await again.get(`/api/attachments?ownerId=${reportId}`)).json()) as { attachments: { id: string; keyId: string; keyEnvelope: string }[] };
          const key = await openAttachmentKey(fromBase64Url(attachments[0]!.keyEnvelope)!, { privateKey: again.keyring.get(attachments[0]!.keyId)!, keyId: attachments[0]!.keyId });
          const original = await openAttachmentPart(key, attachments[0]!.id, 'original', new Uint8Array(await (await again.get(`/api/attachments/${attachments[0]!.id}/original`)).arrayBuffer()));
          assert.deepEqual(original, PDF);
          const { record } = (await (await again.get(`/api/records/incident/${incident.id}`)).json()) as { record: { secret: never } };
          assert.equal((await openFields<{ title: string }>(record.secret, 'incident', incident.id, again.keyring)).title, 'Raid on a flat');
          assert.ok((await (await fetch(`${fresh.url}/alerts?lang=en`)).text()).includes(canaries.alert), 'the alert is published still');
          const status = await postForm(fresh, '/status?lang=en', [['codename', codename]]);
          assert.equal(status.status, 200);
          assert.match(await status.text(), /Not read yet/);
          const step = (await (await passphraseLogin(fresh, DOCUMENTER.email, DOCUMENTER.passphrase)).response.json()) as { secondFactor?: { methods: string[] } };
          assert.deepEqual(step.secondFactor?.methods, ['totp', 'recovery'], 'the second factor came along');
        } finally {
          await fresh.close();
        }
        assert.deepEqual(await query({ backend, dataDir: target.dataDir, databaseUrl: target.env.DATABASE_URL } as TestServer, 'select id from backup_runs'), [], "not the old server's runs");
        const verified = await vigil(['audit', 'verify'], undefined, [], target.env);
        assert.equal(verified.code, 0, verified.stderr);
        assert.match(verified.stdout, /Audit log intact/);
      } finally {
        await target.drop();
      }
    });

    it(`restores into ${other} with the trustees' shares, and the team logs in there`, async () => {
      const target = await newTarget(other);
      try {
        const shareFiles = sheets.slice(0, 3).map((sheet, i) => {
          const path = join(work, `share-${i}.txt`);
          writeFileSync(path, i === 0 ? sheet.qr : sheet.words);
          return path;
        });
        failsWith(await restore(target, ['--shares', shareFiles.slice(0, 2).join(',')]), /Not enough shares/);
        await targetHoldsNothing(target);
        const restored = await restore(target, ['--shares', shareFiles.join(',')]);
        assert.equal(restored.code, 0, restored.stderr);
        const fresh = await startTestServer(other, target.env);
        try {
          const again = await logIn(fresh);
          assert.equal(((await (await again.get('/api/inbox')).json()) as { reports: unknown[] }).reports.length, 1);
          assert.ok(again.keyring.size >= 3, 'every key opens');
        } finally {
          await fresh.close();
        }
        assert.equal((await vigil(['audit', 'verify'], undefined, [], target.env)).code, 0);
        const [entry] = await query<{ actor: string | null; detail: string }>({ backend: other, dataDir: target.dataDir, databaseUrl: target.env.DATABASE_URL } as TestServer, "select actor, detail from audit_log where action = 'backup.restored'");
        assert.equal(entry!.actor, null);
        assert.match(entry!.detail, /"by":"trustees"/);
      } finally {
        await target.drop();
      }
    });

    it('refuses a cut, altered or foreign file, a wrong passphrase or share: exit 2, nothing written', async () => {
      const target = await newTarget(backend);
      const original = readFileSync(file);
      const variant = (name: string, bytes: Uint8Array) => {
        const path = join(work, name);
        writeFileSync(path, bytes);
        return path;
      };
      // In this process (the messages are the command's), but for two through the command itself.
      const refused = (path: string, unlock: Unlock, message: RegExp) =>
        assert.rejects(restoreBackup(createReadStream(path), unlock, configFromEnv(target.env)), (error: Error) => {
          assert.match(error instanceof ShareError ? shareProblem(error) : error.message, message);
          return error instanceof BackupError || error instanceof ShareError;
        });
      const passphrase = { email: ADMIN.email, passphrase: ADMIN.passphrase };
      try {
        // Cut short: found only at the end, after every row went in — and all of it is dropped.
        failsWith(await vigil(['restore', '--in', variant('cut', original.subarray(0, original.length - 1000)), ...asAdmin], undefined, [], target.env), /incomplete \(truncated\)/);
        await targetHoldsNothing(target);
        if (backend === 'sqlite') {
          writeFileSync(passphraseFile(), 'not the passphrase at all\n');
          failsWith(await restore(target, asAdmin), /Wrong email or passphrase/);
          writeFileSync(passphraseFile(), `${ADMIN.passphrase}\n`);
          const altered = Buffer.from(original);
          altered[altered.length - 100]! ^= 1;
          await refused(variant('altered', altered), passphrase, /altered or damaged: .*\(part \d+\)/);
          await refused(variant('not', new TextEncoder().encode('hello')), passphrase, /not a Vigil backup/);
          await refused(file, { email: DOCUMENTER.email, passphrase: ADMIN.passphrase }, /Wrong email or passphrase/);
          const wrong = sheets[3]!.words.split(' ');
          [wrong[5], wrong[6]] = [wrong[6]!, wrong[5]!];
          await assert.rejects(async () => readShareFiles([variant('wrong-share', new TextEncoder().encode(wrong.join(' ')))]), /typing mistake|cannot be read as a share/);
          await refused(file, { shares: [sheets[0]!, sheets[0]!, sheets[1]!].map((s) => parseShare(s.words)) }, /given twice/);
        } else {
          await refused(file, { shares: foreignSheets.slice(0, 3).map((s) => parseShare(s.words)) }, /belongs to another recovery kit than the one this backup was made for/);
        }
        foreignSheets = sheets;
        await targetHoldsNothing(target);
      } finally {
        await target.drop();
      }
    });
  });
}
