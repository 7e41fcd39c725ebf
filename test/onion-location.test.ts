// VIGIL_ONION_URL (issue 15): a public page served at the clearnet address carries
// `Onion-Location: <onion address><path and query>`, so Tor Browser offers the onion service. Not
// on pages that came over the onion port or to the .onion name, not on the Host check's refusal
// (which names nothing of the organization), not on JSON or /healthz.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { setUpOrganization } from './support/org.ts';
import { requestWithHost } from './support/raw-http.ts';
import { freePort } from '../bench/support.ts';
import { configFromEnv } from '../src/server/config.ts';

const ONION_NAME = `${'vigil2onion3address'.padEnd(56, 'x')}.onion`;
const ONION_URL = `http://${ONION_NAME}`;

describe('VIGIL_ONION_URL', () => {
  it('takes a v3 onion address, without a trailing slash, and accepts its name as a Host', () => {
    const config = configFromEnv({ VIGIL_ONION_URL: `${ONION_URL.toUpperCase().replace('HTTP', 'http')}/` });
    assert.equal(config.onionUrl, ONION_URL);
    assert.deepEqual(config.hosts, [ONION_NAME]);
    assert.deepEqual(configFromEnv({ VIGIL_ONION_URL: ONION_URL, VIGIL_HOSTS: ONION_NAME }).hosts, [ONION_NAME], 'not twice');
    assert.equal(configFromEnv({}).onionUrl, null);
  });

  it('refuses anything else with a clear message at start', () => {
    const bad = [
      ONION_NAME, // no scheme
      `https://${ONION_NAME}`,
      `http://${'a'.repeat(16)}.onion`, // a v2 address
      `http://${'a'.repeat(55)}1.onion`, // 1 is not base32
      `http://${ONION_NAME}/path`,
      `http://${ONION_NAME}:8080`,
      'http://notes.example.org',
    ];
    for (const value of bad) assert.throws(() => configFromEnv({ VIGIL_ONION_URL: value }), /VIGIL_ONION_URL must be an onion service's address/, value);
  });
});

for (const backend of BACKENDS) {
  describe(`Onion-Location on ${backend}`, () => {
    let server: TestServer;
    let clearnet: string;
    before(async () => {
      server = await startTestServer(backend, { VIGIL_ONION_URL: ONION_URL, VIGIL_ONION_PORT: String(await freePort()) });
      clearnet = new URL(server.url).host;
      await setUpOrganization(server);
    });
    after(async () => {
      await server?.close();
    });

    it('public pages at the clearnet address name the same page on the onion service', async () => {
      for (const path of ['/', '/status?lang=ru', '/alerts', '/no-such-page']) {
        const response = await requestWithHost(server, clearnet, path);
        assert.equal(response.headers['onion-location'], `${ONION_URL}${path}`, path);
      }
    });

    it('none over the onion port, to the .onion name, on JSON, on /healthz or on the Host check’s refusal', async () => {
      const viaTor = { ...server, url: `http://127.0.0.1:${server.onionPort}` };
      const onionPort = await requestWithHost(viaTor, ONION_NAME, '/status');
      assert.equal(onionPort.status, 200);
      assert.equal(onionPort.headers['onion-location'], undefined, 'over the onion port');
      const onionName = await requestWithHost(server, ONION_NAME, '/status');
      assert.equal(onionName.status, 200, 'the onion name is accepted as a Host');
      assert.equal(onionName.headers['onion-location'], undefined, 'to the .onion name');
      const json = await requestWithHost(server, clearnet, '/api/pow?for=report');
      assert.equal(json.headers['onion-location'], undefined, 'JSON');
      const health = await requestWithHost(server, clearnet, '/healthz');
      assert.equal(health.status, 200);
      assert.equal(health.headers['onion-location'], undefined, '/healthz');
      const refused = await requestWithHost(server, 'attacker.example', '/');
      assert.equal(refused.status, 421);
      assert.equal(refused.headers['onion-location'], undefined, 'the refusal names no onion');
      assert.ok(!refused.body.includes(ONION_NAME));
    });
  });
}
