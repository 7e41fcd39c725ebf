// The inbox: report states, pages of sealed reports, triage, notes and the conversation with a
// reporter — shapes shared by the server's inbox routes and the workspace.
import * as z from 'zod';
import type { Role } from '../team/roles.ts';
import { b64, keyId } from './common.ts';

export const REPORT_STATES = ['new', 'in_review', 'verified', 'unverified', 'duplicate', 'spam', 'archived'] as const;
export type ReportStateName = (typeof REPORT_STATES)[number];

export interface InboxItem {
  id: string;
  seq: number;
  keyId: string;
  receivedHour: string;
  readHour: string | null;
  envelope: string;
  state: ReportStateName;
  assignee: string | null;
  duplicateOf: string | null;
  tags: string[];
  /** Whether the reporter can be answered (the report carries their public key). */
  canReply: boolean;
  notes: number;
  messages: number;
  /** The reporter's messages the calling member has not seen yet (their conversation not opened since). */
  unreadAnswers: number;
}
/** GET /api/inbox/answers: reports with answers the calling member has not seen (every other report has none). */
export interface UnreadAnswers {
  reports: { id: string; messages: number; unreadAnswers: number }[];
}
export interface InboxResponse {
  reports: InboxItem[];
  /** Pass as ?before= for the next (older) page; null when there is none. */
  next: number | null;
}

/** The most reports one inbox page may hold (the workspace asks for this many after the first page). */
export const INBOX_PAGE_MOST = 5000;

export const inboxQuery = z.object({
  before: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MOST).default(500),
  state: z.enum(REPORT_STATES).optional(),
  assignee: z.union([z.uuid(), z.literal('none')]).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
});

const tag = z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N} _-]+$/u);

export const triageRequest = z
  .object({
    ids: z.array(z.uuid()).min(1).max(1000),
    state: z.enum(REPORT_STATES).optional(),
    duplicateOf: z.uuid().optional(),
    /** A member id, or null to unassign. */
    assignee: z.uuid().nullable().optional(),
    addTags: z.array(tag).max(20).optional(),
    removeTags: z.array(tag).max(20).optional(),
  })
  .refine((r) => (r.state === 'duplicate') === (r.duplicateOf !== undefined), { message: 'duplicate needs duplicateOf' });

/** GET /api/tags: the tags in use, with how many reports carry each. */
export interface TagsResponse {
  tags: { tag: string; count: number }[];
}
/** GET /api/team: the active members, for assignees and note authors. */
export interface TeamResponse {
  members: { id: string; email: string; role: Role }[];
}

/** Opened-report caches a member's browser made (core/report/cache.ts), wrapped, as base64url. */
export const cacheRequest = z.object({ entries: z.array(z.object({ id: z.uuid(), cache: z.string().regex(/^[A-Za-z0-9_-]+$/).max(90_000) })).min(1).max(1000) });

export const sealedText = z.object({ keyId, envelope: b64(400_000) });
export const replyRequest = z.object({ forTeam: sealedText, forReporter: b64(400_000) });

/** The message seq a member has seen up to, as the conversation they opened listed it. */
export const seenRequest = z.object({ upTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict();

export interface NoteView {
  id: string;
  author: string;
  createdAt: string;
  keyId: string;
  envelope: string;
}
export interface MessageView {
  /** Order of arrival, across all reports: what a member marks seen up to (POST /api/reports/:id/seen). */
  seq: number;
  id: string;
  direction: 'team' | 'reporter';
  author: string | null;
  createdHour: string;
  keyId: string;
  envelope: string;
}
export interface ReportThread {
  notes: NoteView[];
  messages: MessageView[];
  reporterKey: string | null;
}
