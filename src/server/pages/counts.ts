// The public counts page (opt-in): the k-suppressed tables, no script, the organization's neutral
// title. Also rendered as an Atom entry (atom.ts).
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
