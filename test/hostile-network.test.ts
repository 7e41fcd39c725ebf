// Issue 10's attacks, each reproduced against a real server on loopback with bounded loops: the
// site goes on serving another client, memory stays bounded, nothing half-stored remains.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './support/server.ts';
import { codenameIn, postForm, setUpOrganization } from './support/org.ts';
import { countReports, query } from './support/db.ts';
import { BACKENDS } from './support/backends.ts';
import { freePort } from '../bench/support.ts';
import { eventually, head, requestFrom, slowFormHead, trickle, type Trickle } from './support/attack.ts';
import { rawExchange } from './support/raw-http.ts';
import { encodeParts } from '../src/core/api/parts-frame.ts';
import { statusKeyOf } from '../src/core/crypto/status-key.ts';
import { sealAttachment } from '../src/core/evidence/attachment.ts';
import { fromBase64Url, toBase64Url } from '../src/core/crypto/bytes.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { strippedImage } from '../src/server/evidence/strip.ts';
import { deflateSync, crc32 } from 'node:zlib';

const ATTACHMENT_TYPE = 'application/vnd.vigil.attachment';
const portOf = (server: TestServer) => Number(new URL(server.url).port);
const ANOTHER_CLIENT = '127.0.0.50';

/** Fast limits so each attack plays out in seconds: grace 2 s, then 512 bytes/s. */
const QUICK = { VIGIL_BODY_GRACE_SECONDS: '2', VIGIL_BODY_MIN_BYTES_PER_SECOND: '512', VIGIL_HEADERS_SECONDS: '3' };

async function stopAll(trickles: Trickle[]) {
  for (const t of trickles) t.stop();
  await Promise.all(trickles.map((t) => t.closed));
}

