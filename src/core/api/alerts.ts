// Alerts on the wire: what the publishing browser sends (texts, the subscribers it opened) and what
// the server answers, shared by the server's alert routes and the workspace.
import * as z from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { alertTexts, type AlertTexts } from '../alerts/schemas.ts';

/** A confirmed subscriber as the coordinator's browser opened it: sent with "publish" or "retry", held in memory only. */
export const recipient = z.object({
  subscriberId: z.uuid(),
  email: z.string().max(254),
  languages: z.array(z.enum(LANGUAGES)).max(3),
  unsubscribeToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type Recipient = z.infer<typeof recipient>;

export const publishRequest = z.object({ texts: alertTexts, recipients: z.array(recipient).max(100_000) });
export const correctRequest = z.object({ texts: alertTexts });
export const retryRequest = z.object({ recipients: z.array(recipient).max(100_000) });
export const webhookRequest = z.object({ url: z.string().trim().max(2000) });

export interface AlertView {
  id: string;
  texts: AlertTexts;
  status: 'published' | 'withdrawn';
  publishedAt: string;
  correctedAt: string | null;
  deliveries: { sent: number; pending: number; failed: number };
}
export interface AlertsResponse {
  alerts: AlertView[];
  subscribers: { confirmed: number; waiting: number };
  email: boolean;
}
export interface DeliveryView {
  id: string;
  channel: 'email' | 'webhook';
  targetId: string;
  target: string;
  status: 'pending' | 'sent' | 'failed' | 'interrupted';
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}
export interface SubscriberView {
  id: string;
  n: number;
  keyId: string;
  envelope: string;
}
export interface WebhookView {
  id: string;
  url: string;
  createdAt: string;
}

/** POST /api/alerts: the new alert and the deliveries planned for it. */
export interface PublishResponse {
  id: string;
  webhooks: number;
  emails: number;
}
/** POST /api/alerts/:id/retry: the deliveries started again. */
export interface RetryResponse {
  webhooks: number;
  emails: number;
}
/** POST /api/webhooks: the webhook, and its signing secret (shown once). */
export interface NewWebhook {
  id: string;
  url: string;
  secret: string;
}
