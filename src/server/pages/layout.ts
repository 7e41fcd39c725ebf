import { html, raw, type Raw } from './html.ts';
import { PUBLIC_CSS } from './style.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { languageName } from '../../core/i18n/own-name-words.ts';
import { layoutWords } from './layout-words.ts';
import { GUIDE_TITLES, type GuideKind } from '../../core/guides/structure.ts';
import { formatMessage, translator, type MessageArgs } from '../../core/i18n/message.ts';
import { formatsFor, type Formats } from '../../core/i18n/format.ts';

export interface PageContext {
  lang: Language;
  /** The neutral public title the organization chose ("Community notes"). */
  siteTitle: string;
  languages: readonly Language[];
  exitUrl: string;
  /** The organization's time zone: every time on a public page is shown in it. */
  timeZone: string;
  /** The path the language links point to (keeps the reporter on the same page). */
  path: string;
  /** Versioned URL of the public script, or null for pages that need none. */
  script: string | null;
  /** Largest attachment accepted, in MB (the evidence form says it). */
  attachmentMb: number;
  /** The organization's "know your rights" / "staying safe" pages that have words, linked below every page. */
  guides?: readonly GuideKind[];
}

/** What the sealing script needs to seal in the browser: the intake public key. */
export interface SealingKey {
  keyId: string;
  publicKey: string;
}

/** A public message with its values, in the page's language (ICU plurals). */
export const say = (ctx: PageContext, message: string, args: MessageArgs): string => formatMessage(ctx.lang, message, args);

/** Dates and times for this page: its language, the organization's zone. */
export const formatsOf = (ctx: PageContext): Formats => formatsFor(ctx.lang, ctx.timeZone);

/** Quick exit: our own neutral page is shown in the reader's language (Tor Browser always asks for English). */
function exitHref(ctx: PageContext): string {
  return ctx.exitUrl.startsWith('/') && !ctx.exitUrl.includes('?') ? `${ctx.exitUrl}?lang=${ctx.lang}` : ctx.exitUrl;
}

export function page(ctx: PageContext, title: string, body: Raw): string {
  const t = translator(layoutWords, ctx.lang);
  const switcher = LANGUAGES.filter((l) => ctx.languages.includes(l)).map((l) =>
    l === ctx.lang
      ? html`<li><span aria-current="true" lang="${l}">${languageName(l)}</span></li>`
      : html`<li><a href="${ctx.path}?lang=${l}" lang="${l}" hreflang="${l}">${languageName(l)}</a></li>`,
  );
  const more = ctx.guides?.length
    ? html`<footer><nav aria-label="${t('moreLinks')}"><ul>${ctx.guides.map((g) => html`<li><a href="/${g}?lang=${ctx.lang}">${GUIDE_TITLES[g][ctx.lang]}</a></li>`)}</ul></nav></footer>`
    : '';
  return html`<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title} · ${ctx.siteTitle}</title><style>${raw(PUBLIC_CSS)}</style></head><body><a class="skip" href="#main">${t('skipToContent')}</a><header><p>${ctx.siteTitle}</p><nav aria-label="${t('languageMenu')}"><ul>${switcher}</ul></nav><a class="exit" id="quick-exit" href="${exitHref(ctx)}" title="${t('quickExitHint')}">${t('quickExit')}</a></header><main id="main">${body}</main>${more}${ctx.script ? html`<script src="${ctx.script}" defer></script>` : ''}</body></html>`.value;
}
