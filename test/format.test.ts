// Dates, numbers and relative times in the reader's language and the organization's zone; and the
// Azerbaijani fallback for runtimes without az data (Debian's Chromium), checked against Node's
// full ICU, which has it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatsFor, isTimeZone } from '../src/core/i18n/format.ts';
import { azerbaijani, runtimeKnowsAzerbaijani } from '../src/core/i18n/az-fallback.ts';

describe('formats', () => {
  it('shows an instant in the organization\'s zone, a calendar day as it is, in each language', () => {
    const iso = '2026-11-20T22:30:00Z';
    assert.equal(formatsFor('en', 'Asia/Baku').dateTime(iso), 'Nov 21, 2026, 02:30', 'Baku is UTC+4: already the next day');
    assert.equal(formatsFor('ru', 'UTC').dateTime(iso), '20 нояб. 2026 г., 22:30');
    assert.equal(formatsFor('az', 'Asia/Baku').date(iso), '21 noy 2026');
    assert.equal(formatsFor('ru', 'Asia/Baku').day('2026-11-20'), '20 нояб. 2026 г.', 'a day is not moved by the zone');
    assert.equal(formatsFor('en', 'Asia/Baku').day('2026-11'), 'November 2026');
    assert.equal(formatsFor('en', 'Asia/Baku').day('2026'), '2026');
    assert.equal(formatsFor('ru', 'UTC').number(12345.5), '12\u00a0345,5');
    assert.equal(formatsFor('en', 'Not/AZone').timeZone, 'UTC', 'an unknown zone falls back to UTC');
    assert.equal(formatsFor('en').dateTime('not a time'), 'not a time');
  });

  it('says how far off a time is', () => {
    const now = Date.UTC(2026, 10, 20, 12);
    assert.equal(formatsFor('en').relative(new Date(now + 3 * 3600_000).toISOString(), now), 'in 3 hours');
    assert.equal(formatsFor('ru').relative(new Date(now - 5 * 86400_000).toISOString(), now), '5 дней назад');
    assert.equal(formatsFor('en').relative(new Date(now + 3 * 86400_000).toISOString(), now), 'in 3 days');
  });

  it('knows a time zone from a made-up one', () => {
    assert.ok(isTimeZone('Asia/Baku'));
    for (const bad of ['Mars/Olympus', '', 'x'.repeat(65), 42, null]) assert.ok(!isTimeZone(bad), String(bad));
  });

  it('writes Azerbaijani without the runtime\'s az data exactly as full ICU does', () => {
    assert.ok(runtimeKnowsAzerbaijani(), 'Node has full ICU: the reference to compare with');
    const full = {
      dateTime: new Intl.DateTimeFormat('az-Latn', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Baku', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat('az-Latn', { dateStyle: 'medium', timeZone: 'Asia/Baku' }),
      month: new Intl.DateTimeFormat('az-Latn', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      number: new Intl.NumberFormat('az-Latn', { maximumFractionDigits: 1 }),
      relative: new Intl.RelativeTimeFormat('az-Latn', { numeric: 'auto' }),
    };
    for (let month = 0; month < 12; month++) {
      const d = new Date(Date.UTC(2026, month, 3 + month, 7 + month, 5 * month));
      assert.equal(azerbaijani.dateTime(d, 'Asia/Baku'), full.dateTime.format(d));
      assert.equal(azerbaijani.date(d, 'Asia/Baku'), full.date.format(d));
      assert.equal(azerbaijani.month(d), full.month.format(d));
    }
    for (const n of [0, 7, 1234.5, 1_234_567]) assert.equal(azerbaijani.numbers().format(n), full.number.format(n));
    for (const unit of ['minute', 'hour', 'day'] as const) for (const v of [-5, -1, 0, 1, 12]) assert.equal(azerbaijani.relative(v, unit), full.relative.format(v, unit), `${v} ${unit}`);
  });
});
