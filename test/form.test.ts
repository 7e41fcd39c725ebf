import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answersFromForm, fieldsFromEntries } from '../src/core/report/form.ts';
import { parseFormBody } from '../src/server/http/form-body.ts';
import { HttpError } from '../src/server/http/errors.ts';
import { pickLanguage } from '../src/core/i18n/index.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { ownNameWords } from '../src/core/i18n/own-name-words.ts';
import { stillHeldWords, whatHappenedWords } from '../src/core/i18n/report-choice-words.ts';
import { intakeWords, receiptWords } from '../src/server/pages/intake-words.ts';
import { layoutWords } from '../src/server/pages/layout-words.ts';
import { statusWords } from '../src/server/pages/status-words.ts';
import { evidenceWords } from '../src/server/pages/evidence-words.ts';
import { countsWords } from '../src/server/pages/counts-words.ts';
import { guideWords } from '../src/server/pages/guide-words.ts';
import { errorPageWords, exitPageWords } from '../src/server/pages/error-page-words.ts';
import { alertsWords } from '../src/server/pages/alerts-words.ts';
import { alertMailWords } from '../src/server/alerts/mail-words.ts';

const fields = (entries: [string, string][]) => fieldsFromEntries(entries);

describe('form answers', () => {
  it('keeps what was said and drops empty fields', () => {
    const result = answersFromForm(fields([['what', 'detained'], ['what', 'detained'], ['city', '  Baku '], ['place', ''], ['people', '12'], ['stillHeld', 'yes']]), 'az');
    assert.ok(result.ok);
    assert.deepEqual(result.answers, { v: 1, lang: 'az', what: ['detained'], city: 'Baku', people: 12, stillHeld: 'yes', consentPublic: 'no', consentLegal: 'no' });
  });

  it('defaults to the safe choices: consent no, still held unknown', () => {
    const result = answersFromForm(fields([['story', 'x']]), 'en');
    assert.ok(result.ok);
    assert.equal(result.answers.consentPublic, 'no');
    assert.equal(result.answers.consentLegal, 'no');
    assert.equal(result.answers.stillHeld, 'unknown');
  });

  it('names each problem by field and code', () => {
    const result = answersFromForm(fields([['what', 'x'], ['whenExact', '2026-13-01'], ['people', '0'], ['stillHeld', 'perhaps'], ['city', 'c'.repeat(201)]]), 'en');
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => `${e.field}:${e.code}`).sort(),
      ['city:too-long', 'people:bad-number', 'stillHeld:unknown-choice', 'what:unknown-choice', 'whenExact:bad-date'],
    );
  });
});

describe('strict form bodies', () => {
  it('parses repeated names, plus signs and UTF-8', () => {
    const body = parseFormBody(Buffer.from('what=a&what=b&story=%D0%B4%D0%B0+yes&empty='));
    assert.deepEqual([...body], [['what', ['a', 'b']], ['story', ['да yes']], ['empty', ['']]]);
  });

  it('refuses broken UTF-8 and broken escapes instead of guessing', () => {
    for (const raw of [Buffer.from([0x61, 0x3d, 0xff]), Buffer.from('a=%ZZ'), Buffer.from('a=%C3%28')]) {
      assert.throws(() => parseFormBody(raw), (e) => e instanceof HttpError && e.code === 'bad-encoding');
    }
  });

  it('bounds the number of fields', () => {
    assert.throws(() => parseFormBody(Buffer.from(Array.from({ length: 100 }, (_, i) => `f${i}=1`).join('&'))), HttpError);
  });
});

describe('languages', () => {
  it('explicit choice, then Accept-Language by quality, then the first offered', () => {
    assert.equal(pickLanguage('ru', 'az', ['az', 'ru', 'en']), 'ru');
    assert.equal(pickLanguage('de', 'en-GB;q=0.5, ru;q=0.8', ['az', 'ru', 'en']), 'ru');
    assert.equal(pickLanguage(undefined, 'fr', ['az', 'en']), 'az');
    assert.equal(pickLanguage('ru', undefined, ['az', 'en']), 'az', 'a language the organization does not offer');
  });

  it('every language has every message', () => {
    const publicCatalogs = [errorWords, ownNameWords, whatHappenedWords, stillHeldWords, intakeWords, receiptWords, layoutWords, statusWords, evidenceWords, countsWords, guideWords, errorPageWords, exitPageWords, alertsWords, alertMailWords];
    for (const words of publicCatalogs) {
      const en = Object.keys(words.en).sort();
      for (const lang of ['az', 'ru'] as const) assert.deepEqual(Object.keys(words[lang]).sort(), en);
    }
  });
});
