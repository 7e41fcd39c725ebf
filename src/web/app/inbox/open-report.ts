// Opening one report, here in the browser, with keys held only in memory.
import type { ReportAnswers } from '../../../core/report/answers.ts';
import type { OpenProblem, OpenResult } from '../decrypt/open.ts';
import { MESSAGES } from '../../../core/i18n/index.ts';
import { fold } from './search.ts';
import type { Report } from './report-store.ts';

const en = MESSAGES.en;

export const MISSING_KEY =
  'Sealed to a key you have not been given. If the intake key changed after you logged in, "Check for new reports" fetches the new one.';

const PROBLEMS: Record<OpenProblem, string> = {
  'missing-key': MISSING_KEY,
  damaged: 'Could not be opened: damaged or tampered with.',
  'unknown-format': 'Opened, but the content is not a report this version understands.',
};

/** Takes what a decryption worker found in the report's envelope (see decrypt/pool.ts). */
export function applyOpened(report: Report, result: OpenResult): void {
  report.envelope = null;
  if (!result.ok) {
    report.content = { ok: false, problem: PROBLEMS[result.problem] };
    return;
  }
  report.content = { ok: true, answers: result.answers, firstLine: firstLineOf(result.answers) };
  report.text = searchTextOf(result.answers);
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
