// Opening one report envelope: decrypt, decode, check it against the report schema.
import { fromUtf8 } from '../../../core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../../core/crypto/sealed.ts';
import { reportAnswersV1, type ReportAnswers } from '../../../core/report/answers.ts';
import { firstLineOf, reportSearchText } from '../../../core/report/text.ts';
import { openReportCache, sealReportCache } from '../../../core/report/cache.ts';
import type { Keyring } from '../../../core/keyring.ts';

export type OpenProblem = 'missing-key' | 'damaged' | 'unknown-format';
/**
 * What the inbox list needs (first line, place, still held) and search needs (folded text) is
 * derived here, off the page's main thread. The answers travel as their validated JSON, parsed
 * only when someone opens the report: a flat string crosses from a worker far more cheaply than
 * an object tree, which matters 100,000 times over.
 */
export type OpenedReport = {
  ok: true;
  /** The reporter's own first line, or '' (then the list words what they ticked, core/report/text.ts). */
  firstLine: string;
  what: ReportAnswers['what'];
  where: string;
  stillHeld: ReportAnswers['stillHeld'];
  json: string;
  text: string;
  /** Opened from the opened-report cache (to be checked against the envelope later), not the envelope. */
  fromCache?: boolean;
  /** A cache entry made now, for the server to keep (core/report/cache.ts). */
  newCache?: Uint8Array;
};
export type OpenResult = ({ id: string } & OpenedReport) | { id: string; ok: false; problem: OpenProblem };

/** What one report holds, checked against the schema, with the list's text derived from it. */
function opened(id: string, text: string): OpenResult {
  const parsed = reportAnswersV1.safeParse(JSON.parse(text));
  if (!parsed.success) return { id, ok: false, problem: 'unknown-format' };
  const a = parsed.data;
  return {
    id,
    ok: true,
    firstLine: firstLineOf(a),
    what: a.what,
    where: [a.city, a.place].filter(Boolean).join(', '),
    stillHeld: a.stillHeld,
    json: JSON.stringify(a),
    text: reportSearchText(a),
  };
}

/**
 * Opens a report: from its opened-report cache when there is one (fast), else from its envelope
 * (and then makes the cache entry). `useCache: false` always opens the envelope: the check made
 * after the inbox is shown.
 */
export async function openReportAnswers(
  item: { id: string; keyId: string; envelope: Uint8Array; cache?: Uint8Array | null },
  keyring: Keyring,
  cacheKeyFor?: (keyId: string) => Promise<CryptoKey> | null,
  useCache = true,
): Promise<OpenResult> {
  const privateKey = keyring.get(item.keyId);
  if (!privateKey) return { id: item.id, ok: false, problem: 'missing-key' };
  const cacheKey = cacheKeyFor?.(item.keyId) ?? null;
  if (useCache && item.cache && cacheKey) {
    try {
      const result = opened(item.id, await openReportCache(await cacheKey, item.id, item.cache));
      if (result.ok) return { ...result, fromCache: true };
    } catch {
      // A cache entry that does not open is ignored: the envelope is the truth.
    }
  }
  try {
    const result = opened(item.id, fromUtf8(await openSealed(SealedKind.report, item.envelope, { privateKey, keyId: item.keyId })));
    if (result.ok && !item.cache && cacheKey) result.newCache = await sealReportCache(await cacheKey, item.id, result.json);
    return result;
  } catch {
    return { id: item.id, ok: false, problem: 'damaged' };
  }
}
