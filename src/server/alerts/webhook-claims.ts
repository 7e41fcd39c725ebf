// Webhook deliveries are a persisted queue (alert_deliveries with next_attempt_at), worked by a
// timer on every server: each claims due rows in one statement that moves them out of reach for a
// lease (on PostgreSQL skipping rows another server is claiming), so each call is made once.
import type { VigilContext } from '../context.ts';
import { fromUtf8 } from '../../core/crypto/bytes.ts';
import { callWebhook, WEBHOOK_SCHEMA_VERSION, type WebhookPayload } from './webhook.ts';
import type { PublishedTexts } from './published.ts';
import { noMoreRetries, type RecordAttempt } from './retries.ts';

/**
 * Claims up to 20 due webhook calls: one statement sets their lease (a server that dies mid-call
 * leaves them to be claimed again once it passes). PostgreSQL skips rows another server's claim has
 * locked; SQLite has one writer at a time, so its statement cannot interleave with another.
 */
function claimWebhooks(vigil: VigilContext) {
  const { db } = vigil.storage;
  const lease = new Date(Date.now() + 2 * vigil.config.alertTimeoutMs + 1000).toISOString();
  const due = db
    .selectFrom('alert_deliveries')
    .select('id')
    .where('channel', '=', 'webhook')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', new Date().toISOString())
    .orderBy('next_attempt_at')
    .limit(20)
    .$if(vigil.storage.kind === 'postgres', (q) => q.forUpdate().skipLocked());
  return db.updateTable('alert_deliveries').set({ next_attempt_at: lease }).where('id', 'in', due).returning(['id', 'alert_id', 'attempts', 'target_id']).execute();
}

/** Claims the due webhook calls and makes each once. */
export async function callDueWebhooks(vigil: VigilContext, textsOf: (alertId: string) => Promise<PublishedTexts | null>, record: RecordAttempt): Promise<void> {
  const { db } = vigil.storage;
  const final = noMoreRetries(vigil.config.alertRetryMs);
  const claimed = await claimWebhooks(vigil);
  if (claimed.length === 0) return;
  const targets = await db.selectFrom('alert_webhooks').select(['id', 'url', 'secret']).where('id', 'in', [...new Set(claimed.map((d) => d.target_id))]).execute();
  const webhookOf = new Map(targets.map((t) => [t.id, t]));
  await Promise.all(
    claimed.map(async (d) => {
      const webhook = webhookOf.get(d.target_id);
      // Removed as it was claimed: said as the removal says it.
      if (!webhook) return record(d.id, final, 'removed');
      const alert = await textsOf(d.alert_id);
      if (!alert) return record(d.id, final, 'withdrawn');
      let secret: string;
      try {
        secret = fromUtf8(vigil.secret.decrypt('webhook', webhook.secret));
      } catch {
        // The server secret changed since the webhook was registered: no retry can succeed. Said
        // in the delivery log rather than re-claimed for ever.
        return record(d.id, final, 'secret-unreadable');
      }
      const payload: WebhookPayload = { v: WEBHOOK_SCHEMA_VERSION, type: 'alert.published', id: d.alert_id, url: `${vigil.config.publicUrl}/alerts/${d.alert_id}`, publishedAt: alert.publishedAt, languages: alert.texts };
      const error = await callWebhook(webhook.url, secret, d.id, payload, vigil.config.alertTimeoutMs);
      await record(d.id, d.attempts + 1, error);
    }),
  );
}
