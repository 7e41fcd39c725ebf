// Calling a webhook: a JSON body signed with HMAC-SHA256 over "<timestamp>.<body>" under the
// webhook's secret (README: how a receiver checks it). No redirects followed; a timeout on each call.
import { createHmac } from 'node:crypto';
import type { AlertTexts } from '../../core/alerts/schemas.ts';

export const WEBHOOK_SCHEMA_VERSION = 1;

export interface WebhookPayload {
  v: typeof WEBHOOK_SCHEMA_VERSION;
  type: 'alert.published';
  id: string;
  url: string;
  publishedAt: string;
  languages: AlertTexts;
}

export function signature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A webhook address as given, if it may be one: http or https, no credentials in it (they would sit
 * in the database and the delivery log). Shared by the alert webhooks and members' notice webhooks.
 */
export function webhookUrl(given: string): URL | null {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  return url;
}

/** Sends once; resolves with null when the receiver answered 2xx, else a short error class. */
export async function callWebhook(url: string, secret: string, deliveryId: string, payload: object, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        // What we send, so a bridge can tell our calls apart; no client's address or user agent is read here.
        'user-agent': 'Vigil-Webhook/1',
        'vigil-delivery': deliveryId,
        'vigil-timestamp': timestamp,
        'vigil-signature': signature(secret, timestamp, body),
      },
      body,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return null;
    if (response.status >= 300 && response.status < 400) return 'redirect';
    return `http-${response.status}`;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
    return 'unreachable';
  }
}
