// Alert emails over SMTP (nodemailer). Plain text only: no images, no tracking, nothing remote.
// Addresses pass through here in memory and are never logged (nodemailer's logger stays off).
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The one-click unsubscribe address (RFC 8058); none for a member's own notices (they change them in the workspace). */
  unsubscribeUrl?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A short, address-free name for what went wrong (kept in the delivery log). */
export function smtpErrorClass(error: unknown): string {
  const e = error as { code?: string; responseCode?: number };
  if (e?.responseCode) return `smtp-${e.responseCode}`;
  if (e?.code === 'ETIMEDOUT') return 'timeout';
  if (e?.code === 'ECONNECTION' || e?.code === 'ESOCKET' || e?.code === 'EDNS') return 'unreachable';
  if (e?.code === 'EAUTH') return 'smtp-auth';
  return 'smtp-error';
}

export function createMailer(config: Config): Mailer | null {
  if (!config.smtpUrl || !config.mailFrom) return null;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    logger: false,
    debug: false,
    connectionTimeout: config.alertTimeoutMs,
    greetingTimeout: config.alertTimeoutMs,
    socketTimeout: config.alertTimeoutMs,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}),
        headers: { ...(mail.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}), 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
