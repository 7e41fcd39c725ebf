import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newCodename, parseCodename, formatCodename, CODENAME_DIGITS } from '../src/core/crypto/codename.ts';
import { statusKeyOf, STATUS_KEY_PARAMS } from '../src/core/crypto/status-key.ts';
import { serverStatusKey } from '../src/server/intake/service.ts';

describe('receipt codenames', () => {
  it('have 28 digits, at least 80 random bits, and read back as typed', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const c = newCodename();
      assert.match(c, /^\d{28}$/);
      seen.add(c);
      assert.deepEqual(parseCodename(formatCodename(c)), { ok: true, digits: c });
      assert.deepEqual(parseCodename(` ${c.slice(0, 10)}-${c.slice(10)} `), { ok: true, digits: c });
    }
    assert.equal(seen.size, 500);
    assert.ok((CODENAME_DIGITS - 1) * Math.log2(10) >= 80);
    assert.match(formatCodename(newCodename()), /^(\d{4} ){6}\d{4}$/);
  });

  it('spreads digits evenly (no modulo bias)', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 2000; i++) for (const d of newCodename().slice(0, 27)) counts[Number(d)]++;
    const expected = (2000 * 27) / 10;
    for (const n of counts) assert.ok(Math.abs(n - expected) < expected * 0.1, `${n} vs ${expected}`);
  });

  it('catches every single wrong digit and every swap of neighbours', () => {
    const c = newCodename();
    for (let i = 0; i < c.length; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === c[i]) continue;
        assert.deepEqual(parseCodename(c.slice(0, i) + d + c.slice(i + 1)), { ok: false, reason: 'typo' });
      }
      if (i + 1 < c.length && c[i] !== c[i + 1]) {
        assert.deepEqual(parseCodename(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2)), { ok: false, reason: 'typo' });
      }
    }
  });

  it('accepts Arabic-Indic and full-width digits, refuses letters and wrong lengths', () => {
    const c = newCodename();
    const arabic = [...c].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
    const fullWidth = [...c].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    assert.deepEqual(parseCodename(arabic), { ok: true, digits: c });
    assert.deepEqual(parseCodename(fullWidth), { ok: true, digits: c });
    assert.deepEqual(parseCodename(c.slice(1)), { ok: false, reason: 'length' });
    assert.deepEqual(parseCodename(`${c}a`), { ok: false, reason: 'length' });
    assert.deepEqual(parseCodename(''), { ok: false, reason: 'length' });
  });

  it('the browser (hash-wasm) and the server (node:crypto) derive the same status key', async () => {
    const c = newCodename();
    const browser = await statusKeyOf(c);
    assert.equal(browser.length, STATUS_KEY_PARAMS.length);
    assert.deepEqual(Buffer.from(browser), await serverStatusKey(c));
  });
});
