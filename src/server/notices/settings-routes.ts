// A member's own notice settings (GET/POST /api/me/notices): a channel — email, their own webhook
// or nothing — and the kinds of news their role may hear of; and a test message now.
import type { FastifyPluginAsync } from 'fastify';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { perMinute } from '../http/rate-limit.ts';
import type { Mailer } from '../alerts/mailer.ts';
import { webhookUrl } from '../alerts/webhook.ts';
import { kindsFor } from '../../core/notices/kinds.ts';
import { noticeSettingsRequest, type NoticeSaveResponse, type NoticeSettingsView } from '../../core/api/notices.ts';
import { testNoticeText } from '../../core/notices/text.ts';
import { newWebhookSecret, openWebhook, saveSettings, sealWebhook, settingsOf } from './settings.ts';
import { recipientOf } from './recipients.ts';
import type { Notifier } from './notifier.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A member's webhook: https, or plain http only to a bridge on this machine. Any member may set
 * one, so plain http elsewhere would put "1 new urgent report" on the wire in clear.
 */
function memberWebhookUrl(given: string): URL | null {
  const url = webhookUrl(given);
  return url && (url.protocol === 'https:' || LOOPBACK.test(url.hostname)) ? url : null;
}

export const noticeSettingsRoutes: FastifyPluginAsync<{ mailer: Mailer | null; notifier: Notifier }> = async (app, { mailer, notifier }) => {
  const vigil = app.vigil;
  const { db } = vigil.storage;

  app.get('/api/me/notices', { config: { access: 'member' } }, async (request): Promise<NoticeSettingsView> => {
    const member = request.member!;
    const settings = await settingsOf(db, vigil.secret, member.id);
    const offered = kindsFor(member.role);
    return {
      channel: settings.channel,
      // A kind chosen under an earlier role is not sent, nor shown (saving again drops it).
      kinds: settings.kinds.filter((k) => offered.includes(k)),
      webhookUrl: settings.webhook?.url ?? null,
      offered,
      email: !!mailer,
      everyMinutes: vigil.config.notices.everyMs / 60_000,
    };
  });

  app.post('/api/me/notices', { config: { access: 'member' } }, async (request): Promise<NoticeSaveResponse> => {
    const member = request.member!;
    const { channel, kinds, webhookUrl: given } = parse(noticeSettingsRequest, request.body);
    const offered = kindsFor(member.role);
    if (kinds.some((k) => !offered.includes(k))) throw new HttpError(400, 'bad-request');
    if (channel === 'email' && !mailer) throw new HttpError(400, 'bad-request');
    if (given !== undefined && channel !== 'webhook') throw new HttpError(400, 'bad-request');
    // Any other channel forgets the webhook: no bridge address is kept that is not in use.
    const { sealed, newSecret } = channel === 'webhook' ? await webhookToSave(member.id, given) : { sealed: null, newSecret: null };
    await db.transaction().execute(async (trx) => {
      await saveSettings(trx, member.id, { channel, kinds, webhook: sealed });
      await appendAudit(trx, { actor: member.id, action: 'notice.settings-changed', object: member.id, detail: { channel, kinds: kinds.join(',') } });
    });
    return { webhookSecret: newSecret };
  });

  /** The webhook to keep: the address given (checked), or the one saved before; a new address gets a new signing secret, shown once. */
  async function webhookToSave(memberId: string, given: string | undefined): Promise<{ sealed: Uint8Array; newSecret: string | null }> {
    const stored = await db.selectFrom('notice_settings').select('webhook').where('member_id', '=', memberId).executeTakeFirst();
    const before = openWebhook(vigil.secret, stored?.webhook ?? null);
    const url = given === undefined ? null : memberWebhookUrl(given);
    if (given !== undefined && !url) throw new HttpError(400, 'bad-webhook-url');
    if (!url && !before) throw new HttpError(400, 'bad-webhook-url');
    // The same address keeps its own secret.
    const newSecret = url && url.href !== before?.url ? newWebhookSecret() : null;
    return { sealed: url && newSecret ? sealWebhook(vigil.secret, { url: url.href, secret: newSecret }) : new Uint8Array(stored!.webhook!), newSecret };
  }

  // A test message now, by the saved channel: not batched, not counted in the pace.
  app.post('/api/me/notices/test', { config: { access: 'member', ...perMinute(10) } }, async (request): Promise<{ sent: boolean }> => {
    const recipient = await recipientOf(vigil, request.member!.id);
    if (!recipient) throw new HttpError(400, 'bad-request');
    return { sent: (await notifier.deliver(recipient, testNoticeText(recipient.language), {})) === null };
  });
};
