// Opening one report envelope: decrypt, decode, check it against the report schema.
import { fromBase64Url, fromUtf8 } from '../../../core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../../core/crypto/sealed.ts';
import { reportAnswersV1, type ReportAnswers } from '../../../core/report/answers.ts';

export type OpenProblem = 'missing-key' | 'damaged' | 'unknown-format';
export type OpenResult = { id: string; ok: true; answers: ReportAnswers } | { id: string; ok: false; problem: OpenProblem };

export async function openReportAnswers(item: { id: string; keyId: string; envelope: string }, keyring: Map<string, Uint8Array>): Promise<OpenResult> {
  const privateKey = keyring.get(item.keyId);
  if (!privateKey) return { id: item.id, ok: false, problem: 'missing-key' };
  try {
    const plaintext = await openSealed(SealedKind.report, fromBase64Url(item.envelope)!, { privateKey, keyId: item.keyId });
    const parsed = reportAnswersV1.safeParse(JSON.parse(fromUtf8(plaintext)));
    if (!parsed.success) return { id: item.id, ok: false, problem: 'unknown-format' };
    return { id: item.id, ok: true, answers: parsed.data };
  } catch {
    return { id: item.id, ok: false, problem: 'damaged' };
  }
}
