// Evidence: attachments to reports and records, and their custody log — the shapes shared by the
// server's evidence routes, the workspace and the reporter's sealing script.
import * as z from 'zod';
import { b64, keyId } from './common.ts';

/** The content type of a frame of sealed files (core/api/parts-frame.ts). */
export const ATTACHMENT_TYPE = 'application/vnd.vigil.attachment';

export const OWNER_TYPES = ['report', 'incident', 'person', 'act'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/** Files a reporter may add in one go (together within the attachment limit). */
export const REPORTER_FILES_MOST = 5;

/** The header of a member's upload (POST /api/attachments): one file, its five sealed parts follow. */
export const attachmentUpload = z.object({
  id: z.uuid(),
  ownerType: z.enum(OWNER_TYPES),
  ownerId: z.uuid(),
  keyId,
  size: z.number().int().min(1),
});

/**
 * The header of a reporter's upload (POST /api/evidence): the status key derived from the codename
 * names the report; each file's five sealed parts follow, in order.
 */
export const reporterUpload = z.object({
  v: z.literal(1),
  statusKey: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  files: z.array(z.object({ id: z.uuid(), size: z.number().int().min(1) })).min(1).max(REPORTER_FILES_MOST),
});
export type ReporterUpload = z.infer<typeof reporterUpload>;

// 'relinked': moved to another person record by a merge of two records of one person, or back by its undo.
export const CUSTODY_ACTIONS = ['received', 'viewed-working', 'opened-original', 'verified', 'shared', 'exported', 'relinked'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** What the browser did with a copy; a verification's detail is sealed (what it saw). */
export const custodyRequest = z.object({ action: z.enum(['verified', 'shared', 'exported']), detail: b64(4096).nullable() });

export interface AttachmentView {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  keyId: string;
  keyEnvelope: string;
  meta: string;
  size: number;
  hasWorkingCopy: boolean;
  createdAt: string;
  fromReporter: boolean;
}
export interface AttachmentsResponse {
  attachments: AttachmentView[];
}

export interface CustodyEntry {
  at: string;
  action: CustodyAction;
  /** The member's address, or "the reporter". */
  by: string;
  detail: string | null;
}
export interface CustodyResponse {
  entries: CustodyEntry[];
  actions: typeof CUSTODY_ACTIONS;
}
