import { html, type Raw } from './html.ts';
import { formatsOf, page, type PageContext, type SealingKey } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { errorText, type ErrorCode } from '../../core/i18n/error-words.ts';
import { statusWords } from './status-words.ts';
import { layoutWords } from './layout-words.ts';
import { evidenceForm } from './evidence.ts';

export interface StatusView {
  reports: { receivedHour: string; read: boolean }[];
  /** The conversation, opened in server memory for this one request (JS off), or null if none is possible. */
  messages: { from: 'team' | 'reporter'; hour: string; text: string }[] | null;
  /** Echoed into the answer and delete forms, so the reporter need not type it again. */
  codename: string;
  notice?: 'answerSent';
}


function conversation(ctx: PageContext, view: StatusView): Raw | '' {
  if (!view.messages) return '';
  const t = translator(statusWords, ctx.lang);
  const items = view.messages.map(
    (m) => html`<li class="message ${m.from}"><p class="hint">${m.from === 'team' ? t('teamSaid') : t('youSaid')} · ${formatsOf(ctx).dateTime(m.hour)}</p><p class="text">${m.text}</p></li>`,
  );
  return html`<section aria-labelledby="messages-title"><h2 id="messages-title">${t('conversationTitle')}</h2>
${view.messages.length ? html`<ol class="messages">${items}</ol>` : html`<p>${t('noMessages')}</p>`}
${view.notice === 'answerSent' ? html`<p role="status"><strong>${t('answerSent')}</strong></p>` : ''}
<form method="post" action="/status/answer?lang=${ctx.lang}" accept-charset="utf-8">
<input type="hidden" name="lang" value="${ctx.lang}"><input type="hidden" name="codename" value="${view.codename}">
<label for="answer">${t('answerLabel')}</label><textarea id="answer" name="answer" maxlength="20000" required></textarea>
<p><button type="submit">${t('sendAnswer')}</button></p></form></section>`;
}

export function statusPage(ctx: PageContext, result?: { error?: ErrorCode; view?: StatusView; deleted?: boolean }, key?: SealingKey): string {
  const t = translator(statusWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  const error = result?.error;
  const view = result?.view;
  const reports = view?.reports.map(
    (r) => html`<li><p>${t('statusReceived', { when: formatsOf(ctx).dateTime(r.receivedHour) })}</p><p><strong>${r.read ? t('statusRead') : t('statusUnread')}</strong></p></li>`,
  );
  const body = html`<h1>${t('statusTitle')}</h1>
${result?.deleted ? html`<p role="status" id="status-result"><strong>${t('deleted')}</strong></p>` : ''}
${view ? html`<section aria-live="polite" id="status-result"><ul>${reports}</ul></section>${conversation(ctx, view)}${evidenceForm(ctx, view.codename, key)}
<section aria-labelledby="delete-title"><h2 id="delete-title">${t('deleteTitle')}</h2><p id="delete-hint">${t('deleteHint')}</p>
<form method="post" action="/status/delete?lang=${ctx.lang}" accept-charset="utf-8">
<input type="hidden" name="lang" value="${ctx.lang}"><input type="hidden" name="codename" value="${view.codename}">
<div class="choice"><input type="checkbox" id="confirm-delete" name="confirm" value="yes" required aria-describedby="delete-hint"><label for="confirm-delete">${t('deleteConfirm')}</label></div>
<p><button type="submit">${t('deleteButton')}</button></p></form></section>` : html`
<form method="post" action="/status?lang=${ctx.lang}" accept-charset="utf-8" novalidate>
<input type="hidden" name="lang" value="${ctx.lang}">
<p id="codename-hint">${t('statusLead')}</p>
<label for="codename">${t('codename')}</label>
<input type="text" id="codename" name="codename" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="codename-hint${error ? ' codename-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
${error ? html`<p class="error" id="codename-error" role="alert">${errorText(ctx.lang, error)}</p>` : ''}
<p><button type="submit">${t('check')}</button></p>
</form>`}
<p><a href="/?lang=${ctx.lang}">${shared('backToForm')}</a></p>`;
  return page(ctx, t('statusTitle'), body);
}
