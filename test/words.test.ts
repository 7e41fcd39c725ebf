// Every word Vigil shows is in a catalog, in az, ru and en, in one convention (ICU MessageFormat):
// a key missing in a language, an argument one language forgets, a plural form Russian lacks, a
// message that does not parse, or English typed into a workspace component fails here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES } from '../src/core/i18n/message.ts';
import { LANGUAGES, type Language } from '../src/core/i18n/languages.ts';
import { scanSource, scanWorkspace } from './support/words-scan.ts';
import { allCatalogs } from './support/words-check.ts';

const root = join(import.meta.dirname, '..');

interface Shape {
  args: Set<string>;
  plurals: { arg: string; forms: Set<string> }[];
}

/** A message's arguments and plural forms, from FormatJS's own parse (throws on bad syntax). */
function shapeOf(message: string, language: Language): Shape {
  const shape: Shape = { args: new Set(), plurals: [] };
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const el of elements) {
      if ('value' in el && el.type !== 0 && typeof el.value === 'string') shape.args.add(el.value);
      if ('options' in el) {
        if (el.type === 6 && !('pluralType' in el && el.pluralType === 'ordinal')) shape.plurals.push({ arg: el.value, forms: new Set(Object.keys(el.options)) });
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if ('children' in el) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, LOCALES[language], undefined, { ignoreTag: true }).getAst());
  return shape;
}

function checkMessages(name: string, byLanguage: Record<Language, Record<string, string>>): string[] {
  const problems: string[] = [];
  const keys = Object.keys(byLanguage.en);
  for (const language of LANGUAGES) {
    const own = Object.keys(byLanguage[language]);
    for (const k of keys) if (!own.includes(k)) problems.push(`${name}: "${k}" missing in ${language}`);
    for (const k of own) if (!keys.includes(k)) problems.push(`${name}: "${k}" in ${language} but not in en`);
  }
  for (const key of keys) {
    const shapes = new Map<Language, Shape>();
    for (const language of LANGUAGES) {
      const message = byLanguage[language][key];
      if (typeof message !== 'string') continue;
      if (language !== 'en' && message.trim() === '' && byLanguage.en[key]!.trim() !== '') problems.push(`${name}.${key}: empty in ${language}`);
      try {
        shapes.set(language, shapeOf(message, language));
      } catch (error) {
        problems.push(`${name}.${key} (${language}) does not parse: ${(error as Error).message}`);
      }
    }
    const en = shapes.get('en');
    for (const [language, shape] of shapes) {
      if (en && [...shape.args].sort().join() !== [...en.args].sort().join()) problems.push(`${name}.${key}: ${language} uses {${[...shape.args]}} but en {${[...en.args]}}`);
      const needed = new Intl.PluralRules(LOCALES[language]).resolvedOptions().pluralCategories;
      for (const plural of shape.plurals) {
        const missing = needed.filter((form) => !plural.forms.has(form));
        if (missing.length) problems.push(`${name}.${key} (${language}): {${plural.arg}, plural} lacks ${missing.join(', ')}`);
      }
    }
  }
  return problems;
}

describe('words', () => {
  it('every catalog has every key in az, ru and en, the same arguments, and every plural form each language needs', async () => {
    const found = await allCatalogs();
    assert.ok(found.length > 0, 'no catalog found');
    // The public pages', the emails' and the documents' catalogs are checked with the workspace's.
    const names = new Set(found.map((f) => f.name));
    for (const name of ['src/core/i18n/error-words.ts#errorWords', 'src/server/pages/intake-words.ts#intakeWords', 'src/server/pages/alerts-words.ts#alertsWords', 'src/server/alerts/mail-words.ts#alertMailWords'])
      assert.ok(names.has(name), `${name} is not seen`);
    const problems = found.flatMap(({ name, words }) => checkMessages(name, words as Record<Language, Record<string, string>>));
    assert.deepEqual(problems, []);
  });

  it('the check itself catches a missing plural form, a forgotten argument and a missing key', () => {
    const problems = checkMessages('sample', {
      en: { people: '{count, plural, one {# person} other {# people}}', when: 'On {day}', only: 'Only here' },
      ru: { people: '{count, plural, one {# человек} other {# человека}}', when: 'Когда-то' },
      az: { people: '{count, plural, other {# nəfər}}', when: '{day} tarixində', only: 'Yalnız burada' },
    } as unknown as Record<Language, Record<string, string>>);
    assert.ok(problems.some((p) => p.includes('"only" missing in ru')));
    assert.ok(problems.some((p) => p.includes('sample.when: ru uses {}')));
    assert.ok(problems.some((p) => p.includes('(ru): {count, plural} lacks few, many')));
    // CLDR gives Azerbaijani "one" and "other" (the noun reads the same; the check still wants both).
    assert.ok(problems.some((p) => p.includes('(az): {count, plural} lacks one')));
  });

  it('no English typed into a workspace component: every shown word comes from a catalog', () => {
    const findings = scanWorkspace(join(root, 'src/web/app'), root);
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.text}`),
      [],
    );
  });

  it('the scan itself finds text, shown attributes and prose literals, and passes keys, classes and paths', () => {
    const source = [
      "import { x } from './words.ts';",
      'export const A = () => <p class="hint wide" title="Opens the report">Hello there</p>;',
      "const B = () => <button aria-label={t('close')} onClick={() => api('/api/reports')}>{busy ? 'Saving…' : t('save')}</button>;",
      "const C = (s: string) => (s === 'Still held' ? setError('The inbox could not be loaded.') : null);",
      "const D = () => document.querySelector('#Main form');",
      "const E = 'Quiet line'; // not words",
    ].join('\n');
    assert.deepEqual(
      scanSource('sample.tsx', source).map((f) => `${f.line} ${f.text}`),
      ['2 Opens the report', '2 Hello there', '3 Saving…', '4 The inbox could not be loaded.'],
    );
  });
});
