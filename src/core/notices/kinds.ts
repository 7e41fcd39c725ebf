// How a member is told of new work (issue 14): a channel and the kinds of news, never what the
// news says. Shared by the server (which checks and sends) and the workspace (which edits); the
// settings' API shapes are core/api/notices.ts.
import { ADMINS, EVERYONE, type Role } from '../team/roles.ts';

export const NOTICE_KINDS = ['urgent', 'report', 'answer', 'deadline', 'backup'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['email', 'webhook', 'none'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How many of each kind a message tells of. */
export type NoticeCounts = Partial<Record<NoticeKind, number>>;

/** Which roles may hear of each kind: what they could open in the workspace (backups: administrators only). */
export const KIND_ROLES: Record<NoticeKind, readonly Role[]> = {
  urgent: EVERYONE,
  report: EVERYONE,
  answer: EVERYONE,
  deadline: EVERYONE,
  backup: ADMINS,
};

export const kindsFor = (role: Role): NoticeKind[] => NOTICE_KINDS.filter((k) => KIND_ROLES[k].includes(role));
