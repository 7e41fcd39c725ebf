// Triage (state, assignee, tags, bulk, filters), encrypted notes, and a conversation with the
// reporter — replies sealed to the codename's key, read and answered at /status with JavaScript
// off, then deleted by the reporter — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { countReports, findPlaintext } from './support/db.ts';
import { SealedKind, openSealed, sealTo } from '../src/core/crypto/sealed.ts';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../src/core/crypto/bytes.ts';
import { keyIdOf } from '../src/core/crypto/keys.ts';
import { reporterKeyPair } from '../src/core/crypto/reporter-key.ts';
import type { InboxResponse, ReportThread } from '../src/core/api/inbox.ts';

const canary = (label: string) => `CANARY-${label}-${randomBytes(6).toString('hex')}`;

async function inbox(member: LoggedIn, query = ''): Promise<InboxResponse> {
  return (await (await member.get(`/api/inbox${query}`)).json()) as InboxResponse;
}

async function currentKey(member: LoggedIn): Promise<{ keyId: string; publicKey: Uint8Array }> {
  // The newest grant in the keyring is the current intake key; its public half is on the form.
  const html = await (await fetch(`${member.serverUrl}/`)).text();
  return { publicKey: fromBase64Url(/data-key="([^"]+)"/.exec(html)![1]!)!, keyId: /data-key-id="([^"]+)"/.exec(html)![1]! };
}

async function openText(member: LoggedIn, kind: (typeof SealedKind)[keyof typeof SealedKind], keyId: string, envelope: string): Promise<string> {
  return JSON.parse(fromUtf8(await openSealed(kind, fromBase64Url(envelope)!, { privateKey: member.keyring.get(keyId)!, keyId }))).text;
}

for (const backend of BACKENDS) {
  describe(`triage and conversations on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    const codenames: string[] = [];
    const secrets: string[] = [];

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      for (let i = 0; i < 3; i++) {
        const response = await postForm(server, '/report?lang=en', [['story', `report ${i}`], ['stillHeld', i === 0 ? 'yes' : 'no']]);
        codenames.push(codenameIn(await response.text()));
      }
    });
    after(async () => {
      await server?.close();
    });

    it('changes state, assignee and tags on one report and in bulk; filters by each', async () => {
      const all = await inbox(documenter);
      assert.equal(all.reports.length, 3);
      assert.ok(all.reports.every((r) => r.state === 'new' && r.canReply));
      const [a, b, c] = all.reports.map((r) => r.id) as [string, string, string];
      const triage = (body: object) => documenter.post('/api/reports/triage', body);
      assert.equal((await triage({ ids: [a], state: 'in_review', assignee: documenter.login.member.id, addTags: ['Binagadi', 'hotel'] })).status, 204);
      assert.equal((await triage({ ids: [b, c], state: 'verified', addTags: ['binagadi'] })).status, 204);
      assert.equal((await triage({ ids: [c], state: 'duplicate', duplicateOf: b })).status, 204);
      assert.deepEqual((await inbox(documenter, '?state=in_review')).reports.map((r) => r.id), [a]);
      assert.deepEqual((await inbox(documenter, `?assignee=${documenter.login.member.id}`)).reports.map((r) => r.id), [a]);
      assert.deepEqual((await inbox(documenter, '?tag=binagadi')).reports.map((r) => r.id).sort(), [a, b, c].sort());
      assert.deepEqual((await inbox(documenter, '?assignee=none')).reports.map((r) => r.id).sort(), [b, c].sort());
      const dup = (await inbox(documenter)).reports.find((r) => r.id === c)!;
      assert.equal(dup.duplicateOf, b);
      assert.deepEqual(dup.tags, ['binagadi']);
      assert.equal((await triage({ ids: [a], removeTags: ['hotel'] })).status, 204);
      assert.deepEqual((await inbox(documenter)).reports.find((r) => r.id === a)!.tags, ['binagadi']);
      const tags = (await (await documenter.get('/api/tags')).json()) as { tags: { tag: string; count: number }[] };
      assert.deepEqual(tags.tags, [{ tag: 'binagadi', count: 3 }]);
    });

    it('refuses bad triage: unknown state, duplicate without target, unknown report, viewer as assignee', async () => {
      const [a] = (await inbox(documenter)).reports.map((r) => r.id) as [string];
      for (const body of [
        { ids: [a], state: 'deleted' },
        { ids: [a], state: 'duplicate' },
        { ids: [a], state: 'duplicate', duplicateOf: a },
        { ids: ['00000000-0000-4000-8000-000000000000'], state: 'spam' },
        { ids: [a], assignee: '00000000-0000-4000-8000-000000000000' },
        { ids: [], state: 'spam' },
        { ids: [a], addTags: ['<script>'] },
      ]) {
        const response = await documenter.post('/api/reports/triage', body);
        assert.ok(response.status === 400 || response.status === 404, `${JSON.stringify(body)}: ${response.status}`);
      }
      assert.equal((await inbox(documenter)).reports.find((r) => r.id === a)!.state, 'in_review', 'nothing half-applied');
    });

    it('keeps notes sealed; the team reads them', async () => {
      const [report] = (await inbox(documenter)).reports;
      const key = await currentKey(documenter);
      const text = canary('note');
      secrets.push(text);
      const envelope = await sealTo(SealedKind.note, key, utf8(JSON.stringify({ v: 1, text })));
      assert.equal((await documenter.post(`/api/reports/${report!.id}/notes`, { keyId: key.keyId, envelope: toBase64Url(envelope) })).status, 201);
      const thread = (await (await admin.get(`/api/reports/${report!.id}/thread`)).json()) as ReportThread;
      assert.equal(thread.notes.length, 1);
      assert.equal(await openText(admin, SealedKind.note, thread.notes[0]!.keyId, thread.notes[0]!.envelope), text);
      // A report envelope is not accepted as a note.
      const wrongKind = await sealTo(SealedKind.report, key, utf8('{}'));
      assert.equal((await documenter.post(`/api/reports/${report!.id}/notes`, { keyId: key.keyId, envelope: toBase64Url(wrongKind) })).status, 400);
    });

    it('replies to the reporter; the reporter reads and answers at /status with JavaScript off', async () => {
      // The oldest report is the one with codenames[0].
      const report = (await inbox(documenter)).reports.at(-1)!;
      const thread = (await (await documenter.get(`/api/reports/${report.id}/thread`)).json()) as ReportThread;
      const reporterKey = fromBase64Url(thread.reporterKey!)!;
      const reply = canary('reply');
      const answer = canary('answer');
      secrets.push(reply, answer);
      const plaintext = utf8(JSON.stringify({ v: 1, text: reply }));
      const key = await currentKey(documenter);
      const body = {
        forTeam: { keyId: key.keyId, envelope: toBase64Url(await sealTo(SealedKind.reply, key, plaintext)) },
        forReporter: toBase64Url(await sealTo(SealedKind.reply, { publicKey: reporterKey, keyId: await keyIdOf(reporterKey) }, plaintext)),
      };
      assert.equal((await documenter.post(`/api/reports/${report.id}/replies`, body)).status, 201);

      // The reporter's key from the codename is the one the report carries.
      assert.deepEqual((await reporterKeyPair(codenames[0]!)).publicKey, reporterKey);
      const status = await postForm(server, '/status?lang=en', [['codename', codenames[0]!]]);
      const page = await status.text();
      assert.ok(page.includes(reply), 'the reporter reads the reply');
      const answered = await postForm(server, '/status/answer?lang=en', [['codename', codenames[0]!], ['answer', answer]]);
      assert.equal(answered.status, 200);
      const after = await answered.text();
      assert.ok(after.includes(answer) && after.includes(reply), 'both sides of the conversation');

      // Another codename sees none of it.
      assert.ok(!(await (await postForm(server, '/status?lang=en', [['codename', codenames[1]!]])).text()).includes(reply));

      const updated = (await (await documenter.get(`/api/reports/${report.id}/thread`)).json()) as ReportThread;
      assert.deepEqual(updated.messages.map((m) => m.direction), ['team', 'reporter']);
      assert.equal(await openText(documenter, SealedKind.answer, updated.messages[1]!.keyId, updated.messages[1]!.envelope), answer);
      assert.equal(await openText(documenter, SealedKind.reply, updated.messages[0]!.keyId, updated.messages[0]!.envelope), reply);
    });

    it('stores no note, reply or answer in plaintext', async () => {
      assert.deepEqual(await findPlaintext(server, [...secrets, ...codenames]), []);
    });

    it('lets the reporter delete the report and its conversation; the audit log records it without content', async () => {
      const before = await countReports(server);
      assert.equal((await postForm(server, '/status/delete?lang=en', [['codename', codenames[0]!]])).status, 400, 'needs the confirmation box');
      const deleted = await postForm(server, '/status/delete?lang=en', [['codename', codenames[0]!], ['confirm', 'yes']]);
      assert.equal(deleted.status, 200);
      assert.match(await deleted.text(), /Deleted/);
      assert.equal(await countReports(server), before - 1);
      assert.equal((await postForm(server, '/status?lang=en', [['codename', codenames[0]!]])).status, 404);
      const log = (await (await admin.get('/api/audit')).json()) as { entries: { action: string; actor: string | null }[] };
      const entry = log.entries.find((e) => e.action === 'report.deleted-by-reporter');
      assert.ok(entry && entry.actor === null);
    });
  });
}
