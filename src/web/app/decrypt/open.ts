// Opening one report envelope: decrypt, decode, check it against the report schema.
import { fromUtf8 } from '../../../core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../../core/crypto/sealed.ts';
import { reportAnswersV1, type ReportAnswers } from '../../../core/report/answers.ts';
import { firstLineOf, searchTextOf } from '../inbox/report-text.ts';

export type OpenProblem = 'missing-key' | 'damaged' | 'unknown-format';
/**
 * What the inbox list needs (first line, place, still held) and search needs (folded text) is
 * derived here, off the page's main thread. The answers travel as their validated JSON, parsed
 * only when someone opens the report: a flat string crosses from a worker far more cheaply than
 * an object tree, which matters 100,000 times over.
 */
export type OpenedReport = { ok: true; firstLine: string; where: string; stillHeld: ReportAnswers['stillHeld']; json: string; text: string };
export type OpenResult = ({ id: string } & OpenedReport) | { id: string; ok: false; problem: OpenProblem };

export async function openReportAnswers(item: { id: string; keyId: string; envelope: Uint8Array }, keyring: Map<string, Uint8Array>): Promise<OpenResult> {
  const privateKey = keyring.get(item.keyId);
  if (!privateKey) return { id: item.id, ok: false, problem: 'missing-key' };
  try {
    const plaintext = await openSealed(SealedKind.report, item.envelope, { privateKey, keyId: item.keyId });
    const parsed = reportAnswersV1.safeParse(JSON.parse(fromUtf8(plaintext)));
    if (!parsed.success) return { id: item.id, ok: false, problem: 'unknown-format' };
    const a = parsed.data;
    return {
      id: item.id,
      ok: true,
      firstLine: firstLineOf(a),
      where: [a.city, a.place].filter(Boolean).join(', '),
      stillHeld: a.stillHeld,
      json: JSON.stringify(a),
      text: searchTextOf(a),
    };
  } catch {
    return { id: item.id, ok: false, problem: 'damaged' };
  }
}
