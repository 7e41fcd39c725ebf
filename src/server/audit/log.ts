// The audit trail: append-only and hash-chained. Each row's hash covers the previous row's hash
// and its own fields, so changing or deleting a row breaks every link after it. It records who
// did what to which object and when — never what a report or note says.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, AuditLogTable } from '../storage/schema.ts';

export const AUDIT_ACTIONS = [
  'organization.created',
  'login.succeeded',
  'login.failed',
  'logout',
  'session.ended',
  'sessions.ended-all',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'member.confirmed',
  'member.removed',
  'member.role-changed',
  'member.passphrase-changed',
  'key.granted',
  'key.rotated',
  'key.created',
  'second-factor.enrolled',
  'second-factor.removed',
  'second-factor.required',
  'report.read',
  'report.state-changed',
  'report.assigned',
  'report.tagged',
  'report.deleted-by-reporter',
  'reply.sent',
  'note.added',
  'export.made',
  'record.created',
  'record.updated',
  'record.purged',
  'person.merged',
  'person.merge-undone',
  'person.marked-distinct',
  'person.distinct-forgotten',
  'registry.added',
  'registry.changed',
  'registry.retired',
  'registry.restored',
  'settings.changed',
  'organization.settings-changed',
  'guide.saved',
  'bundle.imported',
  'alert.published',
  'alert.corrected',
  'alert.withdrawn',
  'webhook.added',
  'webhook.removed',
  'document.generated',
  'document.sent',
  'channel.created',
  'channel.updated',
  'channel.retired',
  'channel.restored',
  'source.channel-changed',
  'backup.made',
  'backup.failed',
  'backup.restored',
  'key.revoked',
  'recovery.kit-created',
  'recovery.kit-retired',
  'recovery.used',
  'organization.locked-down',
  'notice.settings-changed',
  'notice.sent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  actor: string | null;
  action: AuditAction;
  object?: string | null;
  detail?: Record<string, string | number | boolean | null> | null;
}

type Row = Omit<AuditLogTable, 'hash'>;

export function hashOf(row: Row): string {
  const fields = [row.seq, row.at, row.actor, row.action, row.object, row.detail];
  return createHash('sha256').update(row.prev_hash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** Appends inside the caller's transaction, so the log and the action commit together. */
export async function appendAudit(trx: Transaction<Database> | Kysely<Database>, event: AuditEvent): Promise<void> {
  // Taking the head row first serialises concurrent appends (row lock on PostgreSQL).
  const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
  const row: Row = {
    seq: Number(head.seq),
    at: new Date().toISOString(),
    actor: event.actor,
    action: event.action,
    object: event.object ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    prev_hash: head.hash,
  };
  const hash = hashOf(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** Audit something on its own (outside any other transaction). */
export function audit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, event));
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the chain from the start; reports the first row whose link or hash does not hold. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainCheck> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, reason: `row ${expectedSeq} is missing` };
      if (row.prev_hash !== prev) return { ok: false, rows, brokenAt: seq, reason: `row ${seq} does not link to row ${seq - 1}` };
      if (hashOf({ ...row, seq }) !== row.hash) return { ok: false, rows, brokenAt: seq, reason: `row ${seq} was changed after it was written` };
      prev = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.seq) !== rows || head.hash !== prev) {
    return { ok: false, rows, brokenAt: rows + 1, reason: `the log ends at row ${rows} but ${Number(head.seq)} rows were written` };
  }
  return { ok: true, rows };
}
