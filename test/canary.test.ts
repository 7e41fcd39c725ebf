// Plaintext never reaches disk, logs or the database: reports carrying unique canary strings
// are sent with JavaScript off (server seals) and on (sealed before sending), successfully and
// with errors; then every file in the data folder, the server's log and a pg_dump are searched.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, postForm, setUpOrganization } from './support/org.ts';
import { everythingStored, findPlaintext } from './support/db.ts';
import { SealedKind, sealTo } from '../src/core/crypto/sealed.ts';
import { fromBase64Url, toBase64Url, utf8 } from '../src/core/crypto/bytes.ts';
import { newCodename } from '../src/core/crypto/codename.ts';
import { statusKeyOf } from '../src/core/crypto/status-key.ts';

const USER_AGENT = `CanaryBrowser/${randomBytes(4).toString('hex')}`;

for (const backend of BACKENDS) {
  describe(`no plaintext at rest or in logs (${backend})`, () => {
    let server: TestServer;
    const canaries: string[] = [];
    const canary = (label: string) => {
      const value = `CANARY-${label}-${randomBytes(8).toString('hex')}`;
      canaries.push(value);
      return value;
    };

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
    });
    after(async () => {
      await server?.close();
    });

    it('sends reports carrying canaries, by every path', async () => {
      const headers = { 'user-agent': USER_AGENT };
      // JavaScript off, accepted.
      const ok = await postForm(server, '/report?lang=ru', [['story', canary('story-nojs')], ['contact', canary('contact-nojs')], ['city', canary('city-nojs')], ['what', 'raid']], headers);
      assert.equal(ok.status, 200);
      // The codename the server issued is a secret too: it must not be kept anywhere.
      const issued = /data-codename="(\d+)"/.exec(await ok.text())![1]!;
      canaries.push(issued, issued.replace(/(\d{4})(?=\d)/g, '$1 '));
      assert.equal((await postForm(server, '/status', [['codename', issued]])).status, 200);
      // JavaScript off, refused for a bad field: the form comes back to the reporter, nowhere else.
      const refusedStory = canary('story-refused');
      const refused = await postForm(server, '/report?lang=en', [['story', refusedStory], ['whenExact', 'not a date']], headers);
      assert.equal(refused.status, 400);
      assert.ok((await refused.text()).includes(refusedStory), 'the canary really travelled (and came back to the reporter)');
      // Too large, and broken encoding around a canary.
      assert.equal((await postForm(server, '/report', `story=${canary('story-huge')}${'x'.repeat(300_000)}`, headers)).status, 413);
      assert.equal((await fetch(`${server.url}/report`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.concat([Buffer.from(`story=${canary('story-broken')}`), Buffer.from([0xff])]) })).status, 400);
      // JavaScript on: sealed before sending.
      const html = await (await fetch(`${server.url}/`)).text();
      const key = { publicKey: fromBase64Url(/data-key="([^"]+)"/.exec(html)![1]!)!, keyId: /data-key-id="([^"]+)"/.exec(html)![1]! };
      const answers = { v: 1, lang: 'en', what: ['online'], stillHeld: 'no', story: canary('story-js'), contact: canary('contact-js'), consentPublic: 'no', consentLegal: 'no' };
      const envelope = await sealTo(SealedKind.report, key, utf8(JSON.stringify(answers)));
      const sealed = await fetch(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ v: 1, lang: 'en', envelope: toBase64Url(envelope), statusKey: toBase64Url(await statusKeyOf(newCodename())) }),
      });
      assert.equal(sealed.status, 201);
      // A documenter reads everything (decrypting happens here, in the "browser").
      const admin = await logIn(server);
      assert.equal((await admin.get('/api/inbox')).status, 200);
    });

    it('finds no canary, user agent or client address in any file, log or dump', async () => {
      const haystacks = await everythingStored(server);
      assert.ok(haystacks.some(([name]) => name.endsWith('vigil.sqlite') || name === 'pg_dump'), 'the database itself was searched');
      assert.deepEqual(await findPlaintext(server, [...canaries, USER_AGENT, '127.0.0.1']), []);
      assert.ok(canaries.length >= 9);
    });
  });
}
