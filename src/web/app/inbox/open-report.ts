// Opening one report, here in the browser, with keys held only in memory.
import { fromUtf8, fromBase64Url } from '../../../core/crypto/bytes.ts';
import { SealedKind } from '../../../core/crypto/sealed.ts';
import { reportAnswersV1, type ReportAnswers } from '../../../core/report/answers.ts';
import { MESSAGES } from '../../../core/i18n/index.ts';
import { fold } from './search.ts';
import type { Opener } from './opener.ts';
import type { Report, ReportContent } from './report-store.ts';

const en = MESSAGES.en;

export const MISSING_KEY =
  'Sealed to a key you have not been given. If the intake key changed after you logged in, lock and log in again.';

export async function openReport(report: Report, opener: Opener): Promise<void> {
  if (!report.envelope) return;
  report.content = await contentOf(report.envelope, report.keyId, opener);
  report.envelope = null;
  if (report.content.ok) report.text = searchTextOf(report.content.answers);
}

async function contentOf(envelope: string, keyId: string, opener: Opener): Promise<ReportContent> {
  if (!opener.holds(keyId)) return { ok: false, problem: MISSING_KEY };
  const bytes = fromBase64Url(envelope);
  if (!bytes) return { ok: false, problem: 'Could not be opened: damaged or tampered with.' };
  try {
    const parsed = reportAnswersV1.safeParse(JSON.parse(fromUtf8(await opener.open(SealedKind.report, bytes, keyId))));
    if (!parsed.success) return { ok: false, problem: 'Opened, but the content is not a report this version understands.' };
    return { ok: true, answers: parsed.data, firstLine: firstLineOf(parsed.data) };
  } catch {
    return { ok: false, problem: 'Could not be opened: damaged or tampered with.' };
  }
}

export function whatHappened(a: ReportAnswers): string {
  return a.what.map((w) => en.what[w]).join('; ');
}

function firstLineOf(a: ReportAnswers): string {
  const line = (a.story ?? '').split('\n').find((l) => l.trim()) ?? '';
  const text = line.trim() || whatHappened(a) || a.whatOther || '(no story)';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function searchTextOf(a: ReportAnswers): string {
  return fold([a.story, whatHappened(a), a.whatOther, a.whenExact, a.whenRough, a.city, a.place, a.contact, a.people === undefined ? '' : String(a.people)].filter(Boolean).join('\n'));
}
