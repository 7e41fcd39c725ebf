// The public counts page (opt-in): the k-suppressed tables, no script, the organization's neutral
// title. Also rendered as an Atom entry.
import { html, type Raw } from './html.ts';
import { formatsOf, page, type PageContext } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { countsWords } from './counts-words.ts';
import type { PublicCounts } from '../../core/transparency/counts.ts';
import type { PublishedTable } from '../../core/transparency/suppress.ts';

export type LabelOf = (table: keyof PublicCounts['tables'], key: string) => string;

type Say = ReturnType<typeof translator<keyof typeof countsWords.en>>;

function table(t: Say, caption: string, data: PublishedTable, label: (key: string) => string): Raw {
  if (data.total === null) return html`<h2>${caption}</h2><p>${t('countsHidden')}</p>`;
  if (data.cells.length === 0) return html``;
  const rows = data.cells.map((c) => html`<tr><th scope="row">${label(c.key)}</th><td>${c.count === null ? t('countsHidden') : c.count}</td></tr>`);
  return html`<table><caption>${caption}</caption><tbody>${rows}</tbody></table>`;
}

export function countsBody(ctx: PageContext, counts: PublicCounts, label: LabelOf, updatedDay: string | null): Raw {
  const t = translator(countsWords, ctx.lang);
  // Nothing documented yet: say so, rather than publish "0" and empty tables.
  if (counts.total === 0) return html`<h1>${t('countsTitle')}</h1><p>${t('countsLead', { k: counts.k })}</p><p>${t('countsNone')}</p>`;
  return html`<h1>${t('countsTitle')}</h1><p>${t('countsLead', { k: counts.k })}</p>
<p><strong>${t('countsTotal')}: ${counts.total === null ? t('countsHidden') : counts.total}</strong></p>
${table(t, t('countsByWeek'), counts.tables.week, (k) => label('week', k))}
${table(t, t('countsByType'), counts.tables.type, (k) => label('type', k))}
${table(t, t('countsByPlace'), counts.tables.place, (k) => label('place', k))}
${table(t, t('countsByStatus'), counts.tables.status, (k) => label('status', k))}
${updatedDay ? html`<p class="hint">${t('countsUpdated', { when: formatsOf(ctx).day(updatedDay) })}</p>` : ''}`;
}

export function countsPage(ctx: PageContext, counts: PublicCounts, label: LabelOf, updatedDay: string | null): string {
  return page(ctx, translator(countsWords, ctx.lang)('countsTitle'), countsBody(ctx, counts, label, updatedDay));
}

/** One Atom entry: the counts as they are now (a reader sees a new entry when they change). */
export function countsFeed(ctx: PageContext, counts: PublicCounts, label: LabelOf, updatedDay: string | null, selfUrl: string): string {
  const t = countsWords[ctx.lang];
  const updated = `${updatedDay ?? '1970-01-01'}T00:00:00Z`;
  const summary = [
    `${t.countsTotal}: ${counts.total ?? t.countsHidden}`,
    ...counts.tables.type.cells.map((c) => `${label('type', c.key)}: ${c.count ?? t.countsHidden}`),
  ].join('\n');
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${ctx.siteTitle}: ${t.countsTitle}</title><id>${selfUrl}</id><updated>${updated}</updated><link rel="self" href="${selfUrl}"/>
<entry><title>${t.countsTitle} · ${updatedDay ?? ''}</title><id>${selfUrl}#${updatedDay ?? 'none'}-${counts.total ?? 'hidden'}</id><updated>${updated}</updated><author><name>${ctx.siteTitle}</name></author><content type="text">${summary}</content></entry>
</feed>`.value;
}
