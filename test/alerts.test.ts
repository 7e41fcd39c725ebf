// Alerts to the community, through the API on both databases: double opt-in against a local SMTP
// server, publication to the page, the feed, email (right language, working one-click
// unsubscribe) and signed webhooks with retries; the delivery log; nothing readable stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { findPlaintext, query } from './support/db.ts';
import { startMailbox, type Mailbox } from './support/mailbox.ts';
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from './support/webhook-receiver.ts';
import { openSubscribers } from '../src/core/alerts/recipients.ts';
import type { AlertsResponse, DeliveryView, SubscriberView } from '../src/core/api/alerts.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { alertMailWords } from '../src/server/alerts/mail-words.ts';
import { alertsWords } from '../src/server/pages/alerts-words.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';
import { nextAttemptAt } from '../src/server/alerts/retries.ts';
import { until } from './support/until.ts';

const READER = 'Reader.One@Example.net';
const BOUNCER = 'bouncer@example.net';
const TEXTS = {
  en: { title: 'Police pose as clients on dating apps', body: 'Do not meet strangers at hotels.\n\nIf detained, you have the right to a lawyer.' },
  ru: { title: 'Полиция выдаёт себя за клиентов в приложениях знакомств', body: 'Не встречайтесь с незнакомцами в гостиницах.\n\nПри задержании вы имеете право на адвоката.' },
};

const linkIn = (text: string, kind: 'confirm' | 'unsubscribe') => new RegExp(`https?://[^\\s]+/alerts/${kind}/[A-Za-z0-9_-]{43}\\?lang=[a-z]{2}`).exec(text)?.[0] ?? '';
const local = (server: TestServer, url: string) => url.replace(/^https?:\/\/[^/]+/, server.url);

async function subscribe(server: TestServer, mailbox: Mailbox, email: string, languages: string[], lang = 'en') {
  const response = await postForm(server, '/alerts/subscribe', [['lang', lang], ['email', email], ...languages.map((l): [string, string] => ['languages', l])]);
  assert.equal(response.status, 200);
  assert.match(await response.text(), new RegExp(alertsWords[lang as 'en'].checkInbox));
  const mail = await mailbox.waitFor(email, (m) => m.subject === alertMailWords[lang as 'en'].mailConfirmSubject);
  const confirm = linkIn(mail.text, 'confirm');
  assert.ok(confirm, 'the confirmation email has a confirm link');
  const page = await fetch(local(server, confirm));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post"/);
  const done = await postForm(server, new URL(confirm).pathname, [['lang', lang]]);
  assert.equal(done.status, 200);
  assert.match(await done.text(), new RegExp(alertsWords[lang as 'en'].confirmedTitle));
  return mail;
}

/** What the coordinator's browser does: open the subscribers, send them with the request. */
async function recipientsFor(member: LoggedIn) {
  const { subscribers } = (await (await member.get('/api/alerts/subscribers')).json()) as { subscribers: SubscriberView[] };
  return openSubscribers(subscribers, member.keyring);
}

async function deliveries(member: LoggedIn, alertId: string) {
  return ((await (await member.get(`/api/alerts/${alertId}/deliveries`)).json()) as { deliveries: DeliveryView[] }).deliveries;
}

describe('webhook and email back-off', () => {
  it('waits longer after each failure, gives up when the schedule is used, and stops on success', () => {
    const schedule = [30_000, 120_000, 600_000];
    const at = (attempts: number, failed = true) => nextAttemptAt(attempts, failed, schedule, Date.UTC(2026, 10, 25));
    assert.equal(at(1), '2026-11-25T00:00:30.000Z');
    assert.equal(at(2), '2026-11-25T00:02:00.000Z');
    assert.equal(at(3), '2026-11-25T00:10:00.000Z');
    assert.equal(at(4), null, 'after the last retry: failed');
    assert.equal(at(1, false), null, 'sent: nothing more');
  });
});

