// Opening reports happens here, in the documenter's browser, with keys held only in memory.
import type { InboxItem } from '../../core/api/schemas.ts';
import { fromBase64Url, fromUtf8 } from '../../core/crypto/bytes.ts';
import { SealedKind, openSealed } from '../../core/crypto/sealed.ts';
import type { Keyring } from '../../core/keyring.ts';
import { reportAnswersV1, type ReportAnswers } from '../../core/report/answers.ts';

export type OpenedReport = InboxItem & ({ ok: true; answers: ReportAnswers } | { ok: false; problem: string });

export async function openReport(item: InboxItem, keyring: Keyring): Promise<OpenedReport> {
  const privateKey = keyring.get(item.keyId);
  if (!privateKey) return { ...item, ok: false, problem: 'Sealed to a key you have not been given.' };
  try {
    const plaintext = await openSealed(SealedKind.report, fromBase64Url(item.envelope)!, { privateKey, keyId: item.keyId });
    const parsed = reportAnswersV1.safeParse(JSON.parse(fromUtf8(plaintext)));
    if (!parsed.success) return { ...item, ok: false, problem: 'Opened, but the content is not a report this version understands.' };
    return { ...item, ok: true, answers: parsed.data };
  } catch {
    return { ...item, ok: false, problem: 'Could not be opened: damaged or tampered with.' };
  }
}
