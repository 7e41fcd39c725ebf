// Table shapes as Kysely sees them. Blobs are opaque bytes the server cannot read: sealed or
// wrapped envelopes, and public keys. Timestamps are ISO-8601 text; report times only to the hour.
import type { ColumnType, Generated } from 'kysely';
import type { ReportStateName } from '../../core/api/inbox.ts';
import type { ColumnsOf } from '../../core/records/fields/field.ts';
import type { DETENTION_FIELDS } from '../../core/records/fields/detention.ts';
import type { INCIDENT_FIELDS } from '../../core/records/fields/incident.ts';
import type { PERSON_FIELDS } from '../../core/records/fields/person.ts';
import type { ACT_FIELDS } from '../../core/records/fields/act.ts';
import type { INVOLVEMENT_FIELDS } from '../../core/records/fields/involvement.ts';
import type { SOURCE_FIELDS } from '../../core/records/fields/source.ts';
import type { INTERVENTION_FIELDS } from '../../core/records/fields/intervention.ts';

export interface OrganizationTable {
  id: number;
  name: string;
  public_title: string;
  /** JSON array of language codes, in order of preference. */
  languages: string;
  created_at: string;
  require_second_factor: ColumnType<number, number | undefined, number>;
  /** 1: the public counts page is on (opt-in). */
  public_counts: Generated<number>;
  /** Cells under k are suppressed on it (at least 3). */
  public_k: Generated<number>;
  /** Set by an emergency lockdown (issue 13): logins refused, every wrapped key destroyed. */
  locked_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** IANA zone every time is shown in, workspace and public pages (migration 024). */
  time_zone: Generated<string>;
  /** Where "quick exit" goes; null: the server's VIGIL_EXIT_URL (our own /exit by default). */
  exit_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** Raised by every settings change: an edit made on an older version is a conflict. */
  settings_version: Generated<number>;
}

/** One row: a keyed check of the server secret the database was made with (migration 022). */
export interface SecretCheckTable {
  id: number;
  check_value: string;
  created_at: string;
}

export interface SecondFactorTable {
  id: string;
  member_id: string;
  kind: 'totp' | 'passkey';
  name: string;
  created_at: string;
  confirmed: number;
  totp_secret: Uint8Array | null;
  credential_id: string | null;
  public_key: Uint8Array | null;
  counter: number | null;
  transports: string | null;
  /** TOTP: the last time step a code was accepted for; only a later one is accepted next. */
  totp_last_step: number | null;
}

export interface RecoveryCodeTable {
  member_id: string;
  code_hash: string;
}

export interface ChallengeTable {
  token_hash: string;
  member_id: string;
  purpose: 'login' | 'register';
  webauthn_challenge: string | null;
  expires_at: string;
  /** Second-factor tries used; the challenge ends at SECOND_FACTOR_TRIES. */
  tries: Generated<number>;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
  /** The server instance that printed its link (migration 025): each running server's link works until setup. */
  owner: string | null;
}

export interface MemberTable {
  id: string;
  email: string;
  role: string;
  /** JSON KdfParams: Argon2id salt and costs; public by design (the browser needs them). */
  kdf: string;
  /** HMAC of the login key under the server secret. */
  login_hash: string;
  public_key: Uint8Array;
  wrapped_private_key: Uint8Array;
  created_at: string;
  /** 'invited': made their keys, waiting for an administrator to compare fingerprints. */
  status: 'active' | 'invited' | 'removed';
  invited_by: string | null;
  /** The workspace language the member chose (az, ru, en); null until their first login sets it. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IntakeKeyTable {
  id: string;
  public_key: Uint8Array;
  created_at: string;
  retired_at: string | null;
  /** keys/integrity.ts: a row without a valid MAC is not used. */
  mac: string | null;
  /** 'intake' (reports are sealed to it) or 'records' (per-record keys are sealed to it). */
  purpose: Generated<'intake' | 'records' | 'backup'>;
}

