// Delivering a published alert. Webhook deliveries are a persisted queue (alert_deliveries with
// next_attempt_at), worked by a timer on every server: each claims due rows in one statement that
// moves them out of reach for a lease (on PostgreSQL skipping rows another server is claiming), so
// each call is made once. Email deliveries are logged in the same table, but the addresses they need
// exist only in the memory of the server the coordinator's browser sent them to (its `owner`): once
// that server stops or stops beating, they show as "interrupted" and "retry" in the workspace
// resends them — never while their owner still runs.
import { randomUUID } from 'node:crypto';
import type { VigilContext } from '../context.ts';
import { livingInstances } from '../cluster/instance.ts';
import type { Mailer } from './mailer.ts';
import { smtpErrorClass } from './mailer.ts';
import { callWebhook, WEBHOOK_SCHEMA_VERSION } from './webhook.ts';
import { alertEmail } from './email.ts';
import type { AlertTexts, Recipient } from '../../core/alerts/schemas.ts';
import { fromUtf8 } from '../../core/crypto/bytes.ts';

interface EmailJob {
  recipient: Recipient;
  alertId: string;
  due: number;
}

/**
 * After an attempt: null when it succeeded or the retries are used up, else when to try again —
 * the back-off schedule (VIGIL_ALERT_RETRY_MS) read by the attempt number.
 */
export function nextAttemptAt(attempts: number, failed: boolean, retries: readonly number[], nowMs: number): string | null {
  if (!failed || attempts > retries.length) return null;
  return new Date(nowMs + retries[attempts - 1]!).toISOString();
}

/** How often each server looks for emails a stopped server left pending. */
const SWEEP_MS = 5_000;

