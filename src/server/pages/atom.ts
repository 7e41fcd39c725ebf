// The public Atom feeds (RFC 4287): the alerts, one entry each in the reader's language where
// written, and the counts, one entry for the numbers as they are now. Times to the hour (the
// counts' to the day), as on the pages.
//
// Written with the pages' escaping builder, not the `feed` package (issue 16 measured it): feed 6
// writes no xml:lang (neither on the feed nor on an entry, so a reader could not tell a Russian
// entry from an English one), writes every title and content as type="html" in CDATA (plain text
// would have to become HTML), and escapes only the first "]]>" of a text, so a title holding two
// ends its CDATA and writes markup into the feed.
import { html, type Raw } from './html.ts';
import type { PageContext } from './layout.ts';
import { shownLanguage, type PublicAlert } from './alerts.ts';
import type { LabelOf } from './counts.ts';
import { alertsWords } from './alerts-words.ts';
import { countsWords } from './counts-words.ts';
import type { Language } from '../../core/i18n/languages.ts';
import type { PublicCounts } from '../../core/transparency/counts.ts';

interface AtomEntry {
  /** Set when the entry's language may differ from the feed's. */
  lang?: Language;
  title: string;
  id: string;
  /** The page the entry stands for. */
  link?: string;
  published?: string;
  updated: string;
  author: string;
  /** Plain text (type="text"): line breaks kept, no markup. */
  content: string;
}

interface AtomFeed {
  lang?: Language;
  title: string;
  /** The feed's own address, which is also its id. */
  self: string;
  updated: string;
  /** The page the feed stands for. */
  alternate?: string;
  entries: AtomEntry[];
}

const optional = (value: string | undefined, markup: (value: string) => Raw): Raw | '' => (value === undefined ? '' : markup(value));

function atomEntry(entry: AtomEntry): Raw {
  return html`<entry${optional(entry.lang, (l) => html` xml:lang="${l}"`)}><title>${entry.title}</title><id>${entry.id}</id>${optional(entry.link, (href) => html`<link rel="alternate" type="text/html" href="${href}"/>`)}${optional(entry.published, (at) => html`<published>${at}</published>`)}<updated>${entry.updated}</updated><author><name>${entry.author}</name></author><content type="text">${entry.content}</content></entry>`;
}

function atomFeed(feed: AtomFeed): string {
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${optional(feed.lang, (l) => html` xml:lang="${l}"`)}><title>${feed.title}</title><id>${feed.self}</id><updated>${feed.updated}</updated><link rel="self" href="${feed.self}"/>${optional(feed.alternate, (href) => html`<link rel="alternate" type="text/html" href="${href}"/>`)}
${feed.entries.map(atomEntry)}
</feed>`.value;
}

/** One entry per alert, in the reader's language where written; the feed updated with the latest publication or correction. */
export function alertsFeed(ctx: PageContext, alerts: PublicAlert[], base: string): string {
  const updated = alerts.reduce((latest, x) => [x.publishedAt, x.correctedAt ?? ''].reduce((m, v) => (v > m ? v : m), latest), '1970-01-01T00:00:00Z');
  return atomFeed({
    lang: ctx.lang,
    title: `${ctx.siteTitle}: ${alertsWords[ctx.lang].title}`,
    self: `${base}/alerts.atom`,
    updated,
    alternate: `${base}/alerts`,
    entries: alerts.map((alert) => {
      const lang = shownLanguage(alert.texts, ctx.lang);
      const text = alert.texts[lang]!;
      return { lang, title: text.title, id: `urn:uuid:${alert.id}`, link: `${base}/alerts/${alert.id}?lang=${lang}`, published: alert.publishedAt, updated: alert.correctedAt ?? alert.publishedAt, author: ctx.siteTitle, content: text.body };
    }),
  });
}

/** One entry: the counts as they are now (a reader sees a new entry when they change). */
export function countsFeed(ctx: PageContext, counts: PublicCounts, label: LabelOf, updatedDay: string | null, selfUrl: string): string {
  const t = countsWords[ctx.lang];
  const updated = `${updatedDay ?? '1970-01-01'}T00:00:00Z`;
  const summary = [
    `${t.countsTotal}: ${counts.total ?? t.countsHidden}`,
    ...counts.tables.type.cells.map((c) => `${label('type', c.key)}: ${c.count ?? t.countsHidden}`),
  ].join('\n');
  return atomFeed({
    title: `${ctx.siteTitle}: ${t.countsTitle}`,
    self: selfUrl,
    updated,
    entries: [{ title: `${t.countsTitle} · ${updatedDay ?? ''}`, id: `${selfUrl}#${updatedDay ?? 'none'}-${counts.total ?? 'hidden'}`, updated, author: ctx.siteTitle, content: summary }],
  });
}
