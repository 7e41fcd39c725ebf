import { html, raw } from './html.ts';
import { PUBLIC_CSS } from './style.ts';
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

/** Where quick exit lands: a bland page with nothing of this site on it (no title, no menu). */
export function exitPage(ctx: PageContext): string {
  const t = MESSAGES[ctx.lang];
  return html`<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.exitTitle}</title><style>${raw(PUBLIC_CSS)}</style></head><body><main id="main"><h1>${t.exitTitle}</h1><p>${t.exitBody}</p></main></body></html>`.value;
}