for (const backend of BACKENDS) {
  describe(`alerts on ${backend}`, () => {
    let server: TestServer;
    let mailbox: Mailbox;
    let hooks: WebhookReceiver;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let secret = '';
    let alertId = '';
    const seen: string[] = [];

    before(async () => {
      [mailbox, hooks] = await Promise.all([startMailbox(), startWebhookReceiver()]);
      server = await startTestServer(backend, {
        VIGIL_SMTP_URL: mailbox.url,
        VIGIL_MAIL_FROM: 'Community notes <notes@example.org>',
        VIGIL_ALERT_RETRY_MS: '300,600',
        VIGIL_ALERT_TIMEOUT_MS: '3000',
        VIGIL_SUBSCRIBE_PER_MINUTE: '0',
      });
      await setUpOrganization(server);
      admin = await logIn(server);
      coordinator = await addMember(server, admin, 'coordinator', 'coordinator@example.org');
    });
    after(async () => {
      await server?.close();
      await Promise.all([mailbox?.close(), hooks?.close()]);
    });

    it('subscribes with double opt-in: a confirmation email at once, confirmed by a button', async () => {
      const mail = await subscribe(server, mailbox, READER, ['ru']);
      assert.match(mail.headers.get('list-unsubscribe') ?? '', /^<https?:\/\/.+\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}\?lang=en>$/);
      assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      seen.push(linkIn(mail.text, 'confirm').split('/confirm/')[1]!.split('?')[0]!, linkIn(mail.text, 'unsubscribe').split('/unsubscribe/')[1]!.split('?')[0]!);
      await subscribe(server, mailbox, BOUNCER, ['en']);
      // A confirm link works once.
      const again = await postForm(server, new URL(linkIn(mail.text, 'confirm')).pathname, [['lang', 'en']]);
      assert.equal(again.status, 404);
      const { subscribers } = (await (await coordinator.get('/api/alerts')).json()) as AlertsResponse;
      assert.deepEqual(subscribers, { confirmed: 2, waiting: 0 });
    });

    it('registers webhooks (administrators only), the secret shown once', async () => {
      const response = await admin.post('/api/webhooks', { url: `${hooks.url}/ok` });
      assert.equal(response.status, 201);
      ({ secret } = (await response.json()) as { secret: string });
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      seen.push(secret);
      assert.equal((await admin.post('/api/webhooks', { url: `${hooks.url}/flaky` })).status, 201);
      hooks.failures.set('/flaky', 2);
      assert.equal((await coordinator.post('/api/webhooks', { url: `${hooks.url}/x` })).status, 403);
      const { webhooks } = (await (await admin.get('/api/webhooks')).json()) as { webhooks: { url: string }[] };
      assert.deepEqual(webhooks.map((w) => w.url), [`${hooks.url}/ok`, `${hooks.url}/flaky`]);
      assert.ok(!JSON.stringify(webhooks).includes(secret));
    });

    it('publishes: page, feed, email in the subscriber’s language, signed webhooks', async () => {
      mailbox.refuse.add(BOUNCER);
      const { recipients, unopened } = await recipientsFor(coordinator);
      assert.equal(unopened, 0);
      assert.deepEqual(recipients.map((r) => r.email).sort(), [BOUNCER, READER.toLowerCase()]);
      const response = await coordinator.post('/api/alerts', { texts: TEXTS, recipients });
      assert.equal(response.status, 201);
      const published = (await response.json()) as { id: string; webhooks: number; emails: number };
      assert.deepEqual([published.webhooks, published.emails], [2, 2]);
      alertId = published.id;

      const mail = await mailbox.waitFor(READER, (m) => m.subject === TEXTS.ru.title);
      assert.match(mail.text, /право на адвоката/);
      assert.doesNotMatch(mail.text, /right to a lawyer/, 'only the language the subscriber chose');
      assert.match(mail.headers.get('list-unsubscribe') ?? '', /\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}\?lang=ru>$/);
      assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.ok(linkIn(mail.text, 'unsubscribe'), 'an unsubscribe link in the text');

      const [call] = await hooks.waitFor('/ok');
      assert.ok(verifySignature(secret, call!), 'the signature verifies and the timestamp is fresh');
      assert.ok(!verifySignature(secret, { ...call!, body: call!.body.replace('lawyer', 'lawyers') }), 'a changed body fails');
      const payload = JSON.parse(call!.body);
      assert.equal(payload.v, 1);
      assert.equal(payload.id, alertId);
      assert.equal(payload.url, `${server.url}/alerts/${alertId}`);
      assert.match(payload.publishedAt, /^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
      assert.deepEqual(payload.languages, TEXTS);

      const page = await (await fetch(`${server.url}/alerts?lang=ru`)).text();
      assert.match(page, new RegExp(TEXTS.ru.title));
      assert.doesNotMatch(page, /<script/);
      const one = await fetch(`${server.url}/alerts/${alertId}?lang=en`);
      assert.equal(one.status, 200);
      const html = await one.text();
      assert.match(html, /<h1>Police pose as clients on dating apps<\/h1>/);
      assert.match(html, /<p>Do not meet strangers at hotels\.<\/p><p>If detained/);
      assert.match(html, /<title>Police pose as clients on dating apps · Community notes<\/title>/);

      const feed = await fetch(`${server.url}/alerts.atom?lang=en`);
      assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/);
      const xml = await feed.text();
      assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.match(xml, new RegExp(`<id>urn:uuid:${alertId}</id>`));
      assert.match(xml, /<title>Police pose as clients on dating apps<\/title>/);
      assert.match(xml, /<updated>\d{4}-\d\d-\d\dT\d\d:00:00Z<\/updated>/);
      assert.doesNotMatch(xml, /T\d\d:\d\d:\d\d\.\d+Z|T\d\d:[1-5]\d:/, 'dated to the hour, no finer');
    });

    it('retries a failing webhook with back-off until it succeeds; the log shows the attempts', async () => {
      const calls = await hooks.waitFor('/flaky', 3);
      assert.equal(new Set(calls.map((c) => c.headers['vigil-delivery'])).size, 1, 'one delivery id across retries');
      const log = await until(() => deliveries(coordinator, alertId), (d) => d.some((x) => x.target.endsWith('/flaky') && x.status === 'sent'));
      const flaky = log.find((d) => d.target === `${hooks.url}/flaky`)!;
      assert.deepEqual([flaky.status, flaky.attempts, flaky.lastError], ['sent', 3, null]);
      const ok = log.find((d) => d.target === `${hooks.url}/ok`)!;
      assert.deepEqual([ok.status, ok.attempts], ['sent', 1]);
    });

    it('an email the server refuses is retried, then failed; “retry” resends it with the addresses opened again', async () => {
      let log = await until(() => deliveries(coordinator, alertId), (d) => d.filter((x) => x.channel === 'email').every((x) => x.status !== 'pending'));
      const emails = log.filter((d) => d.channel === 'email');
      assert.deepEqual(emails.map((e) => e.target).every((t) => /^subscriber #\d+$/.test(t)), true);
      const failed = emails.find((e) => e.status === 'failed')!;
      assert.deepEqual([failed.attempts, failed.lastError], [3, 'smtp-451']);
      assert.ok(!JSON.stringify(log).includes('@'), 'the log names no address');
      mailbox.refuse.delete(BOUNCER);
      const { recipients } = await recipientsFor(coordinator);
      const retried = await coordinator.post(`/api/alerts/${alertId}/retry`, { recipients });
      assert.deepEqual(await retried.json(), { webhooks: 0, emails: 1 });
      await mailbox.waitFor(BOUNCER, (m) => m.subject === TEXTS.en.title);
      log = await until(() => deliveries(coordinator, alertId), (d) => d.every((x) => x.status === 'sent'));
      assert.ok(log.every((d) => d.status === 'sent'));
    });

    it('corrects and withdraws; the public page follows', async () => {
      const corrected = { ...TEXTS, en: { ...TEXTS.en, body: 'Do not meet strangers at hotels or flats.' } };
      assert.equal((await coordinator.post(`/api/alerts/${alertId}/correct`, { texts: corrected })).status, 204);
      assert.match(await (await fetch(`${server.url}/alerts/${alertId}?lang=en`)).text(), /hotels or flats/);
      const second = await coordinator.post('/api/alerts', { texts: { en: { title: 'Second alert', body: 'Short.' } }, recipients: [] });
      const { id } = (await second.json()) as { id: string };
      assert.equal((await coordinator.post(`/api/alerts/${id}/withdraw`)).status, 204);
      assert.equal((await fetch(`${server.url}/alerts/${id}`)).status, 404);
      assert.doesNotMatch(await (await fetch(`${server.url}/alerts.atom`)).text(), /Second alert/);
    });

    it('one-click unsubscribe (RFC 8058 POST) deletes the subscriber', async () => {
      const mail = await mailbox.waitFor(READER, (m) => m.subject === TEXTS.ru.title);
      const url = /<([^>]+)>/.exec(mail.headers.get('list-unsubscribe')!)![1]!;
      const page = await fetch(local(server, url));
      assert.match(await page.text(), new RegExp(alertsWords.ru.unsubscribe));
      const before = await query(server, 'select id from alert_subscribers');
      const response = await fetch(local(server, url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(response.status, 200);
      const after = await query(server, 'select id from alert_subscribers');
      assert.equal(after.length, before.length - 1);
      const { recipients } = await recipientsFor(coordinator);
      assert.deepEqual(recipients.map((r) => r.email), [BOUNCER]);
      // A mail client posting multipart is understood too (and unsubscribing twice is harmless).
      const form = new FormData();
      form.set('List-Unsubscribe', 'One-Click');
      assert.equal((await fetch(local(server, url), { method: 'POST', body: form })).status, 200);
    });

    it('bad input gets a clear 4xx in the user’s language and stores nothing', async () => {
      const counts = async () => (await query<{ n: number | string }>(server, 'select (select count(*) from alerts) + (select count(*) from alert_subscribers) + (select count(*) from alert_webhooks) as n'))[0]!.n;
      const before = Number(await counts());
      const sentBefore = mailbox.mails.length;
      const bad = await postForm(server, '/alerts/subscribe', [['lang', 'ru'], ['email', 'not an address'], ['languages', 'ru']]);
      assert.equal(bad.status, 400);
      const page = await bad.text();
      assert.ok(page.includes(errorWords.ru['bad-email']));
      assert.match(page, /aria-invalid="true"/);
      assert.equal((await postForm(server, '/alerts/subscribe', '%ff=%fe')).status, 400);
      assert.equal((await fetch(`${server.url}/alerts/subscribe`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status, 415);
      const headers = { cookie: coordinator.cookie, 'content-type': 'application/json', [CSRF_HEADER]: '1', 'accept-language': 'az' };
      const cases: [string, unknown, string][] = [
        ['/api/alerts', { texts: { en: { title: '', body: 'x' } }, recipients: [] }, 'alert-incomplete'],
        ['/api/alerts', { texts: {}, recipients: [] }, 'alert-incomplete'],
        ['/api/alerts', { texts: { fr: { title: 'x', body: 'y' } }, recipients: [] }, 'alert-incomplete'],
        ['/api/alerts', { texts: { en: { title: 'x'.repeat(201), body: 'y' } }, recipients: [] }, 'alert-incomplete'],
        ['/api/alerts', { texts: { en: { title: 'x', body: 'y' } }, recipients: [{ subscriberId: 'nope' }] }, 'bad-request'],
        ['/api/alerts/00000000-0000-4000-8000-000000000000/correct', { texts: { en: { title: 'x', body: 'y' } } }, 'not-found'],
      ];
      for (const [path, body, code] of cases) {
        const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
        assert.ok(response.status >= 400 && response.status < 500, `${path} ${response.status}`);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(error.code, code);
        assert.equal(error.message, errorWords.az[code as 'bad-request']);
      }
      for (const url of ['ftp://example.org/x', 'not a url', 'http://user:pw@example.org/', '']) {
        const response = await fetch(`${server.url}/api/webhooks`, { method: 'POST', headers: { ...headers, cookie: admin.cookie }, body: JSON.stringify({ url }) });
        assert.equal(response.status, 400);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'bad-webhook-url');
      }
      assert.equal((await fetch(`${server.url}/alerts/confirm/short`)).status, 404);
      assert.equal((await fetch(`${server.url}/alerts/${'x'.repeat(43)}`)).status, 404);
      assert.equal(Number(await counts()), before);
      assert.equal(mailbox.mails.length, sentBefore);
    });

    it('keeps no subscriber address, token or webhook secret in plaintext: database, files, log', async () => {
      await subscribe(server, mailbox, 'third.reader@example.net', ['az', 'en']);
      const found = await findPlaintext(server, [READER, READER.toLowerCase(), BOUNCER, 'third.reader@example.net', 'example.net', ...seen]);
      assert.deepEqual(found, []);
    });
  });
}

describe('subscribing is rate-limited', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  before(async () => {
    mailbox = await startMailbox();
    server = await startTestServer('sqlite', { VIGIL_SMTP_URL: mailbox.url, VIGIL_MAIL_FROM: 'notes@example.org', VIGIL_SUBSCRIBE_PER_MINUTE: '2' });
    await setUpOrganization(server);
  });
  after(async () => {
    await server?.close();
    await mailbox?.close();
  });
  it('answers 429 in the reader’s language after the limit', async () => {
    for (const n of [1, 2]) assert.equal((await postForm(server, '/alerts/subscribe', [['lang', 'en'], ['email', `r${n}@example.net`]])).status, 200);
    const limited = await postForm(server, '/alerts/subscribe', [['lang', 'ru'], ['email', 'r3@example.net']]);
    assert.equal(limited.status, 429);
    assert.ok((await limited.text()).includes(errorWords.ru['rate-limited']));
  });
});

describe('without SMTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
  });
  after(async () => server?.close());
  it('the page says email alerts are not available and offers no form, in each language', async () => {
    for (const lang of ['az', 'ru', 'en'] as const) {
      const page = await (await fetch(`${server.url}/alerts?lang=${lang}`)).text();
      assert.ok(page.includes(alertsWords[lang].mailOff));
      assert.doesNotMatch(page, /<form[^>]*action="\/alerts\/subscribe"|name="email"/);
    }
  });
  it('subscribing is not found (a feature that is off, not an outage), in the reader’s language; nothing stored', async () => {
    const response = await postForm(server, '/alerts/subscribe', [['lang', 'ru'], ['email', 'r@example.net']]);
    assert.equal(response.status, 404);
    assert.ok((await response.text()).includes(errorWords.ru['not-found']));
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(Number((await query<{ n: number }>(server, 'select count(*) as n from alert_subscribers'))[0]!.n), 0);
  });
});

