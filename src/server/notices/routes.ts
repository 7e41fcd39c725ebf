// Team notices (issue 14): each member chooses a channel (email, their own webhook, nothing) and
// the kinds of news; the server counts news per member in memory and sends at most one
// content-free message per member per VIGIL_NOTICE_EVERY_MIN ("Vigil: 1 new urgent report" and a
// link to the workspace). Audited as sent, by channel only. With several servers, the counts, the
// pace and the day's tally stay each server's own, deliberately: each event (a report, an answer, a
// failed backup) is counted and told by the server that saw it, so nothing is told twice, and no row
// says when news came (a member may get one message from each server within a window). Only the
// daily deadline look, which every server would otherwise make, is claimed by one server a day.
import type { FastifyPluginAsync } from 'fastify';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { perMinute } from '../config.ts';
import { createMailer } from '../alerts/mailer.ts';
import { webhookUrl } from '../alerts/webhook.ts';
import { isLanguage } from '../../core/i18n/index.ts';
import { KIND_ROLES, kindsFor, noticeSettingsRequest, type NoticeCounts, type NoticeKind, type NoticeSaveResponse, type NoticeSettingsView } from '../../core/notices/kinds.ts';
import { noticeText, testNoticeText } from '../../core/notices/text.ts';
import type { Role } from '../../core/team/roles.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { listenForNotices } from './events.ts';
import { createBatcher, type SendResult } from './batcher.ts';
import { dailyDeadlines } from './deadlines.ts';
import { newWebhookSecret, openWebhook, parseKinds, saveSettings, sealWebhook, settingsOf } from './settings.ts';
import { sendNotice, type Recipient } from './send.ts';

/** How often the daily deadline look checks whether its hour has come. */
const LOOK_EVERY_MS = 60_000;
/** Errors no retry can mend: said once in the log, the message dropped. */
const FINAL_ERRORS = new Set(['mail-off', 'secret-unreadable']);

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A member's webhook: https, or plain http only to a bridge on this machine. Any member may set
 * one, so plain http elsewhere would put "1 new urgent report" on the wire in clear.
 */
function memberWebhookUrl(given: string): URL | null {
  const url = webhookUrl(given);
  return url && (url.protocol === 'https:' || LOOPBACK.test(url.hostname)) ? url : null;
}

