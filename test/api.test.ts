// The intake, status, setup, login and inbox over HTTP, on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, codenameIn, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { countReports, query } from './support/db.ts';
import { postJson, publicKeyOfPage, sealedSubmission } from './support/intake.ts';
import { SealedKind, sealTo } from '../src/core/crypto/sealed.ts';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../src/core/crypto/bytes.ts';
import { newCodename, formatCodename } from '../src/core/crypto/codename.ts';
import { openSealed } from '../src/core/crypto/sealed.ts';
import { generateKeyPair, keyIdOf } from '../src/core/crypto/keys.ts';
import type { InboxResponse } from '../src/core/api/inbox.ts';
import { INBOX_FRAME_TYPE, decodeInboxFrame } from '../src/core/api/inbox-frame.ts';
import { prepareOrganization } from '../src/core/keyring.ts';

const REPORT: [string, string][] = [
  ['lang', 'en'],
  ['what', 'detained'],
  ['what', 'entrapment'],
  ['whenExact', '2026-11-20'],
  ['city', 'Baku'],
  ['place', 'Binagadi police'],
  ['people', '3'],
  ['stillHeld', 'yes'],
  ['story', 'They met him through an app and arrested him at the hotel.'],
  ['consentPublic', 'yes'],
  ['consentLegal', 'no'],
];

