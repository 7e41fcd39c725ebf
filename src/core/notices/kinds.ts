// How a member is told of new work (issue 14): a channel and the kinds of news, never what the
// news says. Shared by the server (which checks and sends) and the workspace (which edits).
import * as z from 'zod';
import type { Role } from '../team/roles.ts';

export const NOTICE_KINDS = ['urgent', 'report', 'answer', 'deadline', 'backup'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['email', 'webhook', 'none'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How many of each kind a message tells of. */
export type NoticeCounts = Partial<Record<NoticeKind, number>>;

/** Which roles may hear of each kind: what they could open in the workspace (backups: administrators only). */
const READERS: readonly Role[] = ['admin', 'coordinator', 'documenter', 'viewer'];
export const KIND_ROLES: Record<NoticeKind, readonly Role[]> = {
  urgent: READERS,
  report: READERS,
  answer: READERS,
  deadline: READERS,
  backup: ['admin'],
};

export const kindsFor = (role: Role): NoticeKind[] => NOTICE_KINDS.filter((k) => KIND_ROLES[k].includes(role));

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
