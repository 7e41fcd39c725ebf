import { html } from './html.ts';
import { page, type PageContext } from './layout.ts';
import { MESSAGES, type ErrorCode } from '../../core/i18n/index.ts';

export function errorPage(ctx: PageContext, code: ErrorCode): string {
  const t = MESSAGES[ctx.lang];
  return page(
    ctx,
    t.errorTitle,
    html`<h1>${t.errorTitle}</h1><p class="error" role="alert" data-error="${code}">${t.errors[code]}</p><p><a href="/?lang=${ctx.lang}">${t.backToForm}</a></p>`,
  );
}

export function exitPage(ctx: PageContext): string {
  const t = MESSAGES[ctx.lang];
  return page(ctx, t.exitTitle, html`<h1>${t.exitTitle}</h1><p>${t.exitBody}</p>`);
}
