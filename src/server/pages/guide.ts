// A "know your rights" or "staying safe" page: the organization's words, no script. Plain text
// turned into paragraphs and lists (src/core/guides/structure.ts), every piece escaped.
import { html, type Raw } from './html.ts';
import { formatsOf, page, type PageContext } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { languageName } from '../../core/i18n/own-name-words.ts';
import { guideWords } from './guide-words.ts';
import { blocksOf, GUIDE_TITLES, languagesWritten, sectionsIn, type Block, type GuideView } from '../../core/guides/structure.ts';

function block(b: Block): Raw {
  if (b.kind === 'paragraph') return html`<p>${b.text}</p>`;
  const items = b.items.map((item) => html`<li>${item}</li>`);
  return b.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
}

export function guidePage(ctx: PageContext, guide: GuideView): string {
  const t = translator(guideWords, ctx.lang);
  const title = GUIDE_TITLES[guide.kind][ctx.lang];
  const sections = sectionsIn(guide, ctx.lang);
  const elsewhere = languagesWritten(guide).filter((l) => ctx.languages.includes(l));
  const body = sections.length
    ? html`${sections.map((s) => html`<section><h2>${s.heading}</h2>${blocksOf(s.body).map(block)}</section>`)}
${guide.updatedDay ? html`<p class="hint">${t('guideUpdated', { when: formatsOf(ctx).day(guide.updatedDay) })}</p>` : ''}`
    : elsewhere.length
      ? html`<p>${t('guideNotInLanguage')}</p><ul>${elsewhere.map((l) => html`<li><a href="/${guide.kind}?lang=${l}" lang="${l}" hreflang="${l}">${languageName(l)}</a></li>`)}</ul>`
      : html`<p>${t('guideEmpty')}</p>`;
  return page(ctx, title, html`<div class="guide"><h1>${title}</h1>${body}</div>`);
}
