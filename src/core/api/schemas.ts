// Request and response shapes of the workspace API, shared by the server (validation at the
// edge) and the workspace (typed calls). Bytes travel as unpadded base64url strings.
import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { MIN_KDF } from '../crypto/passphrase.ts';
import { isTimeZone } from '../i18n/format.ts';
import { ROLES, type Role } from '../team/roles.ts';

export const b64 = (maxChars: number) => z.string().regex(/^[A-Za-z0-9_-]*$/).max(maxChars);
const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
/** Text a person typed: no NUL (PostgreSQL refuses it in text columns). */
const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(/^[^\u0000]*$/);

export const kdfParams = z.object({
  v: z.literal(1),
  salt: b64(64).min(22),
  memoryKiB: z.number().int().min(MIN_KDF.memoryKiB).max(1024 * 1024),
  iterations: z.number().int().min(MIN_KDF.iterations).max(64),
  parallelism: z.number().int().min(1).max(16),
});

/** A UUID path parameter, checked before it reaches a query. */
export const uuid = z.uuid();


/** A member's own keys as their browser uploads them: public key, wrapped private key, login key. */
export const memberKeys = z.object({
  id: z.uuid(),
  email,
  kdf: kdfParams,
  loginKey: b64(64),
  publicKey: b64(64),
  wrappedPrivateKey: b64(256),
});

export const setupRequest = z.object({
  token: z.string().min(16).max(128),
  organization: z.object({
    name: text(1, 200),
    publicTitle: text(1, 100),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length),
    /** The setup browser's zone (IANA); without it (the CLI), UTC. */
    timeZone: z.string().refine(isTimeZone).optional(),
  }),
  admin: memberKeys,
  intakeKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
  recordsKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
  backupKey: z.object({
    publicKey: b64(64),
    grant: b64(2048),
  }),
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const kdfRequest = z.object({ email });
export const loginRequest = z.object({ email, loginKey: b64(64) });
/** Emergency lockdown: the organization's name, typed exactly as it is written (not trimmed). */
export const lockdownRequest = z.object({ organizationName: z.string().min(1).max(200) });
/** Tries at the second factor one login challenge allows; then the passphrase again. */
export const SECOND_FACTOR_TRIES = 3;

export interface LoginResponse {
  member: { id: string; email: string; role: Role };
  organization: { name: string; publicTitle: string; languages: string[] };
  keys: { publicKey: string; wrappedPrivateKey: string };
  grants: { keyId: string; sealed: string }[];
  /** The organization requires a second factor and this member has none yet. */
  mustEnrolSecondFactor?: boolean;
}

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

/** Custom header every state-changing workspace call sends: a cross-site form cannot. */
export const CSRF_HEADER = 'x-vigil-request';

/**
 * 'intake': reports are sealed to it. 'records': each record's key is sealed to it (identities,
 * narratives). 'backup': backup files are sealed to it (`vigil backup` needs only its public half).
 */
export const KEY_PURPOSES = ['intake', 'records', 'backup'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** What a member's keys unlock, by role. A role not listed for a key never receives it. */
export const ROLE_KEYS: Record<Role, readonly KeyPurpose[]> = {
  admin: ['intake', 'records', 'backup'],
  coordinator: ['intake', 'records'],
  documenter: ['intake', 'records'],
  viewer: ['intake'],
};

/** The organization's public keys, for sealing (GET /api/keys). */
export interface OrgKeyView {
  keyId: string;
  publicKey: string;
  purpose: KeyPurpose;
  current: boolean;
}

export const invitationRequest = z.object({ role: z.enum(ROLES) });
export const acceptInvitationRequest = z.object({ token: z.string().min(16).max(128), member: memberKeys });
export const keyId = z.string().regex(/^[0-9a-f]{16}$/);
export const grantsRequest = z.object({ grants: z.array(z.object({ keyId, sealed: b64(2048) })).max(1000) });
/**
 * A new key of one purpose, made in an administrator's browser and sealed to every holder
 * (src/core/key-holders.ts): the members whose role holds it and the trustees' recovery kit.
 */
export const keyRotation = z.object({
  purpose: z.enum(KEY_PURPOSES),
  publicKey: b64(64),
  grants: z.array(z.object({ memberId: z.uuid(), sealed: b64(2048) })).max(1000),
  /** Present exactly when the organization has a recovery kit. */
  kitGrant: z.object({ kitId: keyId, sealed: b64(2048) }).optional(),
});
export type KeyRotation = z.infer<typeof keyRotation>;
/** One rotation per purpose the server expects (removal, demotion, Rotate now). */
export const rotationsRequest = z.object({ rotations: z.array(keyRotation).max(KEY_PURPOSES.length) });
/** A role change: rotations of the keys it takes away, grants of the keys it gives (current and retired). */
export const roleRequest = z.object({
  role: z.enum(ROLES),
  rotations: rotationsRequest.shape.rotations.default([]),
  grants: grantsRequest.shape.grants.default([]),
});
/** A member's workspace language. */
export const languageRequest = z.object({ language: z.enum(LANGUAGES) });

export const passphraseRequest = z.object({
  currentLoginKey: b64(64),
  kdf: kdfParams,
  loginKey: b64(64),
  wrappedPrivateKey: b64(256),
});

export interface MemberView {
  id: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'removed';
  publicKey: string;
  createdAt: string;
}
export interface InvitationView {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  memberId: string | null;
}
export interface MembersResponse {
  members: MemberView[];
  invitations: InvitationView[];
  /** The organization's keys: current and retired (old ones still open old envelopes). */
  keys: OrgKeyView[];
  /** The trustees' current recovery kit, a holder of every key: rotations seal to it too. */
  recoveryKit: RecoveryKitView | null;
}
export interface RecoveryKitView {
  id: string;
  publicKey: string;
}
export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}


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


export const sealedText = z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), envelope: b64(400_000) });
export const replyRequest = z.object({ forTeam: sealedText, forReporter: b64(400_000) });

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
