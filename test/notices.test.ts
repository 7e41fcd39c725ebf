// Team notices (issue 14): members choose email, their own webhook or nothing, and which kinds of
// news; an urgent report (JavaScript off and on) makes one content-free message per subscribed
// member, paced by the window; answers, deadlines due tomorrow and failed backups notify too; no
// word of a report reaches a message, a log line or the database; bad settings store nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, addMember, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { startMailbox, type Mailbox } from './support/mailbox.ts';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver.ts';
import { publicKeyOfPage, postJson } from './support/intake.ts';
import { findPlaintext, query } from './support/db.ts';
import { createRecord } from './support/records.ts';
import { SealedKind, sealTo } from '../src/core/crypto/sealed.ts';
import { toBase64Url, utf8 } from '../src/core/crypto/bytes.ts';
import { newCodename } from '../src/core/crypto/codename.ts';
import { statusKeyOf } from '../src/core/crypto/status-key.ts';
import { addDays } from '../src/core/records/custody.ts';
import { dailyDeadlines, localNow } from '../src/server/notices/deadlines.ts';
import { openTestStorage, type TestStorage } from './support/storage.ts';
import type { NoticeSaveResponse, NoticeSettingsView } from '../src/core/api/notices.ts';

const EMAILS = { coordinator: 'coord@example.org', documenter: 'doc@example.org', viewer: 'viewer@example.org' };

