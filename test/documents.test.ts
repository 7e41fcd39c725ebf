// The document pieces on their own: the consent rule, initials, names taken out of free text
// (inflected forms too), HTML escaping, and the PDF renderer's wrapping, page breaks and tables
// (read back through the fonts' ToUnicode maps).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initialsOf, mayQuotePublicly, redactNames, shownName, unNaming } from '../src/core/documents/consent.ts';
import { renderHtml } from '../src/core/documents/html.ts';
import { renderPdf } from '../src/core/documents/pdf.ts';
import { DOCUMENT_FORMAT, heading, list, pairs, paragraph, table, type Document } from '../src/core/documents/model.ts';
import { DOCUMENT_LABELS } from '../src/core/documents/labels.ts';
import { pdfText } from './support/pdf-text.ts';
import { pageFromHash, pagesFor } from '../src/web/app/shell/routes.ts';

const ttf = (name: string) => new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)));
const fonts = { regular: ttf('DejaVuSans.ttf'), bold: ttf('DejaVuSans-Bold.ttf') };
const doc = (blocks: Document['blocks'], language: Document['language'] = 'en'): Document => ({ format: DOCUMENT_FORMAT, language, title: 'Test defenders', subtitle: 'Report', footer: 'Confidential', blocks });

describe('documents', () => {
  it('names a person only with consent to share with UN bodies, and as they asked', () => {
    const cases: [string, string, string][] = [
      ['none', 'name', 'excluded'],
      ['none', 'initials', 'excluded'],
      ['un', 'name', 'name'],
      ['un', 'initials', 'initials'],
      ['public', 'anonymous', 'anonymous'],
      ['public', 'name', 'name'],
      ['something-else', 'name', 'excluded'],
    ];
    for (const [consentSharing, namePreference, naming] of cases) assert.equal(unNaming({ consentSharing, namePreference }), naming, `${consentSharing}/${namePreference}`);
    assert.equal(shownName('Orxan Məmmədov', 'name'), 'Orxan Məmmədov');
    assert.equal(shownName('Orxan Məmmədov', 'initials'), 'O. M.');
    assert.equal(shownName('Orxan Məmmədov', 'anonymous'), null);
    assert.equal(shownName('Orxan Məmmədov', 'excluded'), null);
    assert.equal(initialsOf('руслан алиев-оглы'), 'Р. А.-О.');
    assert.ok(mayQuotePublicly({ consentSharing: 'public' }) && !mayQuotePublicly({ consentSharing: 'un' }));
  });

  it('takes names out of free text, inflected forms included', () => {
    const text = 'Руслана Алиева и Leyla Hüseynova; Leylanın telefonu; Hüseynovanı saxladılar. Alice stays.';
    const out = redactNames(text, [
      { names: ['Руслан Алиев'], replacement: 'Р. А.' },
      { names: ['Leyla Hüseynova'], replacement: '[…]' },
    ]);
    assert.equal(out, 'Р. А. Р. А. и […]; […] telefonu; […] saxladılar. Alice stays.');
  });

  it('escapes every text in the HTML and prints on A4', () => {
    const html = renderHtml(doc([heading('<script>alert(1)</script>'), paragraph('a & b\nnext'), table(['"x"'], [["it's"]]), pairs([['k<', 'v>']]), list(['<i>'])]));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && html.includes('a &amp; b<br>next') && html.includes('&quot;x&quot;') && html.includes('it&#39;s'));
    assert.ok(html.includes('@page{size:A4'));
    assert.throws(() => renderHtml({ ...doc([]), format: 'vigil/document/v0' as never }));
  });

  it('breaks pages, repeats table headers and numbers every page in the document language', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Binəqədi rayon polis idarəsi ${i}`, String(i)]);
    const long = 'Задержаны после переписки в приложении знакомств. '.repeat(40);
    const bytes = await renderPdf(doc([heading('Xülasə'), paragraph(long), table(['Yer', 'Say'], rows)], 'az'), fonts);
    const { pages, lines } = await pdfText(bytes);
    assert.ok(pages >= 3, `${pages} pages`);
    const all = lines.flat();
    for (let i = 0; i < 120; i++) assert.ok(all.includes(`Binəqədi rayon polis idarəsi ${i}`), `row ${i}`);
    assert.ok(all.filter((l) => l === 'Yer').length >= pages - 1, 'the header row starts each page the table runs on');
    lines.forEach((page, i) => assert.ok(page.includes(`Səhifə ${i + 1} / ${pages}`), `page ${i + 1} is numbered`));
    // The wrapped paragraph loses no word.
    assert.equal(all.filter((l) => /Задержаны|приложении|знакомств/.test(l)).join(' ').split('Задержаны').length - 1, 40);
    assert.ok(bytes.length < 200_000, `the fonts are subsets (${bytes.length} bytes)`);
  });

  it('offers the document pages to coordinators and administrators only', () => {
    for (const role of ['admin', 'coordinator'] as const) {
      assert.ok(pagesFor(role).includes('situation') && pagesFor(role).includes('appeal'), role);
      assert.equal(pageFromHash('#appeal', role), 'appeal');
    }
    for (const role of ['documenter', 'viewer'] as const) {
      assert.ok(!pagesFor(role).includes('situation') && !pagesFor(role).includes('appeal'), role);
      assert.equal(pageFromHash('#situation', role), 'inbox');
    }
  });

  it('speaks of people in numbers with Russian plurals that agree', () => {
    // "Ещё N человек/человека …": the noun agrees with the number (ICU plural, CLDR's Russian rules).
    assert.deepEqual([1, 2, 5, 11, 21, 22].map((n) => DOCUMENT_LABELS.ru.un.unnamed(n).split(' ')[2]), ['человек', 'человека', 'человек', 'человек', 'человек', 'человека']);
    assert.equal(DOCUMENT_LABELS.en.un.unnamed(2), '2 further people concerned did not consent to be named and are counted only.');
  });
});
