// Adding photos or documents to a report: a plain multipart form (works with JavaScript off) shown
// on the receipt and the status page, and the page that answers it. The codename travels as a
// hidden field, as in the status page's other forms.
import { html, type Raw } from './html.ts';
import { formatsOf, page, say, type PageContext, type SealingKey } from './layout.ts';
import { MESSAGES, type ErrorCode, type Messages } from '../../core/i18n/index.ts';

export function evidenceForm(t: Messages, ctx: PageContext, codename: string, key?: SealingKey): Raw {
  return html`<section aria-labelledby="evidence-title"><h2 id="evidence-title">${t.evidenceTitle}</h2><p id="evidence-lead">${say(ctx, t.evidenceLead, { mb: ctx.attachmentMb })}</p>
<form class="evidence" method="post" action="/status/evidence?lang=${ctx.lang}" enctype="multipart/form-data" accept-charset="utf-8"${key ? html` data-key="${key.publicKey}" data-key-id="${key.keyId}" data-sending="${t.sending}" data-received="${JSON.stringify([1, 2, 3, 4, 5].map((n) => say(ctx, t.evidenceReceived, { n })))}"` : ''}>
<input type="hidden" name="lang" value="${ctx.lang}"><input type="hidden" name="codename" value="${codename}">
<label for="evidence-files">${t.evidenceFiles}</label><input type="file" id="evidence-files" name="files" multiple aria-describedby="evidence-lead" accept="image/*,application/pdf,audio/*,video/*">
<p><button type="submit">${t.evidenceSend}</button></p></form></section>`;
}

export function evidencePage(ctx: PageContext, result: { error?: ErrorCode; received?: number; codename?: string }, key?: SealingKey): string {
  const t = MESSAGES[ctx.lang];
  const body = html`<h1>${t.evidenceTitle}</h1>
${result.received ? html`<p role="status"><strong>${say(ctx, t.evidenceReceived, { n: result.received })}</strong></p>` : ''}
${result.error ? html`<p class="error" role="alert">${t.errors[result.error]}</p>` : ''}
${result.codename ? evidenceForm(t, ctx, result.codename, key) : ''}
<p><a href="/status?lang=${ctx.lang}">${t.checkStatus}</a> · <a href="/?lang=${ctx.lang}">${t.backToForm}</a></p>`;
  return page(ctx, t.evidenceTitle, body);
}