/** Waits (bounded) until `done` holds. */
async function eventually(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const backend of BACKENDS) {
  describe(`team notices (${backend})`, () => {
    let server: TestServer;
    let mailbox: Mailbox;
    let receiver: WebhookReceiver;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let webhookSecret = '';
    let codename = '';
    const canaries: string[] = [];
    const canary = (label: string) => {
      const value = `CANARY-${label}-${randomBytes(8).toString('hex')}`;
      canaries.push(value);
      return value;
    };
    const mailsTo = (email: string) => mailbox.mails.filter((m) => m.to.includes(email));
    const callsTo = (path: string) => receiver.calls.filter((c) => c.path === path);

    /** A report sealed as the public script seals it, with the plain urgent bit beside it. */
    async function sealedReport(story: string, urgent: boolean) {
      const key = await publicKeyOfPage(server);
      const answers = { v: 1, lang: 'en', what: ['detained'], stillHeld: urgent ? 'yes' : 'no', story, consentPublic: 'no', consentLegal: 'no' };
      const envelope = await sealTo(SealedKind.report, key, utf8(JSON.stringify(answers)));
      return { v: 1, lang: 'en', envelope: toBase64Url(envelope), statusKey: toBase64Url(await statusKeyOf(newCodename())), urgent };
    }

    before(async () => {
      mailbox = await startMailbox();
      receiver = await startWebhookReceiver();
      server = await startTestServer(backend, {
        VIGIL_SMTP_URL: mailbox.url,
        VIGIL_MAIL_FROM: 'notes@example.org',
        // A 6-second window (a burst gathers for 1.2 s) and the deadline look at any hour.
        VIGIL_NOTICE_EVERY_MIN: '0.1',
        VIGIL_NOTICE_DEADLINE_HOUR: '0',
        VIGIL_ALERT_RETRY_MS: '200,300,400',
        VIGIL_ALERT_TIMEOUT_MS: '3000',
      });
      await setUpOrganization(server);
      admin = await logIn(server);
      coordinator = await addMember(server, admin, 'coordinator', EMAILS.coordinator);
      documenter = await addMember(server, admin, 'documenter', EMAILS.documenter);
      viewer = await addMember(server, admin, 'viewer', EMAILS.viewer);
      // The documenter keeps no language of their own: theirs is the organization's first (az).
      assert.equal((await admin.post('/api/me/language', { language: 'en' })).status, 204);
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await receiver?.close();
    });

    it('refuses bad settings with a 400 and stores nothing', async () => {
      const bad: [LoggedIn, unknown, string][] = [
        [documenter, { channel: 'sms', kinds: ['urgent'] }, 'bad-request'],
        [documenter, { channel: 'email', kinds: ['sometimes'] }, 'bad-request'],
        [documenter, { channel: 'email', kinds: ['urgent', 'urgent'] }, 'bad-request'],
        [documenter, { channel: 'email', kinds: ['backup'] }, 'bad-request'],
        [documenter, { channel: 'email', kinds: [], extra: 1 }, 'bad-request'],
        [documenter, { channel: 'email', kinds: [], webhookUrl: `${receiver.url}/doc` }, 'bad-request'],
        [documenter, { channel: 'webhook', kinds: ['urgent'] }, 'bad-webhook-url'],
        [documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: 'ftp://bridge.example.org/' }, 'bad-webhook-url'],
        [documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: 'https://user:pw@bridge.example.org/' }, 'bad-webhook-url'],
        [documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: 'not a url' }, 'bad-webhook-url'],
        [documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: 'http://bridge.example.org/' }, 'bad-webhook-url'],
        [documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: `https://example.org/${'a'.repeat(2001)}` }, 'bad-request'],
        [documenter, 'not json at all', 'bad-request'],
      ];
      for (const [member, body, code] of bad) {
        const response = await member.post('/api/me/notices', body);
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, code, JSON.stringify(body));
      }
      assert.deepEqual(await query(server, 'select member_id from notice_settings'), []);
      const view = (await (await documenter.get('/api/me/notices')).json()) as NoticeSettingsView;
      assert.deepEqual({ channel: view.channel, kinds: view.kinds, webhookUrl: view.webhookUrl }, { channel: 'none', kinds: [], webhookUrl: null });
      assert.deepEqual(view.offered, ['urgent', 'report', 'answer', 'deadline'], 'a failed backup is offered to administrators only');
      // A test needs a channel.
      assert.equal((await documenter.post('/api/me/notices/test')).status, 400);
    });

    it('saves each member’s choice (the webhook sealed, its secret shown once) and sends a signed test', async () => {
      const save = async (member: LoggedIn, body: unknown) => {
        const response = await member.post('/api/me/notices', body);
        assert.equal(response.status, 200, await response.clone().text());
        return (await response.json()) as NoticeSaveResponse;
      };
      assert.deepEqual(await save(admin, { channel: 'email', kinds: ['urgent', 'report', 'answer', 'deadline'] }), { webhookSecret: null });
      webhookSecret = (await save(documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: `${receiver.url}/doc` })).webhookSecret!;
      assert.match(webhookSecret, /^whsec_/);
      // Saved again with the same address: the secret stays, and is not shown again.
      assert.deepEqual(await save(documenter, { channel: 'webhook', kinds: ['urgent'], webhookUrl: `${receiver.url}/doc` }), { webhookSecret: null });
      assert.deepEqual(await save(documenter, { channel: 'webhook', kinds: ['urgent'] }), { webhookSecret: null });
      await save(coordinator, { channel: 'none', kinds: ['urgent', 'report', 'answer'] });
      await save(viewer, { channel: 'email', kinds: ['answer'] });

      const view = (await (await documenter.get('/api/me/notices')).json()) as NoticeSettingsView;
      assert.deepEqual({ channel: view.channel, kinds: view.kinds, webhookUrl: view.webhookUrl, email: view.email }, { channel: 'webhook', kinds: ['urgent'], webhookUrl: `${receiver.url}/doc`, email: true });
      const [stored] = await query<{ webhook: Uint8Array }>(server, `select webhook from notice_settings where member_id = '${documenter.login.member.id}'`);
      assert.ok(!Buffer.from(stored!.webhook).includes('/doc'), 'the address is sealed at rest');
      const audited = await query<{ detail: string }>(server, "select detail from audit_log where action = 'notice.settings-changed'");
      assert.equal(audited.length, 6);
      assert.ok(audited.every((a) => !a.detail.includes('127.0.0.1') && !a.detail.includes('/doc')), 'audited without the address');

      const tested = await documenter.post('/api/me/notices/test');
      assert.deepEqual(await tested.json(), { sent: true });
      const [call] = await receiver.waitFor('/doc');
      assert.ok(verifySignature(webhookSecret, call!), 'signed like an alert webhook');
      assert.deepEqual(JSON.parse(call!.body), { text: 'Vigil: yoxlama bildirişi. Bildirişləriniz bura gələcək.', url: `${server.url}/app`, counts: {} });
      receiver.calls.length = 0;
    });

    it('an urgent report, JavaScript off, makes one content-free message per subscribed member', async () => {
      const response = await postForm(server, '/report?lang=ru', [['what', 'detained'], ['stillHeld', 'yes'], ['story', canary('story-nojs')], ['city', canary('city-nojs')], ['contact', canary('contact-nojs')]]);
      assert.equal(response.status, 200);
      codename = codenameIn(await response.text());
      canaries.push(codename);
      const mail = await mailbox.waitFor(ADMIN.email);
      assert.equal(mail.subject, 'Vigil: 1 new urgent report');
      assert.equal(mail.text, `Vigil: 1 new urgent report\n\nOpen the workspace: ${server.url}/app\n`);
      const [call] = await receiver.waitFor('/doc');
      assert.ok(verifySignature(webhookSecret, call!));
      assert.deepEqual(JSON.parse(call!.body), { text: 'Vigil: 1 yeni təcili məlumat', url: `${server.url}/app`, counts: { urgent: 1 } });
      assert.equal(mailsTo(ADMIN.email).length, 1);
      assert.equal(callsTo('/doc').length, 1);
      assert.deepEqual([mailsTo(EMAILS.coordinator), mailsTo(EMAILS.viewer)], [[], []], '"nothing", or not that kind: no message');
    });

    it('an urgent sealed report (urgent: true beside the envelope) waits for the window, then one message', async () => {
      const sent = await postJson(server, '/api/reports', await sealedReport(canary('story-js'), true));
      assert.equal(sent.status, 201);
      await eventually(() => mailsTo(ADMIN.email).length === 2 && callsTo('/doc').length === 2, 'the second urgent message');
      assert.equal(mailsTo(ADMIN.email)[1]!.subject, 'Vigil: 1 new urgent report');
      assert.deepEqual(JSON.parse(callsTo('/doc')[1]!.body).counts, { urgent: 1 });
      const [first, second] = callsTo('/doc');
      assert.ok(second!.at - first!.at >= 6000, 'at most one message per window');
      // No row per message: its place in the audit chain would date the report it follows.
      assert.deepEqual(await query(server, `select seq from audit_log where action = 'notice.sent'`), []);
    });

    it('two reports within the window make one message saying 2; a member who asked for urgent ones only hears nothing', async () => {
      const bodies = await Promise.all([sealedReport(canary('story-js-2'), false), sealedReport(canary('story-js-3'), false)]);
      const sent = await Promise.all(bodies.map((body) => postJson(server, '/api/reports', body)));
      assert.deepEqual(sent.map((r) => r.status), [201, 201]);
      await eventually(() => mailsTo(ADMIN.email).length === 3, 'the third message');
      assert.equal(mailsTo(ADMIN.email)[2]!.subject, 'Vigil: 2 new reports');
      assert.equal(callsTo('/doc').length, 2);
    });

    it('a reporter’s answer notifies, in the member’s language', async () => {
      assert.equal((await viewer.post('/api/me/language', { language: 'ru' })).status, 204);
      const answered = await postForm(server, '/status/answer', [['codename', codename], ['answer', canary('answer')]]);
      assert.equal(answered.status, 200);
      const mail = await mailbox.waitFor(EMAILS.viewer);
      assert.equal(mail.subject, 'Vigil: 1 новый ответ в переписке');
      assert.equal(mail.text, `Vigil: 1 новый ответ в переписке\n\nОткрыть рабочее пространство: ${server.url}/app\n`);
      await eventually(() => mailsTo(ADMIN.email).length === 4, 'the answer to the administrator');
      assert.equal(mailsTo(ADMIN.email)[3]!.subject, 'Vigil: 1 new answer from a reporter');
    });

    it('a failed delivery is retried, then dropped and logged without the address', async () => {
      const save = await viewer.post('/api/me/notices', { channel: 'webhook', kinds: ['answer'], webhookUrl: `${receiver.url}/viewer-down` });
      assert.equal(save.status, 200);
      receiver.failures.set('/viewer-down', 99);
      assert.equal((await postForm(server, '/status/answer', [['codename', codename], ['answer', canary('answer-2')]])).status, 200);
      await receiver.waitFor('/viewer-down', 4);
      await eventually(() => server.logs().includes('notice dropped after its retries'), 'the drop is logged');
      assert.equal(callsTo('/viewer-down').length, 4, 'the first try and three retries');
      assert.ok(!server.logs().includes('/viewer-down') && !server.logs().includes(EMAILS.viewer));
    });

    it('a deadline due tomorrow notifies (the daily look runs at start, so after a restart on a day not yet looked at)', async () => {
      const incident = await createRecord(admin, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'open' }, { title: canary('incident') });
      const tomorrow = addDays(localNow('UTC').day, 1);
      await createRecord(admin, 'intervention', { incidentId: incident.id, personId: null, actId: null, type: 'legal-aid', onDay: null, status: 'planned', priority: 'urgent', dueOn: tomorrow }, { notes: canary('follow-up') });
      const before = mailbox.mails.length;
      // A look earlier today (a minute after setup) claimed the day: one look a day across servers.
      // Given back here, as on a new day.
      await query(server, 'delete from daily_claims');
      await server.restart();
      await mailbox.waitFor(ADMIN.email, (m) => mailbox.mails.indexOf(m) >= before && m.subject === 'Vigil: 1 deadline due tomorrow');
    });

    it('no word of any report reaches a message, a log line, the audit log or any stored byte', async () => {
      const said = [...mailbox.mails.map((m) => `${m.subject}\n${m.text}`), ...receiver.calls.map((c) => c.body)];
      assert.ok(said.length >= 8);
      for (const text of said) for (const c of canaries) assert.ok(!text.includes(c), `${c} in a message`);
      // Only counts and the workspace's address: no report id, no codename.
      const reportIds = (await query<{ id: string }>(server, 'select id from reports')).map((r) => r.id);
      for (const text of said) for (const id of reportIds) assert.ok(!text.includes(id));
      // Audited as one count for the day (written at the restart above), no member, no channel.
      const tallies = await query<{ detail: string; object: string | null }>(server, "select detail, object from audit_log where action = 'notice.sent'");
      assert.ok(tallies.length >= 1);
      for (const t of tallies) {
        assert.equal(t.object, null);
        assert.match(t.detail, /^\{"count":\d+\}$/);
      }
      assert.deepEqual(await findPlaintext(server, [...canaries, 'urgent report', 'новый ответ', `${receiver.url}/doc`, `${receiver.url}/viewer-down`]), []);
    });
  });

  describe(`a failed backup is told to administrators (${backend})`, () => {
    let server: TestServer;
    let mailbox: Mailbox;

    before(async () => {
      mailbox = await startMailbox();
      server = await startTestServer(backend, {
        VIGIL_SMTP_URL: mailbox.url,
        VIGIL_MAIL_FROM: 'notes@example.org',
        VIGIL_NOTICE_EVERY_MIN: '0.1',
        // A folder that does not exist: every scheduled backup fails.
        VIGIL_BACKUP_DIR: join(tmpdir(), `vigil-no-such-folder-${randomBytes(4).toString('hex')}`),
      });
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
    });

    it('the schedule’s failed run makes a message to the administrator who asked, none to a documenter', async () => {
      await setUpOrganization(server);
      const admin = await logIn(server);
      const documenter = await addMember(server, admin, 'documenter', EMAILS.documenter);
      assert.equal((await admin.post('/api/me/language', { language: 'en' })).status, 204);
      assert.equal((await admin.post('/api/me/notices', { channel: 'email', kinds: ['backup'] })).status, 200);
      assert.equal((await documenter.post('/api/me/notices', { channel: 'email', kinds: ['urgent', 'report', 'answer', 'deadline'] })).status, 200);
      // Before setup the schedule made no run; started again, it runs at once (and fails).
      await server.restart();
      const mail = await mailbox.waitFor(ADMIN.email);
      assert.equal(mail.text, `Vigil: 1 failed backup\n\nOpen the workspace: ${server.url}/app\n`);
      assert.ok(mailbox.mails.every((m) => m.to.includes(ADMIN.email)));
      assert.match(server.logs(), /scheduled backup failed/);
    });
  });
}

