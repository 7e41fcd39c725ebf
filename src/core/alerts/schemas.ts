// An alert's texts (one per language), as written, checked and shown on pages and previews, and what
// is sealed for each subscriber. The API's shapes are core/api/alerts.ts.
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

/** What is sealed (kind 10) for each subscriber. Versioned: the browser reads v1. */
export interface SealedSubscriber {
  v: 1;
  email: string;
  languages: Language[];
  unsubscribeToken: string;
}

/** Splits an alert's text into paragraphs (blank lines) of lines, for pages and previews alike. */
export function paragraphs(body: string): string[][] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()))
    .filter((p) => p.some((l) => l));
}
