// What alerts look like on the wire, shared by the server and the workspace.
import * as z from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

export const ALERT_LIMITS = { title: 200, body: 10_000 } as const;

const clean = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
export const alertText = z.object({
  title: z.string().trim().min(1).max(ALERT_LIMITS.title).regex(clean),
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .pipe(z.string().trim().min(1).max(ALERT_LIMITS.body).regex(clean)),
});
export type AlertText = z.infer<typeof alertText>;
export type AlertTexts = Partial<Record<Language, AlertText>>;

/** One text per language written; at least one. */
export const alertTexts = z
  .object(Object.fromEntries(LANGUAGES.map((l) => [l, alertText.optional()])) as Record<Language, z.ZodOptional<typeof alertText>>)
  .strict()
  .refine((t) => LANGUAGES.some((l) => t[l]));

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

/** What is sealed (kind 10) for each subscriber. Versioned: the browser reads v1. */
export interface SealedSubscriber {
  v: 1;
  email: string;
  languages: Language[];
  unsubscribeToken: string;
}

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

/** Splits an alert's text into paragraphs (blank lines) of lines, for pages and previews alike. */
export function paragraphs(body: string): string[][] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()))
    .filter((p) => p.some((l) => l));
}
