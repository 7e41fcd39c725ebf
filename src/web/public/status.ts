import { html } from './html.ts';
import { page, type PageContext } from './layout.ts';
import { MESSAGES, type ErrorCode } from '../../core/i18n/index.ts';

export type StatusResult = { receivedHour: string; read: boolean }[];

export function statusPage(ctx: PageContext, result?: { error?: ErrorCode; reports?: StatusResult }): string {
  const t = MESSAGES[ctx.lang];
  const error = result?.error;
  const reports = result?.reports?.map(
    (r) => html`<li><p>${t.statusReceived.replace('{when}', r.receivedHour.replace('T', ' ').slice(0, 16))}</p><p><strong>${r.read ? t.statusRead : t.statusUnread}</strong></p></li>`,
  );
  const body = html`<h1>${t.statusTitle}</h1>
${reports ? html`<section aria-live="polite" id="status-result"><ul>${reports}</ul></section>` : ''}
<form method="post" action="/status?lang=${ctx.lang}" accept-charset="utf-8" novalidate>
<input type="hidden" name="lang" value="${ctx.lang}">
<p id="codename-hint">${t.statusLead}</p>
<label for="codename">${t.codename}</label>
<input type="text" id="codename" name="codename" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="codename-hint${error ? ' codename-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
${error ? html`<p class="error" id="codename-error" role="alert">${t.errors[error]}</p>` : ''}
<p><button type="submit">${t.check}</button></p>
</form>
<p><a href="/?lang=${ctx.lang}">${t.backToForm}</a></p>`;
  return page(ctx, t.statusTitle, body);
}
