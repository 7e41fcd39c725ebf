// k-suppression of the public counts: no published cell, and no combination of published numbers
// (the total minus the published cells of a table), reveals a group smaller than k.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disclosureProblems, suppress, type Cell } from '../src/core/transparency/suppress.ts';

const cells = (...counts: number[]): Cell[] => counts.map((count, i) => ({ key: `c${i}`, count }));

describe('k-suppression', () => {
  it('suppresses cells under k and, complementarily, enough others that the total does not give them away', () => {
    const t = suppress(cells(12, 3, 9, 0, 20), 5);
    assert.equal(t.total, 44);
    assert.deepEqual(t.cells.map((c) => c.count), [12, null, null, 0, 20], '3 is withheld, and 9 with it: 3 alone = 44 − 41');
    assert.deepEqual(disclosureProblems(t, 5), []);
  });

  it('withholds a table whose total is under k, and publishes a table with nothing to hide as it is', () => {
    assert.deepEqual(suppress(cells(1, 2), 5), { cells: [{ key: 'c0', count: null }, { key: 'c1', count: null }], total: null });
    assert.deepEqual(suppress(cells(5, 7, 0), 5).cells.map((c) => c.count), [5, 7, 0]);
    assert.throws(() => suppress(cells(5), 2), /at least 3/);
  });

  it('no combination of published numbers reveals a cell under k (random tables)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 2000; round++) {
      const k = 3 + Math.floor(random() * 5);
      const table = cells(...Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.3 ? 0 : Math.floor(random() * 15))));
      const published = suppress(table, k);
      assert.deepEqual(disclosureProblems(published, k), [], JSON.stringify({ k, table, published }));
      // Nothing published differs from the truth.
      published.cells.forEach((c, i) => c.count === null || assert.equal(c.count, table[i]!.count));
    }
  });

  it('the checker catches what a naive publisher would leak', () => {
    assert.deepEqual(disclosureProblems({ cells: [{ key: 'a', count: 10 }, { key: 'b', count: null }], total: 12 }, 5), ['the withheld cells add up to 2 < 5']);
    assert.deepEqual(disclosureProblems({ cells: [{ key: 'a', count: 2 }], total: 2 }, 5), ['cell a = 2 < 5', 'total 2 < 5']);
  });
});

describe('the public counts', async () => {
  const { isoWeek, publicCounts } = await import('../src/core/transparency/counts.ts');

  it('knows ISO weeks, across year ends', () => {
    assert.equal(isoWeek('2026-11-24'), '2026-W48');
    assert.equal(isoWeek('2026-01-01'), '2026-W01');
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
  });

  it('every table partitions the same acts and none reveals a group under k', () => {
    const acts = Array.from({ length: 23 }, (_, i) => ({
      dateStart: i % 4 === 0 ? '2026-11' : `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`,
      datePrecision: i % 4 === 0 ? 'month' : 'day',
      typeCode: i < 15 ? '030102000000' : i < 20 ? '990202000000' : '990205000000',
      placeId: i % 3 === 0 ? null : i % 3 === 1 ? 'p1' : 'p2',
      custody: i < 15 ? (i < 10 ? 'held' : 'released') : null,
    }));
    const counts = publicCounts(acts, 5);
    assert.equal(counts.total, 23);
    for (const [name, table] of Object.entries(counts.tables)) {
      assert.equal(table.total, 23, name);
      assert.deepEqual(disclosureProblems(table, 5), [], name);
    }
    assert.deepEqual(counts.tables.type.cells.map((c) => c.count), [15, null, null], 'home raid (3) is withheld, and entrapment with it');
  });
});