export interface KeyGrantTable {
  member_id: string;
  key_id: string;
  /** The intake private key sealed to the member's public key. */
  sealed: Uint8Array;
  created_at: string;
  mac: string | null;
}

export interface SessionTable {
  token_hash: string;
  member_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  /** Set once the invitee has made their keys. */
  member_id: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  /** Member id, or null for the public (a reporter) and the system. */
  actor: string | null;
  action: string;
  /** The object's id (a member, report, invitation, key…); never content. */
  object: string | null;
  /** Small JSON of non-sensitive facts (e.g. a role or a state), never content. */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface ReportTable {
  /** Keeps arrival order without a precise timestamp. */
  seq: Generated<number>;
  id: string;
  key_id: string;
  envelope: Uint8Array;
  received_hour: string;
  /** HMAC(server secret, scrypt(codename)), hex. Not unique: uniqueness would let one sender fail a batch. */
  status_lookup: string;
  read_hour: string | null;
  state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  assignee: string | null;
  duplicate_of: string | null;
  reporter_key: Uint8Array | null;
  /** The answers re-encrypted for fast opening (core/report/cache.ts); the first copy written stays. */
  cache: Uint8Array | null;
}

/** One list of states, shared with the API (src/core/api/inbox.ts). */
export type ReportState = ReportStateName;

export interface ReportTagTable {
  report_id: string;
  tag: string;
}

export interface NoteTable {
  id: string;
  report_id: string;
  author: string;
  created_at: string;
  key_id: string;
  envelope: Uint8Array;
}

export interface MessageTable {
  seq: Generated<number>;
  id: string;
  report_id: string;
  direction: 'team' | 'reporter';
  author: string | null;
  created_hour: string;
  key_id: string;
  for_team: Uint8Array;
  for_reporter: Uint8Array | null;
}

/** Columns every record table has (migration 006). */
interface RecordColumns {
  seq: Generated<number>;
  id: string;
  key_id: string;
  key_envelope: Uint8Array;
  sealed: Uint8Array;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
export interface RegistryTable {
  id: string;
  kind: 'place' | 'unit' | 'provision' | 'act-type';
  code: string;
  labels: string;
  place_kind: string | null;
  appeal_days: number | null;
  created_at: string;
  created_by: string;
}
// Each record type's plain columns come from its field table (src/core/records/fields/).
export interface IncidentTable extends RecordColumns, ColumnsOf<typeof INCIDENT_FIELDS> {}
export interface PersonTable extends RecordColumns, ColumnsOf<typeof PERSON_FIELDS> {
  consent_recorded_by: string | null;
  consent_recorded_at: string | null;
  /** The surviving person's id while a merge into it stands (migration 018). */
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ActTable extends RecordColumns, ColumnsOf<typeof ACT_FIELDS> {
  /** The survivor's act this one repeats, after a merge (migration 019); left out of counts. */
  duplicate_of: ColumnType<string | null, string | null | undefined, string | null>;
}
/** A detention's columns come from its field table (src/core/records/fields/detention.ts). */
export interface DetentionTable extends ColumnsOf<typeof DETENTION_FIELDS> {
  act_id: string;
  version: number;
  updated_at: string;
  updated_by: string;
}
export interface TransferTable {
  id: string;
  act_id: string;
  from_place_id: string | null;
  to_place_id: string;
  on_day: string;
  /** 'HH:MM', local time, when known. */
  at_time: string | null;
  created_at: string;
  created_by: string;
}
export interface InvolvementTable extends RecordColumns, ColumnsOf<typeof INVOLVEMENT_FIELDS> {}
export interface SourceTable extends RecordColumns, ColumnsOf<typeof SOURCE_FIELDS> {}
export interface InterventionTable extends RecordColumns, ColumnsOf<typeof INTERVENTION_FIELDS> {}
export interface RecordVersionTable {
  record_type: string;
  record_id: string;
  version: number;
  changed_at: string;
  changed_by: string;
  plain: string;
  key_envelope: Uint8Array | null;
  sealed: Uint8Array | null;
}

export interface AttachmentTable {
  seq: Generated<number>;
  id: string;
  owner_type: 'report' | 'incident' | 'person' | 'act';
  owner_id: string;
  key_id: string;
  key_envelope: Uint8Array;
  meta: Uint8Array;
  original: Uint8Array;
  working: Uint8Array | null;
  size: number;
  created_at: string;
  created_by: string | null;
}
export interface CustodyLogTable {
  seq: Generated<number>;
  attachment_id: string;
  at: string;
  actor: string | null;
  action: string;
  detail: Uint8Array | null;
}

/** The organization's "know your rights" / "staying safe" pages (public words). */
export interface GuideTable {
  kind: string;
  sections: string;
  version: number;
  updated_day: string;
  updated_by: string;
}

/** How a member is told of new work (issue 14): a channel and kinds, never content. */
export interface NoticeSettingsTable {
  member_id: string;
  channel: 'email' | 'webhook' | 'none';
  /** JSON array of NoticeKind. */
  kinds: string;
  /** The member's own webhook address, sealed under the server secret ('notice-webhook'). */
  webhook: Uint8Array | null;
  updated_at: string;
}

/** The last reporter message a member has seen on a report (unread badges). */
export interface ReportReadTable {
  member_id: string;
  report_id: string;
  seen_seq: ColumnType<number, number | bigint | undefined, number | bigint>;
}

/** A partner's bundle imported here; who sent it is sealed (see migration 014). */
export interface BundleImportTable {
  bundle_id: string;
  key_id: string;
  key_envelope: Uint8Array;
  sealed: Uint8Array;
  imported_on: string;
  imported_by: string;
  /** The partner's channel: everyone this bundle brought was seen by that list (migration 020). */
  channel_id: string | null;
}
/** A list for estimation (migration 020); sealed columns null only for the built-in report form. */
export interface ChannelTable {
  id: string;
  kind: string;
  key_id: string | null;
  key_envelope: Uint8Array | null;
  sealed: Uint8Array | null;
  version: number;
  retired: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
export interface ProvenanceTable {
  record_type: string;
  record_id: string;
  bundle_id: string;
  original_id: string;
  original_code: string;
}

/** A merge of two person records (issue 11); `moved` is JSON of the ids moved (MovedRows). */
export interface PersonMergeTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  moved: string;
  created_at: string;
  created_by: string;
  undone_at: string | null;
  undone_by: string | null;
}
/** Two people a member decided are different; person_a < person_b. */
export interface PersonDistinctTable {
  person_a: string;
  person_b: string;
  decided_by: string;
  decided_at: string;
}

export interface Database {
  organization: OrganizationTable;
  notice_settings: NoticeSettingsTable;
  report_reads: ReportReadTable;
  secret_check: SecretCheckTable;
  setup_tokens: SetupTokenTable;
  members: MemberTable;
  intake_keys: IntakeKeyTable;
  key_grants: KeyGrantTable;
  sessions: SessionTable;
  reports: ReportTable;
  invitations: InvitationTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  report_tags: ReportTagTable;
  notes: NoteTable;
  messages: MessageTable;
  second_factors: SecondFactorTable;
  recovery_codes: RecoveryCodeTable;
  challenges: ChallengeTable;
  registry: RegistryTable;
  incidents: IncidentTable;
  persons: PersonTable;
  acts: ActTable;
  detentions: DetentionTable;
  transfers: TransferTable;
  involvements: InvolvementTable;
  sources: SourceTable;
  interventions: InterventionTable;
  record_versions: RecordVersionTable;
  attachments: AttachmentTable;
  custody_log: CustodyLogTable;
  guides: GuideTable;
  bundle_imports: BundleImportTable;
  channels: ChannelTable;
  provenance: ProvenanceTable;
  person_merges: PersonMergeTable;
  person_distinct: PersonDistinctTable;
  alerts: AlertTable;
  alert_subscribers: AlertSubscriberTable;
  alert_webhooks: AlertWebhookTable;
  alert_deliveries: AlertDeliveryTable;
  recovery_kits: RecoveryKitTable;
  recovery_grants: RecoveryGrantTable;
  recovery_challenges: RecoveryChallengeTable;
  backup_runs: BackupRunTable;
  server_instances: ServerInstanceTable;
  login_failures: LoginFailureTable;
  daily_claims: DailyClaimTable;
  pow_spent: PowSpentTable;
}

/** A trustees' recovery key pair (migration 023): its private half exists only as M-of-N shares. */
export interface RecoveryKitTable {
  /** keyIdOf(public_key). */
  id: string;
  public_key: Uint8Array;
  threshold: number;
  shares: number;
  created_at: string;
  created_by: string;
  retired_at: string | null;
  /** Under the server secret, like intake_keys.mac: a kit inserted in the database alone is ignored. */
  mac: string;
}
/** An organization key sealed to a recovery kit (as key_grants are to members). */
export interface RecoveryGrantTable {
  kit_id: string;
  key_id: string;
  sealed: Uint8Array;
  created_at: string;
  mac: string;
}
/** A one-time challenge sealed to the kit: only M trustees' shares open it; used once, before it expires. */
export interface RecoveryChallengeTable {
  /** keyedHash('recovery-challenge', answer): the answer itself is never stored. */
  answer_hash: string;
  kit_id: string;
  expires_at: string;
}
/** One scheduled or command-line backup: when, how big, how it ended. Nothing of its content. */
export interface BackupRunTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  outcome: 'running' | 'ok' | 'failed';
  /** Bytes; PostgreSQL returns a bigint as a string. */
  size: ColumnType<number | string | null, number | null, number | null>;
  /** The file's name in VIGIL_BACKUP_DIR (not a path). */
  file: string | null;
  /** An error code, never a message that could carry content. */
  error: string | null;
  /** The server instance running it (migration 025); null for runs before it. */
  owner: string | null;
}

export interface AlertTable {
  seq: Generated<number>;
  id: string;
  /** JSON: { [language]: { title, body } } — public once published. */
  texts: string;
  status: 'published' | 'withdrawn';
  /** To the hour, like everything public. */
  published_at: string;
  corrected_at: string | null;
  published_by: string;
}
export interface AlertSubscriberTable {
  seq: Generated<number>;
  id: string;
  key_id: string;
  /** Address, languages and unsubscribe token, sealed (kind 10) to the intake key. */
  envelope: Uint8Array;
  confirm_hash: string | null;
  unsubscribe_hash: string;
  confirmed: number;
  created_day: string;
}
export interface AlertWebhookTable {
  seq: Generated<number>;
  id: string;
  url: string;
  /** The signing secret, encrypted under the server secret. */
  secret: Uint8Array;
  created_at: string;
  created_by: string;
}
export interface AlertDeliveryTable {
  seq: Generated<number>;
  id: string;
  alert_id: string;
  channel: 'email' | 'webhook';
  target_id: string;
  target_label: string;
  status: 'pending' | 'sent' | 'failed' | 'interrupted';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  updated_at: string;
  /** The server instance whose memory holds an email's address (migration 025); null for webhooks. */
  owner: string | null;
}

/** A running server (migration 025): `seen_at` is its heartbeat; a row not seen for a while is a stopped server. */
export interface ServerInstanceTable {
  id: string;
  started_at: string;
  seen_at: string;
}

/** Failed logins in a window (migration 025), shared by every server: `key` is 'account:' + a keyed hash of the typed address, or 'device:' + a device cookie's nonce. */
export interface LoginFailureTable {
  key: string;
  failures: number;
  ends_at: string;
}

/** A day's job done by one server (migration 025): the first to insert (job, day) does it. */
export interface DailyClaimTable {
  job: string;
  day: string;
  owner: string;
}

/** A spent proof of work (migration 025): its challenge's random id, until the challenge expires (unix seconds). */
export interface PowSpentTable {
  id: string;
  expires_at: number;
}
