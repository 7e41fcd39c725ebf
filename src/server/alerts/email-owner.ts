// Email deliveries are logged in alert_deliveries like webhook calls, but the addresses they need
// exist only in the memory of the server the coordinator's browser sent them to (its `owner`): only
// that server sends them. Once it stops or stops beating they show as "interrupted", and "retry" in
// the workspace sends the addresses again — never while their owner still runs.
import type { VigilContext } from '../context.ts';
import { livingInstances } from '../cluster/instance.ts';
import type { Recipient } from '../../core/api/alerts.ts';
import { type Mailer, smtpErrorClass } from './mailer.ts';
import { alertEmail } from './email.ts';
import type { PublishedTexts } from './published.ts';
import { noMoreRetries, type RecordAttempt } from './retries.ts';

export interface EmailJob {
  recipient: Recipient;
  alertId: string;
  /** When to send (ms since the epoch); Infinity while an attempt is under way. */
  due: number;
}

/** This server's emails: the addresses it holds, by delivery id. */
export function emailOwner(vigil: VigilContext, mailer: Mailer | null, record: RecordAttempt) {
  const { db } = vigil.storage;
  const jobs = new Map<string, EmailJob>();
  const final = noMoreRetries(vigil.config.alertRetryMs);

  /** One attempt at one email, if it is still this server's to send; resolves with its outcome. */
  async function attempt(id: string, job: EmailJob, textsOf: (alertId: string) => Promise<PublishedTexts | null>): Promise<void> {
    const row = await db.selectFrom('alert_deliveries').select(['attempts', 'status', 'owner']).where('id', '=', id).executeTakeFirst();
    // Another server's retry may have taken it over: only its owner sends it.
    if (!row || row.status !== 'pending' || row.owner !== vigil.instanceId) {
      jobs.delete(id);
      return;
    }
    const alert = await textsOf(job.alertId);
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
    const nextAt = await record(id, error === 'withdrawn' || error === 'mail-off' ? final : row.attempts + 1, error);
    if (nextAt) job.due = Date.parse(nextAt);
    else jobs.delete(id);
  }

  /** Where the delivery log says pending: marked interrupted, its chances gone with the addresses. */
  const interrupt = () => db.updateTable('alert_deliveries').set({ status: 'interrupted', next_attempt_at: null, updated_at: new Date().toISOString() }).where('channel', '=', 'email').where('status', '=', 'pending');

  return {
    hold(entries: Iterable<readonly [string, EmailJob]>) {
      for (const [id, job] of entries) jobs.set(id, job);
    },

    /** Sends the emails due now, a few at a time (a mail server limits connections per client). */
    async sendDue(textsOf: (alertId: string) => Promise<PublishedTexts | null>, stopped: () => boolean): Promise<void> {
      const due = [...jobs.entries()].filter(([, job]) => job.due <= Date.now()).slice(0, 200);
      let next = 0;
      const worker = async () => {
        while (next < due.length && !stopped()) {
          const [id, job] = due[next++]!;
          job.due = Infinity;
          await attempt(id, job, textsOf);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    },

    /**
     * Pending emails whose owner stopped (its row gone), stopped beating, or predates owners: no
     * memory holds their addresses any more. A living server's — this one's or a neighbour's — are left.
     */
    async interruptAbandoned(): Promise<void> {
      await interrupt()
        .where((eb) => eb.or([eb('owner', 'is', null), eb('owner', 'not in', livingInstances(db))]))
        .execute();
    },

    /** A clean stop: the addresses this server held are gone now, so are its emails' chances. */
    async stop(): Promise<void> {
      jobs.clear();
      mailer?.close();
      await interrupt()
        .where('owner', '=', vigil.instanceId)
        .execute()
        // Unmarked (the database is gone too), they are ended by whoever starts next: no row beats for them.
        .catch(() => undefined);
    },
  };
}
