// DNS rebinding: a page the adversary serves makes its own name resolve to this server and sends
// requests from a member's browser. The browser still sends the adversary's name as Host, so only
// the names Vigil is reached at are answered; anything else gets 421 before it is read, counted
// or stored. Raw requests on loopback, on both databases.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, setUpOrganization } from './support/org.ts';
import { countReports, query } from './support/db.ts';
import { rawExchange, requestWithHost, type RawResponse } from './support/raw-http.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { configFromEnv } from '../src/server/config.ts';
import { allowedHosts } from '../src/server/http/host-check.ts';

const ONION = 'vigilexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

function assertRefused(response: RawResponse, what: string) {
  assert.equal(response.status, 421, what);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `${what}: security headers`);
  assert.equal(response.headers['referrer-policy'], 'no-referrer', `${what}: security headers`);
  assert.equal(response.headers['cache-control'], 'no-store', `${what}: security headers`);
  assert.match(String(response.headers['content-security-policy']), /default-src 'none'/, `${what}: security headers`);
}

describe('the hosts Vigil answers at', () => {
  it('VIGIL_PUBLIC_URL’s host (with or without its default port), VIGIL_HOSTS, loopback names with the listening port', () => {
    const loopback = { address: '127.0.0.1', family: 'IPv4', port: 8080 };
    const hosts = allowedHosts('https://Notes.Example.org', [ONION, 'lan.example:8443'], loopback);
    for (const host of ['notes.example.org', 'notes.example.org:443', ONION, `${ONION}:80`, 'lan.example:8443', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080']) {
      assert.ok(hosts.has(host), host);
    }
    for (const host of ['notes.example.org:8080', 'lan.example', 'localhost', '127.0.0.1:8081', 'attacker.example']) assert.ok(!hosts.has(host), host);
    const everywhere = allowedHosts('http://[2001:db8::1]:8080', [], { address: '::', family: 'IPv6', port: 8080 });
    assert.deepEqual([...everywhere].sort(), ['127.0.0.1:8080', '[2001:db8::1]:8080', '[::1]:8080', 'localhost:8080']);
    const elsewhere = allowedHosts('https://notes.example.org', [], { address: '192.0.2.7', family: 'IPv4', port: 8080 });
    assert.deepEqual([...elsewhere].sort(), ['notes.example.org', 'notes.example.org:443'], 'no loopback names when not listening on loopback');
  });

  it('VIGIL_HOSTS is read as a list of names and refuses what is not one', () => {
    assert.deepEqual(configFromEnv({ VIGIL_HOSTS: ` ${ONION.toUpperCase()} , lan.example:8443,` }).hosts, [ONION, 'lan.example:8443']);
    assert.deepEqual(configFromEnv({}).hosts, []);
    for (const bad of ['http://x.example', 'x.example/path', 'user@x.example', 'x.example:99999', 'x .example']) {
      assert.throws(() => configFromEnv({ VIGIL_HOSTS: bad }), /VIGIL_HOSTS/, bad);
    }
  });
});

for (const backend of BACKENDS) {
  describe(`the Host check on ${backend}`, () => {
    let server: TestServer;
    let port: string;
    const rebound = () => `attacker.example:${port}`;
    before(async () => {
      server = await startTestServer(backend, { VIGIL_HOSTS: ONION, VIGIL_INTAKE_PER_MINUTE: '1', VIGIL_LOGIN_PER_MINUTE: '1' });
      port = new URL(server.url).port;
      // Two of the three languages: the refusal must not read the organization's settings.
      await setUpOrganization(server, ['ru', 'az']);
    });
    after(async () => server?.close());

    it('answers at its own address, the loopback names with its port and the names in VIGIL_HOSTS', async () => {
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, ONION, `${ONION}:80`]) {
        assert.equal((await requestWithHost(server, host, '/alerts.atom')).status, 200, host);
      }
    });

    it('refuses any other Host, a neutral page in the reader’s language, with the security headers', async () => {
      for (const host of [rebound(), 'attacker.example', `127.0.0.1:${Number(port) + 1}`, `127.0.0.1.attacker.example:${port}`, `${ONION}.attacker.example`, '', 'a b', `attacker@127.0.0.1:${port}`]) {
        assertRefused(await requestWithHost(server, host, '/'), JSON.stringify(host));
      }
      const page = await requestWithHost(server, rebound(), '/status', { headers: { 'accept-language': 'en' } });
      assertRefused(page, 'page');
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.ok(page.body.includes('<html lang="en"'), 'in the reader’s language, not one the organization chose');
      assert.ok(page.body.includes(errorWords.en['wrong-host']));
      const api = await requestWithHost(server, rebound(), '/api/auth/kdf?lang=az', { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ email: ADMIN.email }) });
      assertRefused(api, 'api');
      assert.deepEqual(JSON.parse(api.body), { error: { code: 'wrong-host', message: errorWords.az['wrong-host'] } }, 'no KDF salt for the adversary');
    });

    it('X-Forwarded-Host from a client no proxy setting trusts changes nothing', async () => {
      assertRefused(await requestWithHost(server, rebound(), '/', { headers: { 'x-forwarded-host': `127.0.0.1:${port}` } }), 'forwarded');
    });

    it('an HTTP/1.0 request without Host is refused too', async () => {
      const answer = await rawExchange(Number(new URL(server.url).port), 'GET / HTTP/1.0\r\nAccept-Language: ru\r\n\r\n');
      assert.match(answer, /^HTTP\/1\.[01] 421 /);
      assert.match(answer, /\r\nx-content-type-options: nosniff\r\n/i);
      assert.ok(answer.includes(errorWords.ru['wrong-host']));
    });

    it('a rebound POST /report is refused before it is stored or counted', async () => {
      const form = new URLSearchParams([['lang', 'ru'], ['story', 'rebound report'], ['stillHeld', 'no']]).toString();
      for (let i = 0; i < 3; i++) assertRefused(await requestWithHost(server, rebound(), '/report', { method: 'POST', headers: { 'content-type': FORM }, body: form }), 'POST /report');
      assert.equal(await countReports(server), 0);
      // The limit is one a minute: the real reporter is still let in, then the limit holds.
      const own = `127.0.0.1:${port}`;
      assert.equal((await requestWithHost(server, own, '/report', { method: 'POST', headers: { 'content-type': FORM }, body: form })).status, 200);
      assert.equal(await countReports(server), 1);
      assert.equal((await requestWithHost(server, own, '/report', { method: 'POST', headers: { 'content-type': FORM }, body: form })).status, 429);
    });

    it('a rebound POST /api/auth/login is refused before it is checked, logged or counted', async () => {
      const attempt = (host: string, email: string) =>
        requestWithHost(server, host, '/api/auth/login', { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ email, loginKey: 'A'.repeat(43) }) });
      const failures = async () => Number((await query<{ n: number | string }>(server, "select count(*) as n from audit_log where action = 'login.failed'"))[0]!.n);
      for (let i = 0; i < 3; i++) assertRefused(await attempt(rebound(), ADMIN.email), 'POST /api/auth/login');
      assert.equal(await failures(), 0, 'no failed login recorded');
      const own = `127.0.0.1:${port}`;
      assert.equal((await attempt(own, 'nobody@example.org')).status, 401, 'the one login a minute is still there');
      assert.equal((await attempt(own, 'nobody@example.org')).status, 429);
    });
  });
}