export function createDelivery(vigil: VigilContext, mailer: Mailer | null) {
  const { db } = vigil.storage;
  const { alertRetryMs: retries, alertTimeoutMs: timeoutMs } = vigil.config;
  const emailJobs = new Map<string, EmailJob>();
  const pollMs = Math.min(5000, Math.max(50, Math.floor(Math.min(...retries, 10_000) / 2)));
  let timer: NodeJS.Timeout | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const now = () => new Date().toISOString();

  async function record(id: string, attempts: number, error: string | null) {
    const next = nextAttemptAt(attempts, error !== null, retries, Date.now());
    await db
      .updateTable('alert_deliveries')
      .set({ status: error === null ? 'sent' : next === null ? 'failed' : 'pending', attempts, last_error: error, next_attempt_at: next, updated_at: now() })
      .where('id', '=', id)
      .execute();
    return next;
  }

  async function alertTexts(alertId: string, cache: Map<string, { texts: AlertTexts; publishedAt: string } | null>) {
    if (!cache.has(alertId)) {
      const row = await db.selectFrom('alerts').select(['texts', 'status', 'published_at']).where('id', '=', alertId).executeTakeFirst();
      cache.set(alertId, row && row.status === 'published' ? { texts: JSON.parse(row.texts) as AlertTexts, publishedAt: row.published_at } : null);
    }
    return cache.get(alertId)!;
  }

  /**
   * Claims up to 20 due webhook calls: one statement sets their lease (a server that dies mid-call
   * leaves them to be claimed again once it passes). PostgreSQL skips rows another server's claim has
   * locked; SQLite has one writer at a time, so its statement cannot interleave with another.
   */
  function claimWebhooks() {
    const lease = new Date(Date.now() + 2 * timeoutMs + 1000).toISOString();
    const due = db
      .selectFrom('alert_deliveries')
      .select('id')
      .where('channel', '=', 'webhook')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now())
      .orderBy('next_attempt_at')
      .limit(20)
      .$if(vigil.storage.kind === 'postgres', (q) => q.forUpdate().skipLocked());
    return db.updateTable('alert_deliveries').set({ next_attempt_at: lease }).where('id', 'in', due).returning(['id', 'alert_id', 'attempts', 'target_id']).execute();
  }

  async function webhooksDue(cache: Map<string, { texts: AlertTexts; publishedAt: string } | null>) {
    const claimed = await claimWebhooks();
    if (claimed.length === 0) return;
    const targets = await db.selectFrom('alert_webhooks').select(['id', 'url', 'secret']).where('id', 'in', [...new Set(claimed.map((d) => d.target_id))]).execute();
    const webhookOf = new Map(targets.map((t) => [t.id, t]));
    await Promise.all(
      claimed.map(async (d) => {
        const webhook = webhookOf.get(d.target_id);
        // Removed as it was claimed: said as the removal says it.
        if (!webhook) return record(d.id, retries.length + 1, 'removed');
        const alert = await alertTexts(d.alert_id, cache);
        if (!alert) return record(d.id, retries.length + 1, 'withdrawn');
        let secret: string;
        try {
          secret = fromUtf8(vigil.secret.decrypt('webhook', webhook.secret));
        } catch {
          // The server secret changed since the webhook was registered: no retry can succeed. Said
          // in the delivery log rather than re-claimed for ever.
          return record(d.id, retries.length + 1, 'secret-unreadable');
        }
        const error = await callWebhook(
          webhook.url,
          secret,
          d.id,
          { v: WEBHOOK_SCHEMA_VERSION, type: 'alert.published', id: d.alert_id, url: `${vigil.config.publicUrl}/alerts/${d.alert_id}`, publishedAt: alert.publishedAt, languages: alert.texts },
          timeoutMs,
        );
        await record(d.id, d.attempts + 1, error);
      }),
    );
  }

  async function emailsDue(cache: Map<string, { texts: AlertTexts; publishedAt: string } | null>) {
    const due = [...emailJobs.entries()].filter(([, job]) => job.due <= Date.now()).slice(0, 200);
    let next = 0;
    // A few at a time: a mail server limits connections per client.
    const worker = async () => {
      while (next < due.length && !stopped) {
        const [id, job] = due[next++]!;
        job.due = Infinity;
        const row = await db.selectFrom('alert_deliveries').select(['attempts', 'status', 'owner']).where('id', '=', id).executeTakeFirst();
        // Another server's retry may have taken it over: only its owner sends it.
        if (!row || row.status !== 'pending' || row.owner !== vigil.instanceId) {
          emailJobs.delete(id);
          continue;
        }
        const alert = await alertTexts(job.alertId, cache);
        let error: string | null;
        if (!alert) error = 'withdrawn';
        else if (!mailer) error = 'mail-off';
        else {
          try {
            await mailer.send(alertEmail(vigil.config.publicUrl, job.alertId, alert.texts, job.recipient));
            error = null;
          } catch (e) {
            error = smtpErrorClass(e);
          }
        }
        const attempts = error === 'withdrawn' || error === 'mail-off' ? retries.length + 1 : row.attempts + 1;
        const nextAt = await record(id, attempts, error);
        if (nextAt) job.due = Date.parse(nextAt);
        else emailJobs.delete(id);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  async function work() {
    do {
      again = false;
      const cache = new Map<string, { texts: AlertTexts; publishedAt: string } | null>();
      await Promise.all([webhooksDue(cache), emailsDue(cache)]);
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

  /**
   * Pending emails whose owner stopped (its row gone), stopped beating, or predates owners: no
   * memory holds their addresses any more. A living server's — this one's or a neighbour's — are left.
   */
  async function interruptAbandoned() {
    await db
      .updateTable('alert_deliveries')
      .set({ status: 'interrupted', next_attempt_at: null, updated_at: now() })
      .where('channel', '=', 'email')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('owner', 'is', null), eb('owner', 'not in', livingInstances(db))]))
      .execute();
  }

  return {
    interruptAbandoned,
    async start() {
      await interruptAbandoned();
      timer = setInterval(kick, pollMs);
      timer.unref();
      sweepTimer = setInterval(() => void interruptAbandoned().catch(() => undefined), SWEEP_MS);
      sweepTimer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (sweepTimer) clearInterval(sweepTimer);
      await running;
      emailJobs.clear();
      mailer?.close();
      // A clean stop: the addresses it held are gone now, so are its emails' chances.
      await db
        .updateTable('alert_deliveries')
        .set({ status: 'interrupted', next_attempt_at: null, updated_at: now() })
        .where('channel', '=', 'email')
        .where('status', '=', 'pending')
        .where('owner', '=', vigil.instanceId)
        .execute()
        // Unmarked (the database is gone too), they are ended by whoever starts next: no row beats for them.
        .catch(() => undefined);
    },

    /** Rows for a new alert (inside the publishing transaction); returns the email jobs to hold once it commits. */
    async plan(trx: typeof db, alertId: string, recipients: { recipient: Recipient; n: number }[]) {
      const at = now();
      const webhooks = await trx.selectFrom('alert_webhooks').select(['id', 'url']).orderBy('seq').execute();
      const rows = [
        ...webhooks.map((w) => ({ id: randomUUID(), alert_id: alertId, channel: 'webhook' as const, target_id: w.id, target_label: w.url, status: 'pending' as const, attempts: 0, last_error: null, next_attempt_at: at, updated_at: at, owner: null })),
        ...recipients.map((r) => ({ id: randomUUID(), alert_id: alertId, channel: 'email' as const, target_id: r.recipient.subscriberId, target_label: `subscriber #${r.n}`, status: 'pending' as const, attempts: 0, last_error: null, next_attempt_at: null, updated_at: at, owner: vigil.instanceId })),
      ];
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('alert_deliveries').values(rows.slice(i, i + 500)).execute();
      const jobs = rows.filter((r) => r.channel === 'email').map((r, i) => [r.id, { recipient: recipients[i]!.recipient, alertId, due: 0 }] as const);
      return { webhooks: webhooks.length, emails: jobs.length, jobs };
    },

    hold(jobs: readonly (readonly [string, EmailJob])[]) {
      for (const [id, job] of jobs) emailJobs.set(id, job);
      kick();
    },

    /** Failed or interrupted deliveries of an alert start again (emails only for the recipients given). */
    async retry(alertId: string, recipients: Recipient[]) {
      const at = now();
      const webhooks = await db
        .updateTable('alert_deliveries')
        .set({ status: 'pending', next_attempt_at: at, attempts: 0, updated_at: at })
        .where('alert_id', '=', alertId)
        .where('channel', '=', 'webhook')
        .where('status', 'in', ['failed', 'interrupted'])
        .executeTakeFirst();
      const bySubscriber = new Map(recipients.map((r) => [r.subscriberId, r]));
      const failed = await db
        .selectFrom('alert_deliveries')
        .select(['id', 'target_id'])
        .where('alert_id', '=', alertId)
        .where('channel', '=', 'email')
        .where('status', 'in', ['failed', 'interrupted'])
        .execute();
      const jobs: [string, EmailJob][] = [];
      for (const row of failed) {
        const recipient = bySubscriber.get(row.target_id);
        if (!recipient) continue;
        // Taken only if still failed or interrupted: two retries at once (two servers) take it once.
        const taken = await db
          .updateTable('alert_deliveries')
          .set({ status: 'pending', attempts: 0, last_error: null, updated_at: at, owner: vigil.instanceId })
          .where('id', '=', row.id)
          .where('status', 'in', ['failed', 'interrupted'])
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) jobs.push([row.id, { recipient, alertId, due: 0 }]);
      }
      for (const [id, job] of jobs) emailJobs.set(id, job);
      kick();
      return { webhooks: Number(webhooks.numUpdatedRows), emails: jobs.length };
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
