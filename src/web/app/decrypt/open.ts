// Opening one report envelope: decrypt, decode, check it against the report schema.
import { fromBase64Url, fromUtf8 } from '../../../core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../../core/crypto/sealed.ts';
import { reportAnswersV1, type ReportAnswers } from '../../../core/report/answers.ts';

export type OpenResult = { id: string; ok: true; answers: ReportAnswers } | { id: string; ok: false; problem: string };

export async function openReportAnswers(item: { id: string; keyId: string; envelope: string }, keyring: Map<string, Uint8Array>): Promise<OpenResult> {
  const privateKey = keyring.get(item.keyId);
  if (!privateKey) return { id: item.id, ok: false, problem: 'Sealed to a key you have not been given.' };
  try {
    const plaintext = await openSealed(SealedKind.report, fromBase64Url(item.envelope)!, { privateKey, keyId: item.keyId });
    const parsed = reportAnswersV1.safeParse(JSON.parse(fromUtf8(plaintext)));
    if (!parsed.success) return { id: item.id, ok: false, problem: 'Opened, but the content is not a report this version understands.' };
    return { id: item.id, ok: true, answers: parsed.data };
  } catch {
    return { id: item.id, ok: false, problem: 'Could not be opened: damaged or tampered with.' };
  }
}
