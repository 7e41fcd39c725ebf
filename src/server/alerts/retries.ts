// The delivery log's retries: after each attempt a delivery is sent, pending again at the next time
// of the back-off schedule (VIGIL_ALERT_RETRY_MS), or failed once the schedule is used up.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Recipient } from '../../core/api/alerts.ts';

/**
 * After an attempt: null when it succeeded or the retries are used up, else when to try again —
 * the back-off schedule (VIGIL_ALERT_RETRY_MS) read by the attempt number.
 */
export function nextAttemptAt(attempts: number, failed: boolean, retries: readonly number[], nowMs: number): string | null {
  if (!failed || attempts > retries.length) return null;
  return new Date(nowMs + retries[attempts - 1]!).toISOString();
}

/** Records an attempt's outcome (`error` null: sent); resolves with when to try again, or null. */
export type RecordAttempt = (id: string, attempts: number, error: string | null) => Promise<string | null>;

export function attemptRecorder(db: Kysely<Database>, retries: readonly number[]): RecordAttempt {
  return async (id, attempts, error) => {
    const next = nextAttemptAt(attempts, error !== null, retries, Date.now());
    await db
      .updateTable('alert_deliveries')
      .set({ status: error === null ? 'sent' : next === null ? 'failed' : 'pending', attempts, last_error: error, next_attempt_at: next, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    return next;
  };
}

/** An attempt count past the schedule: for an error no retry can mend (said once in the log). */
export const noMoreRetries = (retries: readonly number[]) => retries.length + 1;

/** A coordinator's retry: an alert's failed or interrupted webhook calls start again now; resolves with how many. */
export async function retryWebhooks(db: Kysely<Database>, alertId: string): Promise<number> {
  const at = new Date().toISOString();
  const result = await db
    .updateTable('alert_deliveries')
    .set({ status: 'pending', next_attempt_at: at, attempts: 0, updated_at: at })
    .where('alert_id', '=', alertId)
    .where('channel', '=', 'webhook')
    .where('status', 'in', ['failed', 'interrupted'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A coordinator's retry: the alert's failed or interrupted emails whose recipients the browser sent
 * again become this server's (`owner`) to send. Taken only if still failed or interrupted: two
 * retries at once (two servers) take each once. Resolves with the deliveries taken.
 */
export async function takeOverEmails(db: Kysely<Database>, owner: string, alertId: string, recipients: Recipient[]): Promise<{ id: string; recipient: Recipient }[]> {
  const at = new Date().toISOString();
  const bySubscriber = new Map(recipients.map((r) => [r.subscriberId, r]));
  const failed = await db
    .selectFrom('alert_deliveries')
    .select(['id', 'target_id'])
    .where('alert_id', '=', alertId)
    .where('channel', '=', 'email')
    .where('status', 'in', ['failed', 'interrupted'])
    .execute();
  const taken: { id: string; recipient: Recipient }[] = [];
  for (const row of failed) {
    const recipient = bySubscriber.get(row.target_id);
    if (!recipient) continue;
    const result = await db
      .updateTable('alert_deliveries')
      .set({ status: 'pending', attempts: 0, last_error: null, updated_at: at, owner })
      .where('id', '=', row.id)
      .where('status', 'in', ['failed', 'interrupted'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) taken.push({ id: row.id, recipient });
  }
  return taken;
}
