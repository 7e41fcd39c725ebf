// The dates of custody: calendar days, expected release, appeal deadlines, the board's order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, appealDeadline, byUrgency, daysBetween, expectedRelease, isDay, urgencyLevel, type HeldPerson } from '../src/core/records/custody.ts';
import { partialDate } from '../src/core/records/schemas.ts';
import { ACT_TYPES, LOCAL_CODE } from '../src/core/records/vocabulary.ts';

describe('custody dates', () => {
  it('knows real calendar days', () => {
    for (const day of ['2026-11-01', '2028-02-29', '2026-12-31']) assert.ok(isDay(day), day);
    for (const day of ['2026-02-29', '2026-13-01', '2026-11-31', '26-11-01', '2026-1-1', '']) assert.ok(!isDay(day), day);
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2026-11-01', 30), '2026-12-01');
    assert.equal(addDays('2026-12-20', 15), '2027-01-04');
    assert.equal(addDays('2028-02-15', 15), '2028-03-01');
    assert.equal(daysBetween('2026-11-01', '2026-12-01'), 30);
  });

  it('computes the expected release from the custody start or a recorded sentence start', () => {
    const base = { decision: 'detention', detentionDays: 30, sentenceStart: null, custodyStart: '2026-11-01' };
    assert.equal(expectedRelease(base), '2026-12-01');
    assert.equal(expectedRelease({ ...base, sentenceStart: '2026-11-03' }), '2026-12-03');
    assert.equal(expectedRelease({ ...base, decision: 'fine' }), null);
    assert.equal(expectedRelease({ ...base, custodyStart: null }), null, 'unknown start: no date is invented');
    assert.equal(appealDeadline('2026-11-02', 10), '2026-11-12');
    assert.equal(appealDeadline('2026-11-02', null), null);
  });

  it('orders the currently-held board by urgency', () => {
    const p = (over: Partial<HeldPerson>): HeldPerson => ({ status: 'held', lawyerAccess: 'yes', decision: 'detention', custodyStart: '2026-11-01', expectedRelease: '2026-12-01', ...over });
    const unknown = p({ status: 'unknown' });
    const noLawyer = p({ lawyerAccess: 'none' });
    const pending = p({ decision: 'pending', expectedRelease: null });
    const longest = p({ custodyStart: '2026-10-01' });
    const soonest = p({ expectedRelease: '2026-11-20' });
    assert.deepEqual([urgencyLevel(unknown), urgencyLevel(noLawyer), urgencyLevel(pending), urgencyLevel(longest)], [0, 1, 2, 3]);
    assert.deepEqual([soonest, longest, pending, noLawyer, unknown].sort(byUrgency), [unknown, noLawyer, pending, longest, soonest]);
  });
});

describe('record vocabularies and dates', () => {
  it('has unique act codes: ESF codes as the standard gives them, local ones under 99', () => {
    assert.equal(new Set(ACT_TYPES.map((a) => a.code)).size, ACT_TYPES.length);
    for (const a of ACT_TYPES) {
      assert.match(a.code, /^\d{12}$/);
      assert.equal(a.source === 'local', LOCAL_CODE.test(a.code), a.code);
      for (const label of Object.values(a.labels)) assert.ok(label.length > 0);
    }
    assert.equal(ACT_TYPES.find((a) => a.code === '030101000000')!.labels.en, 'Arrest');
  });

  it('accepts a date only as precise as its precision says', () => {
    for (const ok of [{ date: '2026-11-03', precision: 'day' }, { date: '2026-11', precision: 'month' }, { date: '2026', precision: 'year' }, { date: null, precision: 'unknown' }]) assert.ok(partialDate.safeParse(ok).success, JSON.stringify(ok));
    for (const bad of [{ date: '2026-11', precision: 'day' }, { date: '2026-11-03', precision: 'year' }, { date: '2026', precision: 'unknown' }, { date: null, precision: 'day' }, { date: '2026-13', precision: 'month' }]) assert.ok(!partialDate.safeParse(bad).success, JSON.stringify(bad));
  });
});

describe('a person’s timeline', async () => {
  const { timelineOf } = await import('../src/web/app/records/timeline.ts');
  it('orders custody, transfers, sentence and release, with unknown days last', () => {
    const acts = [
      { id: 'a1', code: 'A-0001', typeCode: '030102000000', dateStart: '2026-11-01' },
      { id: 'a2', code: 'A-0002', typeCode: '990202000000', dateStart: '2026-11-02' },
      { id: 'a3', code: 'A-0003', typeCode: '990101000000', dateStart: null },
    ];
    const detentions = new Map([['a1', { custodyStart: '2026-11-01', decision: 'detention', decisionDate: '2026-11-02', detentionDays: 30, fineAmount: null, expectedRelease: '2026-12-01', releasedOn: null, status: 'held' }]]);
    const transfers = new Map([['a1', [{ toPlaceId: 'p2', onDay: '2026-11-03' }]]]);
    const steps = timelineOf(acts, detentions, transfers, (id: string) => (id === 'p2' ? 'the dispensary' : '?'), (code) => ACT_TYPES.find((t) => t.code === code)?.labels.en ?? code).map((e) => `${e.day} ${e.text}`);
    assert.deepEqual(steps, [
      '2026-11-01 Detention: taken into custody',
      '2026-11-02 Forced medical or venereal examination',
      '2026-11-02 Sentenced to 30 days',
      '2026-11-03 Transferred to the dispensary',
      '2026-12-01 Expected release',
      'null Threats',
    ]);
  });
});
