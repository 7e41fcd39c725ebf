import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLanguage } from '../../core/i18n/index.ts';
import { LANGUAGES } from '../../core/i18n/languages.ts';
import type { PageContext } from '../pages/layout.ts';
import { NEUTRAL_TITLE, type VigilContext } from '../context.ts';
import { CSP } from './security.ts';
import { publicScriptUrl } from './assets.ts';
import { DEFAULT_TIME_ZONE } from '../../core/i18n/format.ts';
import { onionLocation } from './onion.ts';

function rawLang(url: string | undefined): string | undefined {
  try {
    return new URLSearchParams(url?.split('?')[1] ?? '').get('lang') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The language and look of a public page for this request. */
export async function pageContext(vigil: VigilContext, request: FastifyRequest, path: string): Promise<PageContext> {
  const org = await vigil.organization().catch(() => null);
  const languages = org?.languages.length ? org.languages : [...LANGUAGES];
  // Before routing (a malformed path) the query is not parsed yet: read ?lang= from the raw URL.
  const query = (request.query as Record<string, unknown> | undefined) ?? { lang: rawLang(request.url) };
  const body = request.body instanceof Map ? request.body.get('lang')?.[0] : undefined;
  return {
    lang: pickLanguage(query?.lang ?? body, request.headers['accept-language'], languages),
    siteTitle: org?.publicTitle ?? NEUTRAL_TITLE,
    languages,
    exitUrl: org?.exitUrl ?? vigil.config.exitUrl,
    timeZone: org?.timeZone ?? DEFAULT_TIME_ZONE,
    path,
    script: publicScriptUrl(),
    attachmentMb: Math.round(vigil.config.attachmentBytes / 2 ** 20),
    guides: await vigil.guidesWritten().catch(() => []),
  };
}

/** A public page. The Host check's refusal (421) names nothing of the organization, its onion neither. */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  const onion = status === 421 ? null : onionLocation(reply.server.vigil.config.onionUrl, reply.request);
  if (onion) reply.header('onion-location', onion);
  return reply.code(status).header('content-security-policy', CSP.public).type('text/html; charset=utf-8').send(body);
}
