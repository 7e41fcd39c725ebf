// Delivering a published alert: a row per webhook and per email in alert_deliveries, worked by a
// timer on every server. Webhook calls are claimed from the persisted queue by whichever server
// looks first (webhook-claims.ts); emails are sent only by the server holding their addresses
// (email-owner.ts); both are retried on the back-off schedule (retries.ts).
import { randomUUID } from 'node:crypto';
import type { VigilContext } from '../context.ts';
import type { Mailer } from './mailer.ts';
import type { Recipient } from '../../core/api/alerts.ts';
import { attemptRecorder, retryWebhooks, takeOverEmails } from './retries.ts';
import { publishedTexts } from './published.ts';
import { callDueWebhooks } from './webhook-claims.ts';
import { emailOwner, type EmailJob } from './email-owner.ts';

/** How often each server looks for emails a stopped server left pending. */
const SWEEP_MS = 5_000;

export function createDelivery(vigil: VigilContext, mailer: Mailer | null) {
  const { db } = vigil.storage;
  const retries = vigil.config.alertRetryMs;
  const record = attemptRecorder(db, retries);
  const emails = emailOwner(vigil, mailer, record);
  const pollMs = Math.min(5000, Math.max(50, Math.floor(Math.min(...retries, 10_000) / 2)));
  let timer: NodeJS.Timeout | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function work() {
    do {
      again = false;
      const textsOf = publishedTexts(db);
      await Promise.all([callDueWebhooks(vigil, textsOf, record), emails.sendDue(textsOf, () => stopped)]);
    } while (again && !stopped);
  }

  /** Runs the due deliveries now (after a publish), or soon if a run is under way. */
  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = work()
      .catch(() => undefined)
      .finally(() => (running = null));
  }

  return {
    interruptAbandoned: emails.interruptAbandoned,
    async start() {
      await emails.interruptAbandoned();
      timer = setInterval(kick, pollMs);
      timer.unref();
      sweepTimer = setInterval(() => void emails.interruptAbandoned().catch(() => undefined), SWEEP_MS);
      sweepTimer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (sweepTimer) clearInterval(sweepTimer);
      await running;
      await emails.stop();
    },

    /** Rows for a new alert (inside the publishing transaction); returns the email jobs to hold once it commits. */
    async plan(trx: typeof db, alertId: string, recipients: { recipient: Recipient; n: number }[]) {
      const at = new Date().toISOString();
      const webhooks = await trx.selectFrom('alert_webhooks').select(['id', 'url']).orderBy('seq').execute();
      const planned = { alert_id: alertId, attempts: 0, last_error: null, updated_at: at, status: 'pending' as const };
      const rows = [
        ...webhooks.map((w) => ({ ...planned, id: randomUUID(), channel: 'webhook' as const, target_id: w.id, target_label: w.url, next_attempt_at: at, owner: null })),
        ...recipients.map((r) => ({ ...planned, id: randomUUID(), channel: 'email' as const, target_id: r.recipient.subscriberId, target_label: `subscriber #${r.n}`, next_attempt_at: null, owner: vigil.instanceId })),
      ];
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('alert_deliveries').values(rows.slice(i, i + 500)).execute();
      const jobs = rows.filter((r) => r.channel === 'email').map((r, i) => [r.id, { recipient: recipients[i]!.recipient, alertId, due: 0 }] as const);
      return { webhooks: webhooks.length, emails: jobs.length, jobs };
    },

    hold(jobs: readonly (readonly [string, EmailJob])[]) {
      emails.hold(jobs);
      kick();
    },

    /** Failed or interrupted deliveries of an alert start again (emails only for the recipients given). */
    async retry(alertId: string, recipients: Recipient[]) {
      const webhooks = await retryWebhooks(db, alertId);
      const taken = await takeOverEmails(db, vigil.instanceId, alertId, recipients);
      emails.hold(taken.map(({ id, recipient }) => [id, { recipient, alertId, due: 0 }] as const));
      kick();
      return { webhooks, emails: taken.length };
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
