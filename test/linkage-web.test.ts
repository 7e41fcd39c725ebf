// The workspace's linkage helpers without a browser: a suggestion's explanation in plain words,
// the review list's pairs and groups and how a decision changes it at once, merges followed down
// a chain, the first act, the sealed year of birth, other names, who sees the page, and that a
// lock ends linkage: nothing linked or asked after it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reasonsLine, reasonsOf, type Side } from '../src/web/app/linkage/reasons.ts';
import { olderOf, reviewItems, withDifferent, withMerge, withUndo } from '../src/web/app/linkage/review.ts';
import { firstActs, splitNames, survivorOf } from '../src/web/app/linkage/people.ts';
import { LinkChannel } from '../src/web/app/linkage/link-channel.ts';
import { LinkSession, type LinkReply } from '../src/web/app/linkage/link-session.ts';
import { Linker } from '../src/web/app/linkage/linker.ts';
import type { Vault } from '../src/web/app/session/vault.ts';
import { birthYearField, yearOf } from '../src/web/app/records/birth-year.ts';
import { pageFromHash, pagesFor } from '../src/web/app/shell/routes.ts';
import { pairKey } from '../src/core/linkage/decisions.ts';
import type { Explanation, Field } from '../src/core/linkage/compare.ts';
import type { LinkRun } from '../src/web/app/linkage/review.ts';
import type { LinkageRecord } from '../src/web/app/linkage/people.ts';

const fields = (verdicts: Partial<Record<Field, Explanation['verdict']>>): Explanation[] =>
  (['surname', 'given', 'patronymic', 'birthYear', 'place', 'eventDate'] as const).map((field) => ({ field, verdict: verdicts[field] ?? 'unknown', weight: 1 }));
const side = (name: string, placeId: string | null = 'p1', held = true): Side => ({ name, placeId, held });
const places = (id: string) => ({ p1: 'Binagadi police' })[id] ?? '?';

describe('reasons in plain words', () => {
  it('says a name agrees across scripts, the birth year, and where and when', () => {
    const reasons = reasonsOf({ fields: fields({ surname: 'agrees', given: 'agrees', birthYear: 'agrees', place: 'agrees', eventDate: 'agrees' }) }, side('Həsənov Elvin'), side('Гасанов Эльвин'), places);
    assert.deepEqual(reasons, { alike: ['same name in Latin and Cyrillic', 'same birth year', 'held at Binagadi police on the same day'], differ: [] });
    assert.equal(reasonsLine(reasons), 'same name in Latin and Cyrillic, same birth year, held at Binagadi police on the same day');
  });

  it('tells spellings, closeness and disagreement apart, and says nothing of what is unknown', () => {
    const reasons = reasonsOf({ fields: fields({ surname: 'agrees', given: 'close', patronymic: 'disagrees', birthYear: 'close', place: 'disagrees', eventDate: 'close' }) }, side('Hasanov E.'), side('Həsənov Elvin'), places);
    assert.deepEqual(reasons, { alike: ['same surname', 'similar given name or initial', 'birth years a year apart', 'within a few days'], differ: ["different father's name", 'different places'] });
    assert.equal(reasonsLine(reasons), "same surname, similar given name or initial, birth years a year apart, within a few days; but different father's name, different places");
    assert.deepEqual(reasonsOf({ fields: fields({ surname: 'agrees', given: 'agrees' }) }, side('Elvin Hasanov'), side('Hasanov Elvin'), places).alike, ['same name, spelt differently']);
    assert.deepEqual(reasonsOf({ fields: fields({ place: 'agrees' }) }, side('A', 'p1', true), side('B', 'p1', false), places).alike, ['at Binagadi police'], '"held" only when both were held');
  });
});

describe('the review list', () => {
  const person = (id: string, createdAt: string): LinkageRecord => ({ id, name: id, code: `P-${id}`, version: 1, createdAt, placeId: null, held: false, alsoRecordedAs: [] });
  const suggestion = (a: string, b: string, probability: number) => ({ a, b, probability, fields: fields({}) });
  const people = [person('a', '2026-01-01'), person('b', '2026-01-02'), person('c', '2026-01-03'), person('d', '2026-01-04'), person('e', '2026-01-05')];
  const run: LinkRun = {
    people,
    byId: new Map(people.map((p) => [p.id, p])),
    clusterOf: Int32Array.from([0, 0, 0, 1, 2]),
    suggestions: [],
    pairsCompared: 4,
    decisions: { merges: [], distinct: [] },
  };

  it('gathers a cluster into one group, keeps lone pairs apart, most likely first, skipping what was skipped', () => {
    const open = [suggestion('c', 'a', 0.7), suggestion('d', 'e', 0.95), suggestion('a', 'b', 0.9), suggestion('b', 'd', 0.4)];
    const items = reviewItems(run, open, new Set([pairKey('b', 'd')]));
    assert.deepEqual(
      items.map((i) => [i.ids, i.pairs.map((p) => p.probability)]),
      [
        [['d', 'e'], [0.95]],
        [['a', 'b', 'c'], [0.9, 0.7]],
      ],
    );
  });

  it('keeps the older record by default', () => {
    assert.equal(olderOf(run, 'c', 'a'), 'a');
    assert.equal(olderOf(run, 'd', 'e'), 'd');
  });

  it('changes at once as decisions are made: a merge drops every pair of the merged record, an undo is shown undone', () => {
    const shown = { ...run, suggestions: [suggestion('a', 'b', 0.9), suggestion('b', 'c', 0.8), suggestion('d', 'e', 0.7)] };
    const merge = { id: 'm1', survivorId: 'a', mergedId: 'b', survivorCode: 'P-a', mergedCode: 'P-b', createdAt: '2026-11-05T10:00:00Z', createdBy: 'doc@example.org', undone: false };
    const merged = withMerge(shown, merge);
    assert.deepEqual(merged.suggestions.map((s) => `${s.a}${s.b}`), ['de']);
    assert.deepEqual(merged.decisions.merges, [merge]);
    assert.equal(shown.suggestions.length, 3, 'the run it came from is left as it was');
    assert.deepEqual(withUndo(merged, 'm1').decisions.merges.map((m) => m.undone), [true]);
    assert.deepEqual(withDifferent(merged, 'd', 'e').decisions.distinct, [{ a: 'd', b: 'e' }]);
  });
});

