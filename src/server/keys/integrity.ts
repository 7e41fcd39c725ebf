// MACs over the rows that say which key reports are sealed to and who holds it. Only this server
// (holding the secret) writes valid ones; a row inserted or altered in the database alone fails
// the check and is not used. (A server whose code is taken over is a different, documented limit.)
import { createHash } from 'node:crypto';
import type { ServerSecret } from '../secret.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The purpose is bound too, so a records key cannot be relabelled as the key reporters seal to. (Intake keys keep the form they had before keys had purposes.) */
export function intakeKeyMac(secret: ServerSecret, row: { id: string; public_key: Uint8Array; purpose?: string }): string {
  const purpose = row.purpose && row.purpose !== 'intake' ? `\n${row.purpose}` : '';
  return secret.keyedHash('key-integrity', `intake-key\n${row.id}\n${hex(row.public_key)}${purpose}`);
}

export function grantMac(secret: ServerSecret, row: { member_id: string; key_id: string; sealed: Uint8Array }): string {
  const digest = createHash('sha256').update(row.sealed).digest('hex');
  return secret.keyedHash('key-integrity', `grant\n${row.member_id}\n${row.key_id}\n${digest}`);
}

export const intakeKeyIsIntact = (secret: ServerSecret, row: { id: string; public_key: Uint8Array; purpose?: string; mac: string | null }) =>
  row.mac !== null && secret.equal(row.mac, intakeKeyMac(secret, row));

export const grantIsIntact = (secret: ServerSecret, row: { member_id: string; key_id: string; sealed: Uint8Array; mac: string | null }) =>
  row.mac !== null && secret.equal(row.mac, grantMac(secret, row));

type RecoveryKitRow = { id: string; public_key: Uint8Array; threshold: number; shares: number; created_at: string; retired_at: string | null };

/** A recovery kit's row: its key, split and times are bound, so none can be swapped, and a retired kit cannot be made current again, in the database alone. */
export function recoveryKitMac(secret: ServerSecret, row: RecoveryKitRow): string {
  return secret.keyedHash('key-integrity', `recovery-kit\n${row.id}\n${hex(row.public_key)}\n${row.threshold}\n${row.shares}\n${row.created_at}\n${row.retired_at ?? ''}`);
}

export function recoveryGrantMac(secret: ServerSecret, row: { kit_id: string; key_id: string; sealed: Uint8Array }): string {
  const digest = createHash('sha256').update(row.sealed).digest('hex');
  return secret.keyedHash('key-integrity', `recovery-grant\n${row.kit_id}\n${row.key_id}\n${digest}`);
}

export const recoveryKitIsIntact = (secret: ServerSecret, row: RecoveryKitRow & { mac: string }) =>
  secret.equal(row.mac, recoveryKitMac(secret, row));

export const recoveryGrantIsIntact = (secret: ServerSecret, row: { kit_id: string; key_id: string; sealed: Uint8Array; mac: string }) =>
  secret.equal(row.mac, recoveryGrantMac(secret, row));
