// Table shapes as Kysely sees them. Blobs are opaque bytes the server cannot read: sealed or
// wrapped envelopes, and public keys. Timestamps are ISO-8601 text; report times only to the hour.
import type { Generated } from 'kysely';

export interface OrganizationTable {
  id: number;
  name: string;
  public_title: string;
  /** JSON array of language codes, in order of preference. */
  languages: string;
  created_at: string;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
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
}

export interface IntakeKeyTable {
  id: string;
  public_key: Uint8Array;
  created_at: string;
  retired_at: string | null;
}

export interface KeyGrantTable {
  member_id: string;
  key_id: string;
  /** The intake private key sealed to the member's public key. */
  sealed: Uint8Array;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  member_id: string;
  created_at: string;
  expires_at: string;
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
}

export interface Database {
  organization: OrganizationTable;
  setup_tokens: SetupTokenTable;
  members: MemberTable;
  intake_keys: IntakeKeyTable;
  key_grants: KeyGrantTable;
  sessions: SessionTable;
  reports: ReportTable;
}
