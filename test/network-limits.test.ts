// The pure rules behind the network's limits: a body's pace, the connection caps, a frame read
// piece by piece.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepsPace } from '../src/server/http/body-pace.ts';
import { connectionLimits, DESCRIPTOR_HEADROOM, trustedProxy } from '../src/server/http/connections.ts';
import { configFromEnv } from '../src/server/config.ts';
import { circuitFromProxyLine } from '../src/server/http/onion.ts';
import { addressKey, clientAddress } from '../src/server/http/client-address.ts';
import { loadServerSecret } from '../src/server/secret.ts';
import { decodeParts, encodeParts, FrameError, FrameReader, FrameTooLarge } from '../src/core/api/parts-frame.ts';

const network = (env: Record<string, string> = {}) => configFromEnv({ VIGIL_DATA: '/tmp/unused', ...env }).network;

describe('a body keeps pace', () => {
  const pace = { bodyGraceSeconds: 10, bodyMinBytesPerSecond: 1000 };
  it('may send nothing during the grace', () => assert.ok(keepsPace(0, 9_999, pace)));
  it('must have averaged the pace over the time after the grace', () => {
    assert.ok(keepsPace(5000, 15_000, pace));
    assert.ok(!keepsPace(4999, 15_000, pace));
  });
  it('a byte every ten seconds falls behind at once after the grace', () => assert.ok(!keepsPace(2, 11_000, pace)));
});

describe('connection caps', () => {
  it('stay the headroom below the open-file limit', () => {
    assert.deepEqual(connectionLimits(network(), 1024), { total: 1024 - DESCRIPTOR_HEADROOM, perClient: 32 });
  });
  it('take the smaller of the setting and the room', () => {
    assert.equal(connectionLimits(network({ VIGIL_MAX_CONNECTIONS: '100' }), 1024).total, 100);
    assert.equal(connectionLimits(network({ VIGIL_MAX_CONNECTIONS: '5000' }), 1024).total, 768);
  });
  it('never let one client hold more than the total', () => {
    assert.equal(connectionLimits(network({ VIGIL_MAX_CONNECTIONS: '10', VIGIL_CONNECTIONS_PER_CLIENT: '50' }), null).perClient, 10);
  });
  it('trust only the proxies named, as addresses or CIDRs', () => {
    const trusted = trustedProxy(network({ VIGIL_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }));
    assert.ok(trusted('127.0.0.1'));
    assert.ok(trusted('10.1.2.3'));
    assert.ok(!trusted('127.0.0.2'));
    assert.ok(!trustedProxy(network())('127.0.0.1'));
  });
  it('refuse a proxy setting they cannot read', () => {
    assert.throws(() => network({ VIGIL_TRUST_PROXY: '10.0.0.0/99' }), /VIGIL_TRUST_PROXY/);
  });
});

describe('a frame read as it arrives', () => {
  const parts = [new Uint8Array([1, 2, 3]), null, new Uint8Array(1000).fill(7)];
  const frame = encodeParts({ files: 3 }, parts);

  it('reads the same whatever the chunks', () => {
    for (const size of [1, 2, 7, 64, frame.length]) {
      const reader = new FrameReader({ parts: () => 3 });
      for (let at = 0; at < frame.length; at += size) reader.push(frame.subarray(at, at + size));
      assert.deepEqual(reader.finish(), decodeParts(frame, () => 3));
    }
    assert.deepEqual(decodeParts(frame, () => 3).parts, parts);
  });

  it('refuses a part longer than allowed before its bytes', () => {
    const seen: number[] = [];
    const reader = new FrameReader({ parts: () => 3, partLimit: (i) => (i === 2 ? 999 : 10), onPart: (i) => seen.push(i) });
    assert.throws(() => reader.push(frame.subarray(0, frame.length - 1000)), FrameTooLarge);
    assert.deepEqual(seen, [0, 1]);
  });

  it('checks each part as soon as it is whole', () => {
    const reader = new FrameReader({ parts: () => 3, onPart: (i) => assert.notEqual(i, 1, 'refused') });
    assert.throws(() => reader.push(frame), /refused/);
  });

  it('refuses a large header, a bad version, trailing and missing bytes', () => {
    assert.throws(() => new FrameReader({ parts: () => 3, headerLimit: 4 }).push(frame), FrameTooLarge);
    assert.throws(() => new FrameReader({ parts: () => 3 }).push(new Uint8Array([2, 0, 0, 0, 1])), FrameError);
    assert.throws(() => decodeParts(new Uint8Array([...frame, 0]), () => 3), /trailing/);
    assert.throws(() => decodeParts(frame.subarray(0, frame.length - 1), () => 3), /truncated/);
    assert.throws(() => decodeParts(new Uint8Array(0), () => 3), /not a frame/);
    assert.throws(() => decodeParts(new Uint8Array([1, 0, 0, 0, 0]), () => 0), /not JSON/);
  });
});

describe('a Tor circuit from a PROXY line', () => {
  it('reads the circuit Tor exports', () => {
    assert.equal(circuitFromProxyLine('PROXY TCP6 fc00:dead:beef:4dad::0:1f ::1 65535 80'), 'fc00:dead:beef:4dad::0:1f');
    assert.equal(circuitFromProxyLine('PROXY TCP6 FC00:DEAD:BEEF:4DAD::ffff:ffff ::1 65535 443'), 'fc00:dead:beef:4dad::ffff:ffff');
  });
  it('refuses any other PROXY line: an address of the visitor’s choosing would be a fresh client', () => {
    for (const line of ['PROXY TCP4 1.2.3.4 5.6.7.8 1 2', 'PROXY TCP6 2001:db8::1 ::1 1 2', 'PROXY UNKNOWN', 'PROXY TCP6 fc00:dead:beef:4dad::0:1 ::1 65535', 'GET / HTTP/1.1']) {
      assert.equal(circuitFromProxyLine(line), null, line);
    }
  });
});

describe('one client', () => {
  it('is an IPv4 address, or an IPv6 /64', () => {
    assert.equal(clientAddress('203.0.113.7'), '203.0.113.7');
    assert.equal(clientAddress('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientAddress('2001:db8:1:2:aaaa::1'), clientAddress('2001:db8:1:2:ffff:1:2:3'));
    assert.notEqual(clientAddress('2001:db8:1:2::1'), clientAddress('2001:db8:1:3::1'));
  });
  it('is held only as a keyed hash, never the address itself', () => {
    const secret = loadServerSecret(join(mkdtempSync(join(tmpdir(), 'vigil-key-')), 'server.secret'));
    const key = addressKey(secret, '203.0.113.7');
    // Not the address in any spelling (a random hex digest may well hold "113" by chance, so the
    // check is on the address's forms, not on its digits).
    const forms = ['203.0.113.7', 'cb007107', 'cb00:7107', Buffer.from('203.0.113.7').toString('hex')];
    for (const form of forms) assert.ok(!key.includes(form), form);
    assert.match(key, /^[0-9a-f]{24,}$/, 'a digest');
    assert.notEqual(addressKey(loadServerSecret(join(mkdtempSync(join(tmpdir(), 'vigil-key-')), 'server.secret')), '203.0.113.7'), key, 'keyed: another server, another key');
    assert.equal(key, addressKey(secret, '::ffff:203.0.113.7'));
    assert.equal(addressKey(secret, '2001:db8:1:2::1'), addressKey(secret, '2001:db8:1:2:ffff::9'));
  });
});
