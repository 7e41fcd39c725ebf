// Issue 11: what an opened report may be about — the names written in it and the places on record
// it mentions, in any script (src/core/linkage/mentions.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daysApart, namesMentioned, placesMentioned } from '../src/core/linkage/mentions.ts';

describe('names mentioned in a report', () => {
  it('finds runs of two to four capitalised words in any script', () => {
    assert.deepEqual(namesMentioned('Вчера задержали Гасанов Эльвин, его увезли.'), ['Гасанов Эльвин']);
    assert.deepEqual(namesMentioned('my friend Elvin Hasanov was taken'), ['Elvin Hasanov']);
  });

  it('keeps a patronymic and an initial with the name', () => {
    assert.ok(namesMentioned('dostum Həsənov Elvin Rəşad oğlu saxlanılıb').includes('Həsənov Elvin Rəşad oğlu'));
    assert.ok(namesMentioned('the press wrote about E. Hasanov yesterday').includes('E. Hasanov'));
  });

  it('reads a sentence-opening word as possibly not part of the name', () => {
    const names = namesMentioned('Yesterday Elvin Həsənov was taken.');
    assert.ok(names.includes('Elvin Həsənov'), names.join(' | '));
  });

  it('does not run a name over a comma or a full stop, and finds none in lower case', () => {
    assert.deepEqual(namesMentioned('They took Elvin. Police came, Leyla watched.'), []);
    assert.deepEqual(namesMentioned('they took him to the station'), []);
  });

  it('takes each name once, and at most twenty', () => {
    assert.deepEqual(namesMentioned('Leyla Əliyeva called. Later Leyla Əliyeva called again'), ['Leyla Əliyeva', 'Later Leyla Əliyeva', 'Later Leyla']);
    const many = Array.from({ length: 30 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))} Surname${i}`).join(', ');
    assert.equal(namesMentioned(many).length, 20);
  });
});

describe('places mentioned in a report', () => {
  const PLACES = [
    { id: 'binagadi', labels: ['Binagadi district police department', 'Binəqədi rayon polis idarəsi', 'Бинагадинское РУП'] },
    { id: 'umbaki', labels: ['Umbaki detention centre', 'Umbakı saxlama mərkəzi', 'Изолятор Умбаки'] },
    { id: 'nasimi', labels: ['Nasimi district police', 'Nəsimi rayon polisi', 'Насиминское РУП'] },
  ];

  it('by a proper word of any label, spelt in any script', () => {
    assert.deepEqual(placesMentioned('Его держат в Бинагади', PLACES), ['binagadi']);
    assert.deepEqual(placesMentioned('Binəqədi polis şöbəsinə apardılar', PLACES), ['binagadi']);
    assert.deepEqual(placesMentioned('held at binagadi, then moved to Umbakı', PLACES), ['binagadi', 'umbaki']);
  });

  it('not by the common words of a label ("police", "district"), nor by a word that merely starts alike', () => {
    assert.deepEqual(placesMentioned('the district police took him', PLACES), []);
    assert.deepEqual(placesMentioned('Nas', PLACES), []);
  });

  it('counts days between dates', () => {
    assert.equal(daysApart('2026-11-03', '2026-10-31'), 3);
    assert.equal(daysApart('2026-11-01', '2026-11-01'), 0);
  });
});
