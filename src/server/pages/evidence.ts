// Adding photos or documents to a report: a plain multipart form (works with JavaScript off) shown
// on the receipt and the status page, and the page that answers it. The codename travels as a
// hidden field, as in the status page's other forms.
import { html, type Raw } from './html.ts';
import { page, type PageContext, type SealingKey } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { errorText, type ErrorCode } from '../../core/i18n/error-words.ts';
import { evidenceWords } from './evidence-words.ts';
import { layoutWords } from './layout-words.ts';

export function evidenceForm(ctx: PageContext, codename: string, key?: SealingKey): Raw {
  const t = translator(evidenceWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  return html`<section aria-labelledby="evidence-title"><h2 id="evidence-title">${t('evidenceTitle')}</h2><p id="evidence-lead">${t('evidenceLead', { mb: ctx.attachmentMb })}</p>
<form class="evidence" method="post" action="/status/evidence?lang=${ctx.lang}" enctype="multipart/form-data" accept-charset="utf-8"${key ? html` data-key="${key.publicKey}" data-key-id="${key.keyId}" data-sending="${shared('sending')}" data-received="${JSON.stringify([1, 2, 3, 4, 5].map((n) => t('evidenceReceived', { n })))}"` : ''}>
<input type="hidden" name="lang" value="${ctx.lang}"><input type="hidden" name="codename" value="${codename}">
<label for="evidence-files">${t('evidenceFiles')}</label><input type="file" id="evidence-files" name="files" multiple aria-describedby="evidence-lead" accept="image/*,application/pdf,audio/*,video/*">
<p><button type="submit">${t('evidenceSend')}</button></p></form></section>`;
}

export function evidencePage(ctx: PageContext, result: { error?: ErrorCode; received?: number; codename?: string }, key?: SealingKey): string {
  const t = translator(evidenceWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  const body = html`<h1>${t('evidenceTitle')}</h1>
${result.received ? html`<p role="status"><strong>${t('evidenceReceived', { n: result.received })}</strong></p>` : ''}
${result.error ? html`<p class="error" role="alert">${errorText(ctx.lang, result.error)}</p>` : ''}
${result.codename ? evidenceForm(ctx, result.codename, key) : ''}
<p><a href="/status?lang=${ctx.lang}">${shared('checkStatus')}</a> · <a href="/?lang=${ctx.lang}">${shared('backToForm')}</a></p>`;
  return page(ctx, t('evidenceTitle'), body);
}
