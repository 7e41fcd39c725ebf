// The sealed report as the public pages' script sends it to /api/reports and as the server checks
// it there. zod/mini, as the report's own schema (core/report/answers.ts): the sealing script types
// its body by it, and the schema stays light enough to share with the browser.
import * as z from 'zod/mini';
import { LANGUAGES } from '../i18n/languages.ts';
import { MAX_SEALED_BYTES } from '../crypto/sealed.ts';

/** The largest sealed report's body: its envelope in base64url, and room for the rest. */
export const SEALED_REPORT_BODY_LIMIT = Math.ceil((MAX_SEALED_BYTES * 4) / 3) + 4096;

export const sealedReport = z.object({
  v: z.literal(1),
  lang: z.optional(z.enum(LANGUAGES)),
  /** The report sealed to the intake key (SealedKind.report), base64url. */
  envelope: z.string().check(z.maxLength(SEALED_REPORT_BODY_LIMIT)),
  /** The status key the reporter's browser derived from the codename, base64url. */
  statusKey: z.string().check(z.maxLength(64)),
  /** The reporter's public key (derived from the codename in their browser), for replies. */
  reporterKey: z.optional(z.string().check(z.maxLength(64))),
  /**
   * Whether the report says someone is still held: the one bit of a sealed report the server learns
   * (docs/crypto.md), held in memory to count the team's notice, never stored.
   */
  urgent: z.optional(z.boolean()),
});
export type SealedReport = z.infer<typeof sealedReport>;

/** The answer to a stored sealed report: when it was received, to the hour. */
export interface SealedReportReceipt {
  ok: true;
  receivedHour: string;
}
