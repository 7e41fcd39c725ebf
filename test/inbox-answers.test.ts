// Unread answers (issue 14): the inbox counts, per member, the reporter's messages they have not
// seen; opening the conversation marks them seen (forward only, never past the newest message,
// one member's reading not another's); bad input is a 4xx and stores nothing. SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { INBOX_FRAME_TYPE, decodeInboxFrame } from '../src/core/api/inbox-frame.ts';
import type { InboxResponse, ReportThread, UnreadAnswers } from '../src/core/api/inbox.ts';

for (const backend of BACKENDS) {
  describe(`unread answers on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let reportId: string;
    let codename: string;

    const unreadIn = async (member: LoggedIn) => (await ((await member.get('/api/inbox')).json() as Promise<InboxResponse>)).reports.find((r) => r.id === reportId)!.unreadAnswers;
    const unreadList = async (member: LoggedIn) => (await (await member.get('/api/inbox/answers')).json()) as UnreadAnswers;
    const answer = async (text: string) => assert.equal((await postForm(server, '/status/answer?lang=en', [['codename', codename], ['answer', text]])).status, 200);
    const lastSeq = async (member: LoggedIn) => Math.max(...((await (await member.get(`/api/reports/${reportId}/thread`)).json()) as ReportThread).messages.map((m) => m.seq));
    const seen = (member: LoggedIn, body: unknown, id = reportId) => member.post(`/api/reports/${id}/seen`, body);
    const readRows = async () => Number((await query<{ n: number }>(server, 'select count(*) as n from report_reads'))[0]!.n);

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      for (const story of ['an older report', 'the report answered']) {
        codename = codenameIn(await (await postForm(server, '/report?lang=en', [['story', story], ['stillHeld', 'yes']])).text());
      }
      reportId = ((await (await admin.get('/api/inbox')).json()) as InboxResponse).reports[0]!.id;
    });
    after(async () => {
      await server?.close();
    });

    it('counts a reporter’s answers as new to every member, in the JSON and the binary inbox and across the whole inbox', async () => {
      assert.equal(await unreadIn(documenter), 0);
      await answer('first answer');
      await answer('second answer');
      assert.equal(await unreadIn(documenter), 2);
      assert.equal(await unreadIn(admin), 2);
      const frame = decodeInboxFrame(new Uint8Array(await (await fetch(`${server.url}/api/inbox`, { headers: { cookie: documenter.cookie, accept: INBOX_FRAME_TYPE } })).arrayBuffer()));
      assert.deepEqual(frame.reports.map((r) => r.unreadAnswers), [2, 0]);
      assert.deepEqual(await unreadList(documenter), { reports: [{ id: reportId, messages: 2, unreadAnswers: 2 }] });
    });

    it('marks them seen for the member who opened the conversation only; again changes nothing', async () => {
      const upTo = await lastSeq(documenter);
      for (let i = 0; i < 2; i++) {
        const response = await seen(documenter, { upTo });
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { unreadAnswers: 0 });
      }
      assert.equal(await unreadIn(documenter), 0);
      assert.deepEqual(await unreadList(documenter), { reports: [] });
      assert.equal(await unreadIn(admin), 2, 'the administrator has not opened it');
      assert.equal(await readRows(), 1);
    });

    it('never goes back, and never past the newest message: a later answer is new again', async () => {
      const upTo = await lastSeq(documenter);
      assert.deepEqual(await (await seen(documenter, { upTo: 0 })).json(), { unreadAnswers: 0 }, 'a stale tab does not make answers new again');
      assert.deepEqual(await (await seen(documenter, { upTo: upTo + 1000 })).json(), { unreadAnswers: 0 });
      await answer('third answer');
      assert.equal(await unreadIn(documenter), 1, 'an answer after the newest message seen is new');
      assert.equal(await unreadIn(admin), 3);
      // Seen up to the second message only: the third stays new.
      assert.deepEqual(await (await seen(admin, { upTo })).json(), { unreadAnswers: 1 });
    });

    it('refuses bad input with a 4xx and stores nothing', async () => {
      const rows = await readRows();
      for (const body of [{}, { upTo: -1 }, { upTo: 1.5 }, { upTo: '3' }, { upTo: 2 ** 60 }, { upTo: 1, extra: true }, [], 'x']) {
        assert.equal((await seen(documenter, body)).status, 400, JSON.stringify(body));
      }
      assert.equal((await seen(documenter, { upTo: 1 }, '00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await seen(documenter, { upTo: 1 }, 'not-a-uuid')).status, 404);
      const anonymous = await fetch(`${server.url}/api/reports/${reportId}/seen`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-vigil-request': '1' }, body: '{"upTo":1}' });
      assert.equal(anonymous.status, 401);
      const crossSite = await fetch(`${server.url}/api/reports/${reportId}/seen`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: documenter.cookie }, body: '{"upTo":1}' });
      assert.ok(crossSite.status >= 400 && crossSite.status < 500, `without the CSRF header: ${crossSite.status}`);
      assert.equal(await readRows(), rows);
    });

    it('forgets a report’s reading state when the reporter deletes the report', async () => {
      assert.equal((await postForm(server, '/status/delete?lang=en', [['codename', codename], ['confirm', 'yes']])).status, 200);
      assert.equal(await readRows(), 0);
      assert.deepEqual(await unreadList(admin), { reports: [] });
    });
  });
}