describe('email deliveries held in memory when the server restarts', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  before(async () => {
    mailbox = await startMailbox();
    server = await startTestServer('sqlite', { VIGIL_SMTP_URL: mailbox.url, VIGIL_MAIL_FROM: 'notes@example.org', VIGIL_SUBSCRIBE_PER_MINUTE: '0', VIGIL_ALERT_RETRY_MS: '60000' });
    await setUpOrganization(server);
  });
  after(async () => {
    await server?.close();
    await mailbox?.close();
  });
  it('show as interrupted, and “retry” resends them', async () => {
    await subscribe(server, mailbox, READER, ['en']);
    mailbox.refuse.add(READER.toLowerCase());
    let admin = await logIn(server);
    const { recipients } = await recipientsFor(admin);
    const { id } = (await (await admin.post('/api/alerts', { texts: { en: TEXTS.en }, recipients })).json()) as { id: string };
    let log = await until(() => deliveries(admin, id), (d) => d[0]?.attempts === 1);
    assert.deepEqual([log[0]!.status, log[0]!.lastError], ['pending', 'smtp-451']);
    await server.restart();
    admin = await logIn(server);
    log = await deliveries(admin, id);
    assert.equal(log[0]!.status, 'interrupted');
    assert.equal(((await (await admin.get('/api/alerts')).json()) as AlertsResponse).alerts[0]!.deliveries.failed, 1);
    mailbox.refuse.clear();
    const retried = await admin.post(`/api/alerts/${id}/retry`, { recipients: (await recipientsFor(admin)).recipients });
    assert.deepEqual(await retried.json(), { webhooks: 0, emails: 1 });
    await mailbox.waitFor(READER, (m) => m.subject === TEXTS.en.title);
    log = await until(() => deliveries(admin, id), (d) => d[0]?.status === 'sent');
    assert.equal(log[0]!.status, 'sent');
  });
});
