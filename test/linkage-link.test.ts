// The engine as one call (src/core/linkage/link.ts): clusters that do not chain, members'
// "different people" decisions kept, matches for a person being added, every suggestion explained.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linkPeople } from '../src/core/linkage/link.ts';
import type { LinkagePerson } from '../src/core/linkage/compare.ts';
import { labelledPeople } from './support/linkage-people.ts';

/** The example among a list of others, so the model has data to fit. */
const background = labelledPeople({ seed: 7, people: 400 }).map((r) => ({ ...r, id: `bg-${r.id}` }));
const elvin: LinkagePerson[] = [
  { id: 'friend', name: 'Гасанов Эльвин', birthYear: 1994, place: 'Binəqədi', eventDate: '2026-11-03' },
  { id: 'lawyer', name: 'Həsənov Elvin Rəşad oğlu', birthYear: 1994, place: 'Binagadi', eventDate: '2026-11-03' },
  { id: 'partner', name: 'Elvin Hasanov', birthYear: 1994, place: 'Бинагади', eventDate: '2026-11-04' },
];
const clusterOf = (linkage: ReturnType<typeof linkPeople>, people: LinkagePerson[], id: string) => linkage.clusterOf[people.findIndex((p) => p.id === id)];

describe('linking a list of people', () => {
  it('puts one person’s Russian, Azerbaijani and English records in one cluster, apart from everyone else', () => {
    const people = [...background, ...elvin];
    const linkage = linkPeople(people);
    const cluster = clusterOf(linkage, people, 'friend');
    assert.equal(clusterOf(linkage, people, 'lawyer'), cluster);
    assert.equal(clusterOf(linkage, people, 'partner'), cluster);
    assert.equal([...linkage.clusterOf].filter((c) => c === cluster).length, 3);
  });

  it('does not chain two people through one ambiguous record ("E. Vəzirzadə")', () => {
    // Two brothers' namesakes born the same year; the initial's record fits either, not both.
    const people = [
      ...background,
      { id: 'elvin', name: 'Elvin Vəzirzadə', birthYear: 1994, place: 'Binagadi', eventDate: '2026-11-03' },
      { id: 'emin', name: 'Emin Vəzirzadə', birthYear: 1994, place: 'Nasimi', eventDate: '2026-10-12' },
      { id: 'initial', name: 'E. Вазирзаде', birthYear: 1994, place: null, eventDate: null },
    ];
    const linkage = linkPeople(people);
    const chance = (a: string, b: string) => linkage.suggestions.find((s) => [s.a, s.b].sort().join() === [a, b].sort().join())?.probability ?? 0;
    // A clusterer that follows every likely pair would put all three together.
    assert.ok(chance('initial', 'elvin') >= 0.5 && chance('initial', 'emin') >= 0.5, `${chance('initial', 'elvin')} ${chance('initial', 'emin')}`);
    assert.ok(chance('elvin', 'emin') < 0.5);
    assert.notEqual(clusterOf(linkage, people, 'elvin'), clusterOf(linkage, people, 'emin'));
  });

  it('never links nor suggests a pair a member decided are different people', () => {
    const people = [...background, ...elvin];
    const linkage = linkPeople(people, { distinct: [['friend', 'lawyer']] });
    assert.notEqual(clusterOf(linkage, people, 'friend'), clusterOf(linkage, people, 'lawyer'));
    assert.ok(!linkage.suggestions.some((s) => [s.a, s.b].sort().join() === 'friend,lawyer'));
    assert.ok(linkage.suggestions.some((s) => [s.a, s.b].sort().join() === 'lawyer,partner'));
  });

  it('explains each suggestion field by field, most likely first', () => {
    const linkage = linkPeople([...background, ...elvin]);
    const pair = linkage.suggestions.find((s) => [s.a, s.b].sort().join() === 'friend,lawyer')!;
    assert.ok(pair.probability > 0.5);
    const verdicts = Object.fromEntries(pair.fields.map((f) => [f.field, f.verdict]));
    assert.deepEqual(verdicts, { surname: 'agrees', given: 'agrees', patronymic: 'unknown', birthYear: 'agrees', place: 'agrees', eventDate: 'agrees' });
    const probabilities = linkage.suggestions.map((s) => s.probability);
    assert.deepEqual(probabilities, [...probabilities].sort((a, b) => b - a));
  });

  it('finds the recorded person a new record may be, before it is saved', () => {
    const linkage = linkPeople([...background, ...elvin.slice(1)]);
    const [best] = linkage.matchesOf(elvin[0]!);
    assert.ok(best && ['lawyer', 'partner'].includes(best.b), JSON.stringify(best));
    assert.equal(best.a, 'friend');
    assert.deepEqual(linkage.matchesOf({ id: 'nobody', name: 'Zzyzx Qwerty', birthYear: 1950 }), []);
  });

  it('takes an empty list, one person, and people without names', () => {
    assert.equal(linkPeople([]).clusterOf.length, 0);
    assert.deepEqual([...linkPeople([elvin[0]!]).clusterOf], [0]);
    // A list of just two records of one person: nothing to learn "different" from but a prior.
    assert.deepEqual([...linkPeople(elvin.slice(0, 2)).clusterOf], [0, 0]);
    const blank = linkPeople([{ id: 'a', name: '' }, { id: 'b', name: '  ' }, { id: 'c', name: '123' }]);
    assert.equal(new Set(blank.clusterOf).size, 3);
  });
});
