// Opening one report, here in the browser, with keys held only in memory.
import type { OpenProblem, OpenResult } from '../decrypt/open.ts';
import type { Report } from './report-store.ts';

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
  report.content = { ok: true, firstLine: result.firstLine, where: result.where, stillHeld: result.stillHeld, json: result.json };
  report.text = result.text;
}
