// Subscribing to alerts by email: double opt-in, one-click unsubscribe. An address is held in
// memory only while its confirmation email is sent, then stored sealed to the intake key; only the
// SHA-256 of each link's token is stored (a hash of a random token needs no key).
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { formBodyOf } from '../http/form-body.ts';
import { perMinute } from '../http/rate-limit.ts';
import { alertsPage, alertStepPage } from '../pages/alerts.ts';
import { SealedKind, sealTo } from '../../core/crypto/sealed.ts';
import { toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { isLanguage } from '../../core/i18n/index.ts';
import type { Language } from '../../core/i18n/languages.ts';
import type { SealedSubscriber } from '../../core/alerts/schemas.ts';
import { hashToken } from '../crypto/token-hash.ts';
import { confirmationEmail } from './email.ts';
import type { Mailer } from './mailer.ts';
import { publishedAlerts } from './published.ts';
import { PAGE_SIZE, alertPageContext } from './public-routes.ts';

/** Tokens are 32 random bytes, as base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const emailAddress = z.string().trim().toLowerCase().max(254).pipe(z.email());

const tokenOf = (token: string) => {
  if (!TOKEN.test(token)) throw new HttpError(404, 'link-expired');
  return token;
};

export const subscriptionRoutes: FastifyPluginAsync<{ mailer: Mailer | null }> = async (app, { mailer }) => {
  const { db } = app.vigil.storage;
  const base = () => app.vigil.config.publicUrl.replace(/\/$/, '');

  app.post('/alerts/subscribe', { config: { access: 'public', ...perMinute(app.vigil.config.subscribePerMinute, { afterBody: true }) } }, async (request, reply) => {
    const fields = formBodyOf(request.body);
    const ctx = await alertPageContext(app, request, '/alerts');
    // Off is not an outage: 404 like any feature that is off (the page offers no form then).
    if (!mailer) throw new HttpError(404, 'not-found');
    const languages = [...new Set(fields.get('languages') ?? [])].filter((l): l is Language => isLanguage(l) && ctx.languages.includes(l));
    const email = emailAddress.safeParse(fields.get('email')?.[0] ?? '');
    if (!email.success) {
      return sendPage(reply, 400, alertsPage(ctx, await publishedAlerts(db, PAGE_SIZE), true, { email: (fields.get('email')?.[0] ?? '').slice(0, 254), languages, error: 'bad-email' }));
    }
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    const [confirmToken, unsubscribeToken] = [toBase64Url(randomBytes(32)), toBase64Url(randomBytes(32))];
    const sealed: SealedSubscriber = { v: 1, email: email.data, languages: languages.length ? languages : [ctx.lang], unsubscribeToken };
    const envelope = await sealTo(SealedKind.alertSubscriber, key, utf8(JSON.stringify(sealed)));
    // The email first: if it cannot be sent, nothing is stored.
    try {
      await mailer.send(confirmationEmail(base(), email.data, ctx.lang, confirmToken, unsubscribeToken));
    } catch {
      throw new HttpError(503, 'unavailable');
    }
    await db
      .insertInto('alert_subscribers')
      .values({ id: randomUUID(), key_id: key.keyId, envelope, confirm_hash: hashToken(confirmToken), unsubscribe_hash: hashToken(unsubscribeToken), confirmed: 0, created_day: new Date().toISOString().slice(0, 10) })
      .execute();
    // The same answer whether or not this address was already subscribed (the server cannot tell anyway).
    return sendPage(reply, 200, alertStepPage(ctx, 'check-inbox'));
  });

  app.get<{ Params: { token: string } }>('/alerts/confirm/:token', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, request.url.split('?')[0]!);
    const token = tokenOf(request.params.token);
    const row = await db.selectFrom('alert_subscribers').select('id').where('confirm_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row) throw new HttpError(404, 'link-expired');
    return sendPage(reply, 200, alertStepPage(ctx, 'confirm', `/alerts/confirm/${token}`));
  });

  app.post<{ Params: { token: string } }>('/alerts/confirm/:token', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, '/alerts');
    const token = tokenOf(request.params.token);
    const done = await db.updateTable('alert_subscribers').set({ confirmed: 1, confirm_hash: null }).where('confirm_hash', '=', hashToken(token)).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new HttpError(404, 'link-expired');
    return sendPage(reply, 200, alertStepPage(ctx, 'confirmed'));
  });

  // A link alone never unsubscribes (mail scanners open links): the page has the button. The
  // button, and a mail client's one-click POST (RFC 8058), delete the row.
  app.get<{ Params: { token: string } }>('/alerts/unsubscribe/:token', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, request.url.split('?')[0]!);
    const token = tokenOf(request.params.token);
    return sendPage(reply, 200, alertStepPage(ctx, 'unsubscribe', `/alerts/unsubscribe/${token}`));
  });

  app.post<{ Params: { token: string } }>('/alerts/unsubscribe/:token', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await alertPageContext(app, request, '/alerts');
    const token = tokenOf(request.params.token);
    await db.deleteFrom('alert_subscribers').where('unsubscribe_hash', '=', hashToken(token)).execute();
    return sendPage(reply, 200, alertStepPage(ctx, 'unsubscribed'));
  });
};