for (const backend of BACKENDS) {
  describe(`the daily deadline look with several servers (${backend})`, () => {
    let storage: TestStorage;
    before(async () => (storage = await openTestStorage(backend)));
    after(async () => storage?.remove());

    it('is made by one server a day; a failed look gives the day back', async () => {
      const looks: string[] = [];
      let failing = false;
      const server = (owner: string) =>
        dailyDeadlines(storage.db, 8, owner, async () => {
          looks.push(owner);
          if (failing) throw Object.assign(new Error('database away'), { code: 'ECONNRESET' });
          return 2;
        });
      const [a, b] = [server('a'), server('b')];
      const morning = new Date('2026-12-06T09:00:00Z');
      assert.deepEqual((await Promise.all([a('UTC', morning), b('UTC', morning)])).sort(), [0, 2], 'both look at once: one tells of the deadlines');
      assert.equal(looks.length, 1);
      assert.deepEqual([await a('UTC', morning), await b('UTC', morning), await server('c')('UTC', new Date('2026-12-06T23:00:00Z'))], [0, 0, 0], 'nobody again that day, nor a server started later');

      failing = true;
      const nextMorning = new Date('2026-12-07T08:00:00Z');
      assert.equal(await b('UTC', new Date('2026-12-07T07:00:00Z')), 0, 'not before the hour');
      await assert.rejects(a('UTC', nextMorning));
      failing = false;
      assert.equal(await b('UTC', nextMorning), 2, 'the failed look gave the day back: the next look, on any server, makes it');
      assert.equal(await a('UTC', nextMorning), 0);
      assert.deepEqual(looks.slice(1), ['a', 'b']);
      assert.deepEqual(await storage.db.selectFrom('daily_claims').select(['day', 'owner']).execute(), [{ day: '2026-12-07', owner: 'b' }], 'older days forgotten');
    });
  });
}
