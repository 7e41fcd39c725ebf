// Issue 11: search that matches across scripts and missing diacritics, in the browser (src/core/linkage/search.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { searchFinds, searchMatcher, searchTextOf, searchWordsOf } from '../src/core/linkage/search.ts';

const FINDS: [query: string, text: string][] = [
  ['sobe', 'Polisin 8-ci şöbəsinə aparıldı'],
  ['SOBE', 'şöbə'],
  ['Гасанов', 'Həsənov Elvin Rəşad oğlu saxlanılıb'],
  ['hasanov', 'Друг пишет: Гасанов Эльвин задержан'],
  ['Həsənova', 'Hasanova Leyla'],
  ['Мамедов', 'Məmmədov'],
  ['mammadov', 'Мамедов Рашад'],
  ['Эльвин', 'Elvin'],
  ['binaqadi', 'Binəqədi rayon polis idarəsi'],
  ['Бинагади', 'held at Binəqədi'],
  ['sumqayit', 'SUMQAYIT'],
  ['baki', 'Bakı şəhəri'],
  ['cingiz', 'Çingiz'],
  // Typing as you go: the start of a word.
  ['Гаса', 'Həsənov'],
  ['ali', 'Əliyev Vüqar'],
  // A typo in a longer word.
  ['hasanof', 'Гасанов'],
  ['Mammadow', 'Məmmədov'],
  // Every word of the query, anywhere.
  ['elvin гасанов', 'Həsənov Elvin'],
  ['3 noyabr', 'saxlanıldı 3 noyabr'],
];

const MISSES: [query: string, text: string][] = [
  // Not in the middle of a word.
  ['ali', 'Natali Vəliyeva'],
  ['sobe', 'Səbət'],
  ['asanov', 'Həsənov'],
  // Different names stay apart, even close ones.
  ['Husanov', 'Həsənov'],
  ['Mahmudov', 'Məmmədov'],
  ['Elnur', 'Elvin'],
  ['Rashad', 'Rəşid'],
  // Every word must be found.
  ['elvin leyla', 'Həsənov Elvin'],
  // Short words are never taken for typos.
  ['alvan', 'Elvin'],
  ['12', '2012'],
];

describe('search across scripts and missing diacritics', () => {
  for (const [query, text] of FINDS) {
    it(`"${query}" finds "${text}"`, () => assert.equal(searchFinds(query, text), true));
  }
  for (const [query, text] of MISSES) {
    it(`"${query}" does not find "${text}"`, () => assert.equal(searchFinds(query, text), false));
  }

  it('folds words of letters and of digits apart, and drops punctuation', () => {
    assert.deepEqual(searchWordsOf('Şöbə №8, "Binəqədi"-2'), ['soba', '8', 'binagadi', '2']);
    assert.equal(searchTextOf('— …'), '');
  });

  it('looks in any of several texts, and lets the caller accept a term of its own ("#12")', () => {
    const match = searchMatcher('#12 şöbə');
    const texts = [searchTextOf('Report'), searchTextOf('8-ci şöbə')];
    assert.equal(match(texts, (raw) => raw === '#12'), true);
    assert.equal(match(texts, (raw) => raw === '#13'), false);
    assert.equal(searchMatcher('elvin')([searchTextOf('Məmmədov'), searchTextOf('Эльвин')]), true);
  });

  it('an empty query (or one of punctuation) finds everything', () => {
    assert.equal(searchMatcher('')([searchTextOf('anything')]), true);
    assert.equal(searchMatcher(' - ')([searchTextOf('anything')]), true);
  });
});
