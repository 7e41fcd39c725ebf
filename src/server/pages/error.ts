import { html, raw } from './html.ts';
import { PUBLIC_CSS } from './style.ts';
import { page, type PageContext } from './layout.ts';
import { translator } from '../../core/i18n/message.ts';
import { errorText, type ErrorCode } from '../../core/i18n/error-words.ts';
import { errorPageWords, exitPageWords } from './error-page-words.ts';
import { layoutWords } from './layout-words.ts';

export function errorPage(ctx: PageContext, code: ErrorCode): string {
  const t = translator(errorPageWords, ctx.lang);
  const shared = translator(layoutWords, ctx.lang);
  return page(
    ctx,
    t('errorTitle'),
    html`<h1>${t('errorTitle')}</h1><p class="error" role="alert" data-error="${code}">${errorText(ctx.lang, code)}</p><p><a href="/?lang=${ctx.lang}">${shared('backToForm')}</a></p>`,
  );
}

/** Where quick exit lands: a bland page with nothing of this site on it (no title, no menu). */
export function exitPage(ctx: PageContext): string {
  const t = translator(exitPageWords, ctx.lang);
  return html`<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t('exitTitle')}</title><style>${raw(PUBLIC_CSS)}</style></head><body><main id="main"><h1>${t('exitTitle')}</h1><p>${t('exitBody')}</p></main></body></html>`.value;
}
