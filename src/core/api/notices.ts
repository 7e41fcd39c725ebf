// A member's notice settings on the wire (GET/POST /api/me/notices), shared by the server and the
// workspace's notices section.
import * as z from 'zod';
import { NOTICE_CHANNELS, NOTICE_KINDS, type NoticeChannel, type NoticeKind } from '../notices/kinds.ts';

export const WEBHOOK_URL_MAX = 2000;

/** What the member saves. The webhook address is checked as an alert webhook's is (http or https, no credentials). */
export const noticeSettingsRequest = z
  .object({
    channel: z.enum(NOTICE_CHANNELS),
    kinds: z.array(z.enum(NOTICE_KINDS)).max(NOTICE_KINDS.length).refine((k) => new Set(k).size === k.length),
    /** Only with channel 'webhook'; left out, a webhook saved before is kept. */
    webhookUrl: z.string().trim().min(1).max(WEBHOOK_URL_MAX).optional(),
  })
  .strict();
export type NoticeSettingsRequest = z.infer<typeof noticeSettingsRequest>;

export interface NoticeSettingsView {
  channel: NoticeChannel;
  kinds: NoticeKind[];
  /** The member's own webhook address, if one is saved (shown only to them). */
  webhookUrl: string | null;
  /** The kinds this member's role may choose. */
  offered: NoticeKind[];
  /** Whether this server can send email (VIGIL_SMTP_URL). */
  email: boolean;
  /** Minutes between two messages at most (VIGIL_NOTICE_EVERY_MIN). */
  everyMinutes: number;
}

/** The answer to a save: a webhook's signing secret when a new address was saved (shown once). */
export interface NoticeSaveResponse {
  webhookSecret: string | null;
}