describe('slow sockets', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { ...QUICK, VIGIL_CONNECTIONS_PER_CLIENT: '20' });
    await setUpOrganization(server);
  });
  after(async () => {
    // No client's address or user agent reached the log, whatever the attacks did.
    assert.doesNotMatch(server.logs(), /127\.0\.0\.(7|8|12|50)\b|user-agent/i);
    await server?.close();
  });

  it('one address holds at most its share; another client is served; the trickles are cut after the grace', async () => {
    const trickles = Array.from({ length: 300 }, () => trickle(portOf(server), '127.0.0.7', slowFormHead(portOf(server), '/report')));
    try {
      // Beyond its 20, the attacker's connections are closed at once.
      assert.ok(await eventually(() => trickles.filter((t) => t.socket.destroyed).length >= 280, 5000), 'the share per address holds');
      const page = await requestFrom(ANOTHER_CLIENT, `${server.url}/status`);
      assert.equal(page.status, 200);
      // The 20 that were let in never keep pace: cut within grace + a sweep.
      assert.ok(await eventually(() => trickles.every((t) => t.socket.destroyed), 8000), 'every trickling body is cut');
      assert.ok(trickles.every((t) => t.closedByServer()));
      // Cut, not answered: each was admitted and then fell behind (or was never let in).
      assert.ok(trickles.every((t) => t.answer() === ''));
      assert.equal(await countReports(server), 0);
    } finally {
      await stopAll(trickles);
    }
  });

  it('past the total, new connections are refused at once (no descriptor is spent), and the site recovers', async () => {
    const capped = await startTestServer('sqlite', { ...QUICK, VIGIL_CONNECTIONS_PER_CLIENT: '20', VIGIL_MAX_CONNECTIONS: '60' });
    const trickles: Trickle[] = [];
    try {
      for (let a = 0; a < 5; a++) for (let i = 0; i < 20; i++) trickles.push(trickle(portOf(capped), `127.0.1.${a + 1}`, slowFormHead(portOf(capped), '/report')));
      // Refused at once (before the 2 s grace could cut anything), and not answered.
      assert.ok(await eventually(() => trickles.filter((t) => t.socket.destroyed).length >= 40, 1500), 'the total holds');
      assert.ok(trickles.filter((t) => t.socket.destroyed).every((t) => t.answer() === ''));
      // Once the trickles are cut, everyone is served again.
      assert.ok(await eventually(() => trickles.every((t) => t.socket.destroyed), 8000));
      assert.equal((await requestFrom(ANOTHER_CLIENT, `${capped.url}/status`)).status, 200);
    } finally {
      await stopAll(trickles);
      await capped.close();
    }
  });

  it('under `ulimit -n 1024`, 1,100 slow sockets from one client leave the server serving others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-fd-'));
    const child = spawn('sh', ['-c', 'ulimit -n 1024 && exec "$0" --import tsx src/server/cli/run.ts start', process.execPath], {
      env: { ...process.env, VIGIL_DATA: dataDir, PORT: '0', ...QUICK },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const trickles: Trickle[] = [];
    try {
      // The summary lines may arrive in a later chunk than the first.
      assert.ok(await eventually(() => /Vigil is running at/.test(output) && /Connections: /.test(output), 30_000), output);
      assert.match(output, /Open files: 1024 allowed \(hard limit 1024\)/);
      assert.match(output, /Connections: at most 768 at once, 32 per client address/);
      const url = /Vigil is running at (\S+)/.exec(output)![1]!;
      const port = Number(new URL(url).port);
      for (let i = 0; i < 1100; i++) trickles.push(trickle(port, '127.0.0.31', slowFormHead(port, '/report')));
      assert.ok(await eventually(() => trickles.filter((t) => t.socket.destroyed).length >= 1100 - 32, 10_000), 'the share per address holds');
      assert.equal((await requestFrom(ANOTHER_CLIENT, `${url}/status`)).status, 200);
      assert.ok(await eventually(() => trickles.every((t) => t.socket.destroyed), 8000), 'every trickling body is cut');
      assert.equal((await requestFrom(ANOTHER_CLIENT, `${url}/status`)).status, 200);
      assert.doesNotMatch(output, /EMFILE/);
    } finally {
      await stopAll(trickles);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('headers that never end are cut after the headers time, with our headers on what is said', async () => {
    const slow = trickle(portOf(server), '127.0.0.8', 'GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 500, 20);
    try {
      assert.ok(await eventually(() => slow.socket.destroyed, 8000), 'cut');
      assert.ok(slow.closedByServer());
      assert.match(slow.answer(), /^HTTP\/1\.1 408[\s\S]*content-security-policy: default-src 'none'/i);
    } finally {
      await stopAll([slow]);
    }
  });

  it('after an early answer, the small rest of a body is drained only while it keeps pace', async () => {
    const port = portOf(server);
    const slow = trickle(port, '127.0.0.12', `${head(port, 'POST /api/inbox/cache HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 10000'])}\r\n{`, 500, 20);
    try {
      assert.ok(await eventually(() => slow.socket.destroyed, 8000), 'cut');
      assert.ok(slow.closedByServer());
      assert.match(slow.answer(), /^HTTP\/1\.1 401/);
      assert.doesNotMatch(slow.answer(), /connection: close/i, 'a small rest may be drained');
    } finally {
      await stopAll([slow]);
    }
  });

  it('answers headers too large with 431 and the headers every answer carries', async () => {
    const socket = connect({ port: portOf(server), host: '127.0.0.1' });
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => undefined);
    socket.write(`GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    await new Promise((r) => socket.once('close', r));
    const head = answer.split('\r\n\r\n')[0]!;
    assert.match(head, /^HTTP\/1\.1 431/);
    assert.match(head, /content-security-policy: default-src 'none'/i);
    assert.match(head, /x-content-type-options: nosniff/i);
    assert.match(head, /cache-control: no-store/i);
    assert.match(head, /referrer-policy: no-referrer/i);
  });
});

/** A reporter's sealed upload frame (as the public script builds it) for the report `codename` names. */
async function reporterFrame(server: TestServer, codename: string, bytes: Uint8Array): Promise<Uint8Array> {
  const page = await (await fetch(`${server.url}/?lang=en`)).text();
  const key = { publicKey: fromBase64Url(/data-key="([^"]+)"/.exec(page)![1]!)!, keyId: /data-key-id="([^"]+)"/.exec(page)![1]! };
  const id = crypto.randomUUID();
  const sealed = await sealAttachment(id, { name: 'photo.pdf', type: 'application/pdf', bytes }, null, key);
  return encodeParts({ v: 1, statusKey: toBase64Url(await statusKeyOf(codename)), files: [{ id, size: bytes.length }] }, [sealed.keyEnvelope, sealed.meta, sealed.original, sealed.working, sealed.receipt]);
}

/** Sends only the head of a POST declaring `length` bytes; resolves with the status the server answered. */
function declareOnly(server: TestServer, path: string, length: number, type = ATTACHMENT_TYPE): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type, 'content-length': String(length) } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
      req.destroy();
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.flushHeaders();
  });
}

for (const backend of BACKENDS) {
  describe(`anonymous uploads on ${backend}`, () => {
    let server: TestServer;
    let codename: string;
    before(async () => {
      server = await startTestServer(backend, { ...QUICK, VIGIL_ATTACHMENT_MB: '1', VIGIL_UPLOAD_MEMORY_MB: '3' });
      await setUpOrganization(server);
      codename = codenameIn(await (await postForm(server, '/report?lang=en', [['story', 'they took my friend']])).text());
    });
    after(() => server?.close());

    const attachments = async () => (await query<{ n: number | string }>(server, 'select count(*) as n from attachments'))[0]!.n;

    it('refuses 400 MB bodies on their declared length, before reading them; memory stays put', async () => {
      const rssBefore = process.memoryUsage().rss;
      const answers = await Promise.all([declareOnly(server, '/api/evidence', 400e6), declareOnly(server, '/api/evidence', 400e6), declareOnly(server, '/status/evidence', 400e6, 'multipart/form-data; boundary=x')]);
      for (const a of answers) assert.equal(a.status, 413);
      assert.ok(process.memoryUsage().rss - rssBefore < 100e6, 'no body was buffered');
      assert.equal(Number(await attachments()), 0);
    });

    it('refuses the public forms’ and API’s oversized bodies on their declared length too', async () => {
      const answers = await Promise.all([
        declareOnly(server, '/report', 50e6, 'application/x-www-form-urlencoded'),
        declareOnly(server, '/api/reports', 50e6, 'application/json'),
        declareOnly(server, '/status', 50e6, 'application/x-www-form-urlencoded'),
        declareOnly(server, '/api/auth/login', 50e6, 'application/json'),
      ]);
      assert.deepEqual(answers.map((a) => a.status), [413, 413, 413, 413]);
      assert.equal(await countReports(server), 1);
    });

    it('refuses a body without a declared length (411), in the reader’s language', async () => {
      const chunked = await requestFrom('127.0.0.1', `${server.url}/status/evidence?lang=ru`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' }, body: '--x--\r\n' });
      assert.equal(chunked.status, 411);
      assert.ok(chunked.body.includes(errorWords.ru['length-required']));
    });

    it('refuses a frame at its first bad piece: too many files, a part longer than its file', async () => {
      const tooMany = encodeParts({ v: 1, statusKey: 'x'.repeat(43), files: Array.from({ length: 6 }, () => ({ id: crypto.randomUUID(), size: 1 })) }, []);
      const res = await fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: tooMany as BodyInit });
      assert.equal(res.status, 400);
      const good = await reporterFrame(server, codename, new Uint8Array(1000).fill(1));
      // The same frame claiming a 10-byte file: its 1,000-byte sealed copy is refused by length.
      const header = JSON.parse(new TextDecoder().decode(good.subarray(5, 5 + new DataView(good.buffer, good.byteOffset).getUint32(1))));
      header.files[0].size = 10;
      const lying = encodeParts(header, []);
      const rest = good.subarray(5 + new DataView(good.buffer, good.byteOffset).getUint32(1));
      const res2 = await fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: Buffer.concat([lying, rest]) as BodyInit });
      assert.equal(res2.status, 413);
      assert.equal(Number(await attachments()), 0);
    });

    it('refuses an unknown codename once the header has arrived, without reading the files', async () => {
      const frame = await reporterFrame(server, '0'.repeat(28), new Uint8Array(900_000).fill(4));
      const head = frame.subarray(0, 5 + new DataView(frame.buffer, frame.byteOffset).getUint32(1));
      // Only the header is sent: the answer comes without the rest of the body.
      const answer = await new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE, 'content-length': String(frame.length) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write(head);
      });
      assert.equal(answer, 404);
    });

    it('takes a sound upload', async () => {
      const res = await fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: (await reporterFrame(server, codename, new Uint8Array(5000).fill(2))) as BodyInit });
      assert.equal(res.status, 201);
      assert.equal(Number(await attachments()), 1);
    });

    it('one upload in flight per client: holding the memory takes as many clients as uploads', async () => {
      const slowUpload = `${head(portOf(server), 'POST /api/evidence HTTP/1.1', [`Content-Type: ${ATTACHMENT_TYPE}`, 'Content-Length: 10000'])}\r\n\u0001`;
      const slow = trickle(portOf(server), '127.0.0.11', slowUpload);
      try {
        await new Promise((r) => setTimeout(r, 300));
        const second = await requestFrom('127.0.0.11', `${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: new Uint8Array(100) });
        assert.equal(second.status, 503);
        const other = await requestFrom(ANOTHER_CLIENT, `${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: await reporterFrame(server, codename, new Uint8Array(2000).fill(5)) });
        assert.equal(other.status, 201);
      } finally {
        await stopAll([slow]);
      }
    });

    it('two slow uploads hold the memory only until they fall behind; then others upload again', async () => {
      const before = Number(await attachments());
      const slowUpload = (n: number) => `${head(portOf(server), 'POST /api/evidence HTTP/1.1', [`Content-Type: ${ATTACHMENT_TYPE}`, `Content-Length: ${n}`])}\r\n\u0001`;
      // 1.3 MB each: two fit in the 3 MB for uploads, a third does not.
      const slow = [trickle(portOf(server), '127.0.0.9', slowUpload(1_300_000)), trickle(portOf(server), '127.0.0.10', slowUpload(1_300_000))];
      try {
        await new Promise((r) => setTimeout(r, 300));
        const busy = await requestFrom(ANOTHER_CLIENT, `${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: new Uint8Array(1_000_000) });
        assert.equal(busy.status, 503);
        assert.ok(busy.headers['retry-after']);
        assert.ok(await eventually(() => slow.every((t) => t.socket.destroyed), 8000), 'slow uploads lose their place');
        assert.ok(slow.every((t) => t.closedByServer() && t.answer() === ''));
        const res = await fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': ATTACHMENT_TYPE }, body: (await reporterFrame(server, codename, new Uint8Array(3000).fill(3))) as BodyInit });
        assert.equal(res.status, 201);
        assert.equal(Number(await attachments()), before + 1);
      } finally {
        await stopAll(slow);
      }
    });
  });
}

