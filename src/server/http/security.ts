// Response headers every page and API answer carries. CSP is set per kind of response: public
// pages allow only our one script and their inline style (by hash); the workspace only its own
// files; JSON nothing at all. 'wasm-unsafe-eval' lets hash-wasm run Argon2id/scrypt; it does not
// allow eval of JavaScript.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { PUBLIC_CSS_HASH } from '../pages/style.ts';

const common = "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export const CSP = {
  public: `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src ${PUBLIC_CSS_HASH}; img-src 'self'; connect-src 'self'; ${common}`,
  workspace: `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; ${common}`,
  api: `default-src 'none'; ${common}`,
} as const;

/** What an answer carries unless its route said otherwise: no scripts or frames, never cached. */
export function defaultHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CSP.api);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/** Helmet's headers as Vigil wants them: no referrer, no cross-origin embedding, HSTS over https. */
export async function securityHeaders(app: FastifyInstance, secureCookies: boolean): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false, // set per response kind (CSP above)
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    hsts: secureCookies ? { maxAge: 31536000 } : false,
  });
}
