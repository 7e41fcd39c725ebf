// The public alerts pages (no script, the organization's neutral title): the list with the
// subscribe form, one alert, the confirm and unsubscribe steps (the Atom feed: atom.ts).
import { html, type Raw } from './html.ts';
import { formatsOf, page, type PageContext } from './layout.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { translator } from '../../core/i18n/message.ts';
import { errorText, type ErrorCode } from '../../core/i18n/error-words.ts';
import { languageName } from '../../core/i18n/own-name-words.ts';
import { paragraphs, type AlertTexts } from '../../core/alerts/schemas.ts';
import { alertsWords } from './alerts-words.ts';

export interface PublicAlert {
  id: string;
  texts: AlertTexts;
  publishedAt: string;
  correctedAt: string | null;
}

/** The language to show an alert in: the reader's if written in it, else the first written. */
export function shownLanguage(texts: AlertTexts, lang: Language): Language {
  return texts[lang] ? lang : LANGUAGES.find((l) => texts[l])!;
}


function bodyOf(body: string): Raw[] {
  return paragraphs(body).map((lines) => html`<p>${lines.map((line, i) => (i ? [html`<br>`, line] : line))}</p>`);
}

function dateLine(ctx: PageContext, alert: PublicAlert): Raw {
  const a = translator(alertsWords, ctx.lang);
  return html`<p class="hint">${a('published', { when: formatsOf(ctx).dateTime(alert.publishedAt) })}${alert.correctedAt ? html` · ${a('corrected', { when: formatsOf(ctx).dateTime(alert.correctedAt) })}` : ''}</p>`;
}

function article(ctx: PageContext, alert: PublicAlert, level: 'h1' | 'h2'): Raw {
  const lang = shownLanguage(alert.texts, ctx.lang);
  const text = alert.texts[lang]!;
  const title = level === 'h1' ? html`<h1>${text.title}</h1>` : html`<h2><a href="/alerts/${alert.id}?lang=${ctx.lang}">${text.title}</a></h2>`;
  return html`<article lang="${lang}">${title}${dateLine(ctx, alert)}${bodyOf(text.body)}</article>`;
}

export interface SubscribeFormState {
  email?: string;
  languages?: Language[];
  error?: ErrorCode;
}

function subscribeForm(ctx: PageContext, mail: boolean, state: SubscribeFormState): Raw {
  const a = translator(alertsWords, ctx.lang);
  if (!mail) return html`<section aria-labelledby="subscribe-title"><h2 id="subscribe-title">${a('subscribeTitle')}</h2><p>${a('mailOff')}</p></section>`;
  const chosen = state.languages ?? [ctx.lang];
  const boxes = ctx.languages.map(
    (l) => html`<div class="choice"><input type="checkbox" id="lang-${l}" name="languages" value="${l}"${chosen.includes(l) ? html` checked` : ''}><label for="lang-${l}" lang="${l}">${languageName(l)}</label></div>`,
  );
  const error = state.error ? html`<p class="error" id="email-error" role="alert">${errorText(ctx.lang, state.error)}</p>` : '';
  return html`<section aria-labelledby="subscribe-title"><h2 id="subscribe-title">${a('subscribeTitle')}</h2><p class="hint" id="subscribe-hint">${a('subscribeLead')}</p>
<form method="post" action="/alerts/subscribe"><input type="hidden" name="lang" value="${ctx.lang}">
<label for="email">${a('email')}</label><input type="email" id="email" name="email" required maxlength="254" autocomplete="email" value="${state.email ?? ''}" aria-describedby="subscribe-hint${state.error ? ' email-error' : ''}"${state.error ? html` aria-invalid="true"` : ''}>${error}
<fieldset><legend>${a('languages')}</legend>${boxes}</fieldset>
<p><button type="submit">${a('subscribe')}</button></p></form></section>`;
}

export function alertsPage(ctx: PageContext, alerts: PublicAlert[], mail: boolean, state: SubscribeFormState = {}): string {
  const a = translator(alertsWords, ctx.lang);
  const list = alerts.length ? alerts.map((alert) => article(ctx, alert, 'h2')) : html`<p>${a('none')}</p>`;
  return page(
    ctx,
    a('title'),
    html`<h1>${a('title')}</h1><p>${a('lead')} <a href="/alerts.atom?lang=${ctx.lang}">${a('feed')}</a></p>${list}${subscribeForm(ctx, mail, state)}`,
  );
}

export function alertPage(ctx: PageContext, alert: PublicAlert): string {
  const a = translator(alertsWords, ctx.lang);
  const lang = shownLanguage(alert.texts, ctx.lang);
  const others = LANGUAGES.filter((l) => l !== lang && alert.texts[l]).map((l) => html` <a href="/alerts/${alert.id}?lang=${l}" lang="${l}" hreflang="${l}">${languageName(l)}</a>`);
  return page(
    ctx,
    alert.texts[lang]!.title,
    html`${article(ctx, alert, 'h1')}${others.length ? html`<p>${a('alsoIn')}${others}</p>` : ''}<p><a href="/alerts?lang=${ctx.lang}">${a('all')}</a></p>`,
  );
}

/** A page with one message and, for confirm and unsubscribe, the button that does it (a link alone never changes anything). */
export function alertStepPage(ctx: PageContext, step: 'check-inbox' | 'confirm' | 'confirmed' | 'unsubscribe' | 'unsubscribed', action?: string): string {
  const a = translator(alertsWords, ctx.lang);
  const [title, lead, button]: [string, string, string | null] = {
    'check-inbox': [a('checkInbox'), a('checkInboxLead'), null],
    confirm: [a('confirmTitle'), a('confirmLead'), a('confirm')],
    confirmed: [a('confirmedTitle'), a('confirmedLead'), null],
    unsubscribe: [a('unsubscribeTitle'), a('unsubscribeLead'), a('unsubscribe')],
    unsubscribed: [a('unsubscribedTitle'), a('unsubscribedLead'), null],
  }[step] as [string, string, string | null];
  const form = button && action ? html`<form method="post" action="${action}"><input type="hidden" name="lang" value="${ctx.lang}"><p><button type="submit">${button}</button></p></form>` : '';
  return page(ctx, title, html`<h1>${title}</h1><p>${lead}</p>${form}<p><a href="/alerts?lang=${ctx.lang}">${a('all')}</a></p>`);
}