describe('behind a proxy (VIGIL_TRUST_PROXY)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { VIGIL_TRUST_PROXY: '127.0.0.1', VIGIL_INTAKE_PER_MINUTE: '2', VIGIL_CONNECTIONS_PER_CLIENT: '3' });
    await setUpOrganization(server);
  });
  after(async () => {
    assert.doesNotMatch(server.logs(), /203\.0\.113\.|198\.51\.100\.|127\.0\.0\.(20|21)\b/);
    await server?.close();
  });

  const report = (from: string, forwardedFor?: string) =>
    requestFrom(from, `${server.url}/report?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: 'story=seen+at+the+station',
    });

  it('counts each forwarded client on its own: one client’s flood does not stop another’s report', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await report('127.0.0.1', '203.0.113.1')).status, 200);
    assert.equal((await report('127.0.0.1', '203.0.113.1')).status, 429);
    assert.equal((await report('127.0.0.1', '203.0.113.2')).status, 200);
  });

  it('believes X-Forwarded-For only from the trusted proxy', async () => {
    for (let i = 0; i < 2; i++) await report('127.0.0.20', `198.51.100.${i}`);
    // A fresh forwarded address does not buy a stranger a fresh count.
    assert.equal((await report('127.0.0.20', '198.51.100.99')).status, 429);
  });

  it('a trusted proxy may hold many connections; others only their share', async () => {
    const held = Array.from({ length: 6 }, () => trickle(portOf(server), '127.0.0.1', 'GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n', 1000, 3));
    const stranger = Array.from({ length: 6 }, () => trickle(portOf(server), '127.0.0.21', 'GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n', 1000, 3));
    try {
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(held.filter((t) => t.socket.destroyed).length, 0);
      assert.equal(stranger.filter((t) => t.socket.destroyed).length, 3);
    } finally {
      await stopAll([...held, ...stranger]);
    }
  });

  it('behind the onion service’s own port, visitors are many connections but one client, whatever they forward', async () => {
    const onion = await startTestServer('sqlite', { VIGIL_TRUST_PROXY: '127.0.0.1', VIGIL_INTAKE_PER_MINUTE: '2', VIGIL_CONNECTIONS_PER_CLIENT: '3', VIGIL_ONION_PORT: String(await freePort()) });
    const held: Trickle[] = [];
    try {
      await setUpOrganization(onion);
      const viaTor = `http://127.0.0.1:${onion.onionPort}`;
      const post = (forwardedFor: string) => requestFrom('127.0.0.1', `${viaTor}/report?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor }, body: 'story=seen' });
      for (let i = 0; i < 2; i++) assert.equal((await post(`203.0.113.${i}`)).status, 200);
      // A visitor's own X-Forwarded-For buys no fresh count, nor a PROXY line of their own making.
      assert.equal((await post('203.0.113.77')).status, 429);
      const forged = await rawExchange(onion.onionPort!, `PROXY TCP6 fc00:dead:beef:4dad::0:99 ::1 65535 80\r\n${head(onion.onionPort!, 'GET /status HTTP/1.1', ['Connection: close'])}\r\n`);
      assert.match(forged, /^HTTP\/1\.1 400/);
      for (let i = 0; i < 6; i++) held.push(trickle(onion.onionPort!, '127.0.0.1', 'GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n', 1000, 3));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(held.filter((t) => t.socket.destroyed).length, 0);
    } finally {
      await stopAll(held);
      await onion.close();
    }
  });

  it('with Tor’s circuit ids (HiddenServiceExportCircuitID haproxy), each circuit is a client of its own', async () => {
    const onion = await startTestServer('sqlite', { VIGIL_INTAKE_PER_MINUTE: '2', VIGIL_CONNECTIONS_PER_CLIENT: '3', VIGIL_ONION_PORT: String(await freePort()), VIGIL_ONION_CIRCUIT_IDS: '1' });
    const held: Trickle[] = [];
    try {
      await setUpOrganization(onion);
      const port = onion.onionPort!;
      const proxyLine = (circuit: number) => `PROXY TCP6 fc00:dead:beef:4dad::0:${circuit.toString(16)} ::1 65535 80\r\n`;
      const form = 'story=seen';
      const post = (circuit: number) =>
        rawExchange(port, `${proxyLine(circuit)}${head(port, 'POST /report?lang=en HTTP/1.1', ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${form.length}`, 'Connection: close'])}\r\n${form}`);
      for (let i = 0; i < 2; i++) assert.match(await post(7), /^HTTP\/1\.1 200/);
      assert.match(await post(7), /^HTTP\/1\.1 429/);
      // Another circuit is another visitor.
      assert.match(await post(8), /^HTTP\/1\.1 200/);
      // One circuit holds only its share of connections.
      for (let i = 0; i < 5; i++) held.push(trickle(port, '127.0.0.1', `${proxyLine(9)}GET /status HTTP/1.1\r\n`, 1000, 3));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(held.filter((t) => t.socket.destroyed).length, 2);
      // A PROXY line that is not Tor's is refused, and so is a connection without one.
      assert.equal(await rawExchange(port, 'PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r\nGET /status HTTP/1.1\r\n\r\n'), '');
      assert.equal(await rawExchange(port, `${head(port, 'GET /status HTTP/1.1', ['Connection: close'])}\r\n`), '');
    } finally {
      await stopAll(held);
      await onion.close();
    }
  });

  it('counts the onion port’s connections and the main port’s in one total', async () => {
    const both = await startTestServer('sqlite', { VIGIL_MAX_CONNECTIONS: '8', VIGIL_ONION_PORT: String(await freePort()) });
    const held: Trickle[] = [];
    try {
      for (let i = 0; i < 8; i++) held.push(trickle(both.onionPort!, '127.0.0.1', 'GET /status HTTP/1.1\r\n', 1000, 3));
      await new Promise((r) => setTimeout(r, 300));
      const main = trickle(portOf(both), '127.0.0.40', 'GET /status HTTP/1.1\r\n', 1000, 3);
      held.push(main);
      assert.ok(await eventually(() => main.socket.destroyed, 2000), 'the main port is full too');
      assert.equal(held.filter((t) => t.socket.destroyed).length, 1);
    } finally {
      await stopAll(held);
      await both.close();
    }
  });

  it('refuses to start with a VIGIL_TRUST_PROXY it cannot read', async () => {
    await assert.rejects(startTestServer('sqlite', { VIGIL_TRUST_PROXY: 'nginx.local' }), /VIGIL_TRUST_PROXY must be addresses or CIDRs/);
  });
});

/** A valid PNG of `width` × `height` black grey pixels: a few hundred KB that unpack to width × height bytes. */
function blackPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * height), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

describe('a picture that unpacks to far more than its size (no JavaScript: the server strips it)', () => {
  it('gets no working copy above 50 megapixels, without being decoded; a small one still does', async () => {
    const bomb = blackPng(10_000, 6_000);
    assert.ok(bomb.length < 1_000_000, `${bomb.length} bytes`);
    assert.equal(await strippedImage(bomb), null);
    const small = await strippedImage(blackPng(100, 100));
    assert.equal(small?.type, 'image/png');
  });
});