describe('merges and first acts', () => {
  it('follows a merge down a chain: A into B and B into C is C, so "A is not X" stays "C is not X"', () => {
    const mergedInto = new Map([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    assert.equal(survivorOf('a', mergedInto), 'c');
    assert.equal(survivorOf('c', mergedInto), 'c');
    assert.equal(survivorOf('loop', new Map([['loop', 'loop']])), 'loop', 'a cycle ends');
  });

  it("takes each person's earliest dated act, undated ones last, the first listed of one day", () => {
    const acts = [
      { id: 1, person: 'p', day: null },
      { id: 2, person: 'p', day: '2026-11-03' },
      { id: 3, person: 'p', day: '2026-11-01' },
      { id: 4, person: 'p', day: '2026-11-01' },
      { id: 5, person: 'q', day: null },
    ];
    const first = firstActs(acts, (a) => a.person, (a) => a.day);
    assert.deepEqual([first.get('p')!.id, first.get('q')!.id], [3, 5]);
  });
});

describe('a lock ends linkage', () => {
  const person = { id: 'x', name: 'Həsənov Elvin' };

  it('the session forgets its linked list', () => {
    const replies: LinkReply[] = [];
    const session = new LinkSession((reply) => replies.push(reply));
    session.handle({ type: 'link', job: 1, people: [person, { id: 'y', name: 'Гасанов Эльвин' }], distinct: [] });
    session.handle({ type: 'forget' });
    session.handle({ type: 'matches', job: 2, person, limit: 1 });
    assert.deepEqual(replies.at(-1), { type: 'failed', job: 2, message: 'No list has been linked yet.' });
  });

  it('a stopped channel sends nothing more, and a request still queued when it stopped is not run', async () => {
    const channel = new LinkChannel(() => undefined);
    const queued = channel.ask({ type: 'link', job: 0, people: [person], distinct: [] });
    await Promise.resolve(); // the channel has started (on this thread: Node has no Web Worker)
    channel.stop();
    await assert.rejects(queued, /locked/);
    await assert.rejects(channel.ask({ type: 'matches', job: 0, person, limit: 1 }), /locked/);
  });

  it('a forgotten Linker neither links nor keeps anything', async () => {
    const vault = { isOpen: true } as Vault;
    const linker = new Linker(vault);
    linker.forget();
    await assert.rejects(linker.run(), /locked/);
    await assert.rejects(linker.matchesOf(person), /locked/);
    assert.equal(linker.last, null);
  });
});

describe('sealed identity fields', () => {
  it('takes a year of birth of four digits or none, with a clear message otherwise', () => {
    assert.equal(birthYearField(' 1996 '), 1996);
    assert.equal(birthYearField(''), null);
    assert.throws(() => birthYearField('96'), /four digits/);
    assert.throws(() => birthYearField('1996a'), /four digits/);
    assert.equal(yearOf('1850'), null);
    assert.equal(yearOf(2001), 2001);
  });

  it('reads other names one per line or ;-separated, commas kept inside a name', () => {
    assert.deepEqual(splitNames('Гасанов Эльвин; Hasanov, Elvin\nE. Hasanov;;'), ['Гасанов Эльвин', 'Hasanov, Elvin', 'E. Hasanov']);
    assert.deepEqual(splitNames(undefined), []);
  });
});

describe('who sees Possible duplicates', () => {
  it('documenters and above; viewers (who cannot read names) neither in the bar nor by address', () => {
    for (const role of ['admin', 'coordinator', 'documenter'] as const) assert.ok(pagesFor(role).includes('duplicates'), role);
    assert.ok(!pagesFor('viewer').includes('duplicates'));
    assert.equal(pageFromHash('#duplicates', 'viewer'), 'inbox');
  });
});
