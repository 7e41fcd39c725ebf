// Sending one notice to one member by their channel: plain-text email through the alerts' mailer,
// or their webhook, signed as alert webhooks are. Only counts and a link travel; the member's
// address and webhook exist here in memory only, and nothing of them is logged.
import { randomUUID } from 'node:crypto';
import type { VigilContext } from '../context.ts';
import type { Mailer } from '../alerts/mailer.ts';
import { smtpErrorClass } from '../alerts/mailer.ts';
import { callWebhook } from '../alerts/webhook.ts';
import { openWorkspaceLine } from '../../core/notices/text.ts';
import type { NoticeCounts } from '../../core/notices/kinds.ts';
import type { Language } from '../../core/i18n/languages.ts';
import type { MemberWebhook } from './settings.ts';

export interface Recipient {
  email: string;
  language: Language;
  channel: 'email' | 'webhook';
  webhook: MemberWebhook | null;
}

/** Where every notice points: the workspace (never a report, which would name it). */
export const workspaceUrl = (vigil: VigilContext): string => `${vigil.config.publicUrl}/app`;

/** Sends once: null when delivered, else a short error class (no address in it). */
export async function sendNotice(vigil: VigilContext, mailer: Mailer | null, to: Recipient, text: string, counts: NoticeCounts): Promise<string | null> {
  const url = workspaceUrl(vigil);
  if (to.channel === 'email') {
    if (!mailer) return 'mail-off';
    try {
      await mailer.send({ to: to.email, subject: text, text: `${text}\n\n${openWorkspaceLine(to.language, url)}\n` });
      return null;
    } catch (error) {
      return smtpErrorClass(error);
    }
  }
  if (!to.webhook) return 'secret-unreadable';
  return callWebhook(to.webhook.url, to.webhook.secret, randomUUID(), { text, url, counts }, vigil.config.alertTimeoutMs);
}