export const noticeRoutes: FastifyPluginAsync = async (app) => {
  const vigil = app.vigil;
  const { db } = vigil.storage;
  const { everyMs, deadlineHour } = vigil.config.notices;
  const mailer = createMailer(vigil.config);
  const log = app.log.child({ feature: 'notices' });

  /** The member as a recipient now (still active, their language), or null. */
  async function recipientOf(memberId: string): Promise<(Recipient & { role: Role; kinds: NoticeKind[] }) | null> {
    const member = await db.selectFrom('members').select(['email', 'role', 'status', 'language']).where('id', '=', memberId).executeTakeFirst();
    if (!member || member.status !== 'active') return null;
    const settings = await settingsOf(db, vigil.secret, memberId);
    if (settings.channel === 'none') return null;
    const org = await vigil.organization();
    const language: Language = isLanguage(member.language) ? member.language : (org?.languages[0] ?? 'en');
    return { email: member.email, language, channel: settings.channel, webhook: settings.webhook, role: member.role as Role, kinds: settings.kinds };
  }

  // Messages sent are audited as one count a day, no member, no time: a row per message would date
  // the report it follows (to its place in the audit chain), and for a member told of urgent reports
  // only, say which hour's report was urgent. The pace is kept in memory for the same reason.
  let sent = 0;
  let tallyDay = new Date().toISOString().slice(0, 10);
  async function auditTally(force = false) {
    const today = new Date().toISOString().slice(0, 10);
    if (!force && today === tallyDay) return;
    tallyDay = today;
    if (sent === 0) return;
    const count = sent;
    sent = 0;
    await appendAudit(db, { actor: null, action: 'notice.sent', object: null, detail: { count } });
  }

  /** One attempt; a success is counted for the day's tally. */
  async function deliver(recipient: Recipient, text: string, counts: NoticeCounts): Promise<string | null> {
    const error = await sendNotice(vigil, mailer, recipient, text, counts);
    if (error) {
      log.warn({ channel: recipient.channel, code: error }, 'notice not delivered');
      return error;
    }
    sent += 1;
    return null;
  }

  async function sendWaiting(memberId: string, counts: NoticeCounts): Promise<SendResult> {
    const recipient = await recipientOf(memberId);
    if (!recipient) return { sent: false, retry: false };
    // Only what they still want and may see (settings and roles change while news waits).
    const wanted: NoticeCounts = {};
    for (const kind of recipient.kinds) if (counts[kind] && KIND_ROLES[kind].includes(recipient.role)) wanted[kind] = counts[kind];
    const text = noticeText(wanted, recipient.language);
    if (!text) return { sent: false, retry: false };
    const error = await deliver(recipient, text, wanted);
    return error ? { sent: false, retry: !FINAL_ERRORS.has(error) } : { sent: true };
  }

  const batcher = createBatcher({
    everyMs,
    // A burst (several reports in a minute) makes one message; urgent news still leaves within half a minute.
    gatherMs: Math.min(30_000, Math.floor(everyMs / 5)),
    retryMs: vigil.config.alertRetryMs.slice(0, 3),
    send: sendWaiting,
    dropped: () => log.warn('notice dropped after its retries'),
  });

  /** Who hears of news of this kind: active members whose role may see it and who asked for it. */
  async function news(kind: NoticeKind, count: number): Promise<void> {
    const rows = await db
      .selectFrom('notice_settings')
      .innerJoin('members', 'members.id', 'notice_settings.member_id')
      .select(['members.id', 'members.role', 'notice_settings.kinds'])
      .where('members.status', '=', 'active')
      .where('notice_settings.channel', '!=', 'none')
      .execute();
    for (const row of rows) {
      const kinds = parseKinds(row.kinds);
      // An urgent report is a new report to whoever asked only for those.
      const told = kinds.includes(kind) ? kind : kind === 'urgent' && kinds.includes('report') ? 'report' : null;
      if (told && KIND_ROLES[told].includes(row.role as Role)) batcher.add(row.id, told, count);
    }
  }

  const deadlines = dailyDeadlines(db, deadlineHour, vigil.instanceId);
  async function lookForDeadlines() {
    const org = await vigil.organization();
    if (!org) return;
    await auditTally();
    const due = await deadlines(org.timeZone);
    if (due > 0) await news('deadline', due);
  }

  let deadlineTimer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    listenForNotices(vigil, (kind, count) => void news(kind, count).catch((error: unknown) => log.warn({ code: (error as { code?: string })?.code }, 'notice not counted')));
    const look = () => void lookForDeadlines().catch((error: unknown) => log.warn({ code: (error as { code?: string })?.code }, 'deadline look failed'));
    look();
    deadlineTimer = setInterval(look, LOOK_EVERY_MS).unref();
  });
  app.addHook('onClose', async () => {
    listenForNotices(vigil, null);
    if (deadlineTimer) clearInterval(deadlineTimer);
    batcher.stop();
    await auditTally(true).catch(() => undefined);
    mailer?.close();
  });

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
      everyMinutes: everyMs / 60_000,
    };
  });

  app.post('/api/me/notices', { config: { access: 'member' } }, async (request): Promise<NoticeSaveResponse> => {
    const member = request.member!;
    const { channel, kinds, webhookUrl: given } = parse(noticeSettingsRequest, request.body);
    const offered = kindsFor(member.role);
    if (kinds.some((k) => !offered.includes(k))) throw new HttpError(400, 'bad-request');
    if (channel === 'email' && !mailer) throw new HttpError(400, 'bad-request');
    if (given !== undefined && channel !== 'webhook') throw new HttpError(400, 'bad-request');
    let sealed: Uint8Array | null = null;
    let newSecret: string | null = null;
    if (channel === 'webhook') {
      const stored = await db.selectFrom('notice_settings').select('webhook').where('member_id', '=', member.id).executeTakeFirst();
      const before = openWebhook(vigil.secret, stored?.webhook ?? null);
      const url = given === undefined ? null : memberWebhookUrl(given);
      if (given !== undefined && !url) throw new HttpError(400, 'bad-webhook-url');
      if (!url && !before) throw new HttpError(400, 'bad-webhook-url');
      // A new address gets a new signing secret, shown once; the same address keeps its own.
      if (url && url.href !== before?.url) newSecret = newWebhookSecret();
      sealed = url && newSecret ? sealWebhook(vigil.secret, { url: url.href, secret: newSecret }) : new Uint8Array(stored!.webhook!);
    }
    // Any other channel forgets the webhook: no bridge address is kept that is not in use.
    await db.transaction().execute(async (trx) => {
      await saveSettings(trx, member.id, { channel, kinds, webhook: sealed });
      await appendAudit(trx, { actor: member.id, action: 'notice.settings-changed', object: member.id, detail: { channel, kinds: kinds.join(',') } });
    });
    return { webhookSecret: newSecret };
  });

  // A test message now, by the saved channel: not batched, not counted in the pace.
  app.post('/api/me/notices/test', { config: { access: 'member', ...perMinute(10) } }, async (request): Promise<{ sent: boolean }> => {
    const member = request.member!;
    const recipient = await recipientOf(member.id);
    if (!recipient) throw new HttpError(400, 'bad-request');
    return { sent: (await deliver(recipient, testNoticeText(recipient.language), {})) === null };
  });
};