for (const backend of BACKENDS) {
  describe(`API on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;

    before(async () => {
      server = await startTestServer(backend);
    });
    after(async () => {
      await server?.close();
    });

    it('says "not set up yet" before setup, and refuses a wrong setup token', async () => {
      const page = await fetch(`${server.url}/?lang=ru`);
      assert.equal(page.status, 503);
      assert.match(await page.text(), /Сайт ещё не настроен/);
      assert.equal((await fetch(`${server.url}/setup/not-the-token-at-all`)).status, 404);
      assert.equal((await fetch(server.setupUrl!)).status, 200);
    });

    it('sets up the organization once; the link then stops working', async () => {
      await setUpOrganization(server);
      assert.equal((await fetch(server.setupUrl!)).status, 404);
      // A complete, valid second setup with the used token: refused, nothing changes.
      const again = await prepareOrganization({ name: 'Usurpers', publicTitle: 'Notes', languages: ['en'], adminEmail: 'x@example.org', passphrase: 'another long passphrase' }, server.setupUrl!.split('/setup/')[1]!);
      const second = await postJson(server, '/api/setup', again);
      assert.equal(second.status, 409);
      assert.equal(((await second.json()) as { error: { code: string } }).error.code, 'already-set-up');
      const [org] = await query<{ name: string }>(server, 'select name from organization');
      assert.equal(org!.name, 'Test defenders');
      admin = await logIn(server);
      assert.equal(admin.login.member.role, 'admin');
      assert.equal(admin.keyring.size, 3, 'the intake, records and backup keys');
    });

    it('serves the intake form in the chosen language with strict headers', async () => {
      for (const [query, header, expected] of [
        ['?lang=az', 'en', 'Nə baş verdi?'],
        ['?lang=ru', 'en', 'Что произошло?'],
        ['', 'ru-RU,ru;q=0.9', 'Что произошло?'],
        ['', 'fr', 'Nə baş verdi?'], // the organization's first language
      ] as const) {
        const response = await fetch(`${server.url}/${query}`, { headers: { 'accept-language': header } });
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.ok(html.includes(expected), `${query} ${header}`);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
        assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
        assert.doesNotMatch(html, /https?:\/\//, 'no third-party address on the page');
        assert.match(html, /id="quick-exit" href="\/exit\?lang=(az|ru|en)"/);
      }
    });

    it('keeps the public pages light: ≤ 12 KB gzipped without JS, ≤ 60 KB with the sealing script', async () => {
      for (const lang of ['az', 'ru', 'en']) {
        const html = await (await fetch(`${server.url}/?lang=${lang}`)).text();
        assert.ok(gzipSync(html).length <= 12 * 1024, `${lang}: ${gzipSync(html).length} bytes`);
        const script = /<script src="([^"]+)"/.exec(html)![1]!;
        const js = Buffer.from(await (await fetch(`${server.url}${script}`)).arrayBuffer());
        assert.ok(gzipSync(html).length + gzipSync(js).length <= 60 * 1024, `with script: ${gzipSync(js).length} bytes`);
      }
    });

    it('takes a report with JavaScript off, seals it, and gives a codename', async () => {
      const response = await postForm(server, '/report?lang=en', REPORT);
      assert.equal(response.status, 200);
      const html = await response.text();
      const codename = codenameIn(html);
      assert.equal(codename.length, 28);
      assert.ok(html.includes(formatCodename(codename)));
      assert.equal(await countReports(server), 1);

      const inbox = (await (await admin.get('/api/inbox')).json()) as InboxResponse;
      assert.equal(inbox.reports.length, 1);
      const item = inbox.reports[0]!;
      const opened = JSON.parse(fromUtf8(await openSealed(SealedKind.report, fromBase64Url(item.envelope)!, { privateKey: admin.keyring.get(item.keyId)!, keyId: item.keyId })));
      assert.deepEqual(opened.what, ['detained', 'entrapment']);
      assert.equal(opened.people, 3);
      assert.equal(opened.story, 'They met him through an app and arrested him at the hotel.');
      assert.match(item.receivedHour, /^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/);

      // Status: received, unread; then read once a documenter marks it.
      let status = await postForm(server, '/status?lang=en', [['codename', formatCodename(codename)]]);
      assert.equal(status.status, 200);
      assert.match(await status.text(), /Not read yet/);
      assert.equal((await admin.post(`/api/reports/${item.id}/read`)).status, 204);
      status = await postForm(server, '/status?lang=az', [['codename', codename]]);
      assert.match(await status.text(), /Komandamız onu oxuyub/);
    });

    it('takes a report sealed in the browser (JSON) and the status key made there matches', async () => {
      const before = await countReports(server);
      const { codename, body } = await sealedSubmission(server, 'sealed in the browser');
      const response = await postJson(server, '/api/reports', body);
      assert.equal(response.status, 201);
      assert.equal(await countReports(server), before + 1);
      const status = await postForm(server, '/status?lang=en', [['codename', codename]]);
      assert.equal(status.status, 200);
      const inbox = (await (await admin.get('/api/inbox')).json()) as InboxResponse;
      const newest = inbox.reports[0]!;
      const opened = JSON.parse(fromUtf8(await openSealed(SealedKind.report, fromBase64Url(newest.envelope)!, { privateKey: admin.keyring.get(newest.keyId)!, keyId: newest.keyId })));
      assert.equal(opened.story, 'sealed in the browser');
    });

    describe('bad input: a clear 4xx in the user\'s language, nothing stored', () => {
      const cases: [string, () => Promise<Response>, number, RegExp][] = [
        ['an unknown choice', () => postForm(server, '/report?lang=en', [...REPORT.slice(0, -1), ['consentLegal', 'maybe']]), 400, /This choice is not one we offer/],
        ['an unknown act', () => postForm(server, '/report?lang=ru', [['what', 'picnic'], ['story', 'x']]), 400, /Такого варианта нет/],
        ['an unknown field', () => postForm(server, '/report?lang=en', [['story', 'x'], ['admin', '1']]), 400, /This choice is not one we offer/],
        ['an impossible date', () => postForm(server, '/report?lang=az', [['story', 'x'], ['whenExact', '2026-02-30']]), 400, /düzgün tarix deyil/],
        ['a number that is not one', () => postForm(server, '/report?lang=en', [['story', 'x'], ['people', 'many']]), 400, /whole number/],
        ['nothing said at all', () => postForm(server, '/report?lang=en', [['lang', 'en']]), 400, /Tick at least one box/],
        ['a story far too long', () => postForm(server, '/report?lang=en', [['story', 'x'.repeat(20_001)]]), 400, /too long/],
        ['a 10 MB body', () => postForm(server, '/report?lang=ru', `story=${'x'.repeat(10 * 1024 * 1024)}`), 413, /слишком большие/],
        ['broken UTF-8', () => fetch(`${server.url}/report?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from([0x73, 0x74, 0x6f, 0x72, 0x79, 0x3d, 0xc3, 0x28]) }), 400, /broken text encoding/],
        ['a broken percent-escape', () => postForm(server, '/report?lang=en', 'story=%E0%A4%A'), 400, /broken text encoding/],
        ['a wrong content type', () => fetch(`${server.url}/report?lang=en`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'story=x' }), 415, /does not accept that kind of data/],
        ['JSON to the form intake', () => postJson(server, '/report?lang=en', { story: 'x' }), 415, /does not accept that kind of data/],
        ['multipart to the JSON intake', () => fetch(`${server.url}/api/reports?lang=en`, { method: 'POST', body: new FormData() }), 415, /does not accept that kind of data/],
        ['malformed JSON', () => postJson(server, '/api/reports?lang=en', '{"v":1,'), 400, /could not be understood/],
        ['a JSON body of the wrong shape', () => postJson(server, '/api/reports', { v: 2, envelope: 5, lang: 'az' }), 400, /zədələndi/],
        // The server cannot decrypt, so it checks what it can: version, kind, size, key id.
        // Garbage behind a well-formed header is caught when a documenter opens it.
        ['an envelope of an unknown version', () => postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: toBase64Url(new Uint8Array(80).fill(9)), statusKey: toBase64Url(new Uint8Array(32)) }), 400, /damaged on the way/],
        ['an envelope whose length no seal makes', async () => {
          const key = await publicKeyOfPage(server);
          const real = await sealTo(SealedKind.report, key, utf8('{}'));
          return postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: toBase64Url(real.subarray(0, real.length - 5)), statusKey: toBase64Url(new Uint8Array(32)) });
        }, 400, /damaged on the way/],
        ['an envelope too short to be one', () => postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: toBase64Url(new Uint8Array([1, 1, 2, 3])), statusKey: toBase64Url(new Uint8Array(32)) }), 400, /damaged on the way/],
        ['an envelope that is not base64url', () => postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: '!!!', statusKey: 'AAAA' }), 400, /damaged on the way/],
        ['a status key of the wrong size', async () => {
          const { body } = await sealedSubmission(server, 'x');
          return postJson(server, '/api/reports', { ...body, lang: 'en', statusKey: toBase64Url(new Uint8Array(5)) });
        }, 400, /damaged on the way/],
        ['an envelope sealed to another key', async () => {
          const other = await generateKeyPair();
          const envelope = await sealTo(SealedKind.report, { publicKey: other.publicKey, keyId: await keyIdOf(other.publicKey) }, utf8('{}'));
          return postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: toBase64Url(envelope), statusKey: toBase64Url(new Uint8Array(32)) });
        }, 409, /reload it/],
        ['a key grant passed off as a report', async () => {
          const key = await publicKeyOfPage(server);
          const envelope = await sealTo(SealedKind.keyGrant, key, utf8('{}'));
          return postJson(server, '/api/reports', { v: 1, lang: 'en', envelope: toBase64Url(envelope), statusKey: toBase64Url(new Uint8Array(32)) });
        }, 400, /damaged on the way/],
      ];
      for (const [name, send, status, message] of cases) {
        it(name, async () => {
          const before = await countReports(server);
          const response = await send();
          assert.equal(response.status, status);
          assert.match(await response.text(), message);
          assert.equal(await countReports(server), before);
        });
      }

      it('a wrong codename: typo, wrong length, unknown', async () => {
        const good = newCodename();
        const typo = good.slice(0, 5) + String((Number(good[5]) + 1) % 10) + good.slice(6);
        let response = await postForm(server, '/status?lang=en', [['codename', typo]]);
        assert.equal(response.status, 400);
        assert.match(await response.text(), /typo/);
        response = await postForm(server, '/status?lang=ru', [['codename', '1234']]);
        assert.equal(response.status, 400);
        assert.match(await response.text(), /28 цифр/);
        response = await postForm(server, '/status?lang=en', [['codename', good]]);
        assert.equal(response.status, 404);
        assert.match(await response.text(), /found no report/);
      });

      it('odd inputs that reach the database are refused before it (NUL, huge numbers, bad ids, bad paths)', async () => {
        const token = 'x'.repeat(20);
        const nul = await prepareOrganization({ name: 'a\u0000b', publicTitle: 'Notes', languages: ['en'], adminEmail: 'y@example.org', passphrase: 'another long passphrase' }, token);
        assert.equal((await postJson(server, '/api/setup', nul)).status, 400);
        assert.equal((await admin.get('/api/inbox?before=3000000000')).status, 400);
        assert.equal((await admin.post('/api/reports/%00/read')).status, 404);
        assert.equal((await admin.post('/api/reports/not-a-uuid/read')).status, 404);
        const badPath = await fetch(`${server.url}/%E0%A4%A?lang=ru`);
        assert.equal(badPath.status, 400);
        assert.match(await badPath.text(), /Не удалось понять запрос/);
        assert.equal(badPath.headers.get('cache-control'), 'no-store');
        assert.match(badPath.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      });

      it('quick exit lands on a page with nothing of this site on it', async () => {
        const html = await (await fetch(`${server.url}/exit?lang=ru`)).text();
        assert.doesNotMatch(html, /Community notes|quick-exit|Быстрый выход|<nav/);
        assert.match(html, /Сезонные рецепты/);
      });

      it('unknown pages and API routes answer 404 in the right form', async () => {
        const page = await fetch(`${server.url}/nothing-here?lang=az`);
        assert.equal(page.status, 404);
        assert.match(await page.text(), /Belə səhifə yoxdur/);
        const api = await fetch(`${server.url}/api/nothing`, { headers: { 'accept-language': 'ru' } });
        assert.equal(api.status, 404);
        assert.deepEqual(await api.json(), { error: { code: 'not-found', message: 'Такой страницы нет.' } });
      });
    });

    describe('login and the inbox', () => {
      it('does not reveal who is a member', async () => {
        const ask = async (email: string) => (await (await postJson(server, '/api/auth/kdf', { email })).json()) as { kdf: { salt: string } };
        const stranger = await ask('nobody@example.org');
        assert.deepEqual(await ask('nobody@example.org'), stranger, 'decoy parameters are stable');
        assert.notEqual((await ask(ADMIN.email)).kdf.salt, stranger.kdf.salt);
      });

      it('refuses a wrong passphrase and bad login bodies', async () => {
        await assert.rejects(logIn(server, ADMIN.email, 'wrong passphrase entirely'), /login failed: 401/);
        assert.equal((await postJson(server, '/api/auth/login', { email: 'not-an-email', loginKey: 'x' })).status, 400);
      });

      it('guards the inbox: no session, no CSRF header, unknown report', async () => {
        assert.equal((await fetch(`${server.url}/api/inbox`)).status, 401);
        const noHeader = await fetch(`${server.url}/api/reports/x/read`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: '{}' });
        assert.equal(noHeader.status, 403);
        assert.equal((await admin.post('/api/reports/00000000-0000-0000-0000-000000000000/read')).status, 404);
        assert.equal((await admin.get('/api/inbox?limit=0')).status, 400);
      });

      it('pages the inbox newest first', async () => {
        const first = (await (await admin.get('/api/inbox?limit=1')).json()) as InboxResponse;
        assert.equal(first.reports.length, 1);
        assert.ok(first.next);
        const second = (await (await admin.get(`/api/inbox?limit=1&before=${first.next}`)).json()) as InboxResponse;
        assert.ok(second.reports[0]!.seq < first.reports[0]!.seq);
      });

      it('hands the workspace the same inbox as a binary frame, envelopes as bytes', async () => {
        const json = (await (await admin.get('/api/inbox?limit=3')).json()) as InboxResponse;
        const response = await fetch(`${server.url}/api/inbox?limit=3`, { headers: { cookie: admin.cookie, accept: INBOX_FRAME_TYPE } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), INBOX_FRAME_TYPE);
        const frame = decodeInboxFrame(new Uint8Array(await response.arrayBuffer()));
        assert.equal(frame.next, json.next);
        assert.deepEqual(
          frame.reports.map(({ envelope, cache: _, ...facts }) => ({ ...facts, envelope: toBase64Url(envelope) })),
          json.reports,
        );
      });

      it('logs out: the session stops working', async () => {
        const session = await logIn(server);
        assert.equal((await session.post('/api/auth/logout')).status, 204);
        assert.equal((await session.get('/api/inbox')).status, 401);
      });
    });
  });
}

describe('limits that protect the service', () => {
  it('a reporter without JavaScript who hits the rate limit gets the form back, filled in', async () => {
    const server = await startTestServer('sqlite', { VIGIL_INTAKE_PER_MINUTE: '2' });
    try {
      await setUpOrganization(server);
      for (let i = 0; i < 2; i++) assert.equal((await postForm(server, '/report?lang=en', [['story', `report ${i}`]])).status, 200);
      const limited = await postForm(server, '/report?lang=ru', [['story', 'my careful account'], ['city', 'Baku']]);
      assert.equal(limited.status, 429);
      const html = await limited.text();
      assert.match(html, /Слишком много попыток/);
      assert.match(html, /my careful account<\/textarea>/);
      assert.match(html, /value="Baku"/);
      assert.equal(await countReports(server), 2);
      assert.doesNotMatch(server.logs(), /my careful account/);
    } finally {
      await server.close();
    }
  });
});
