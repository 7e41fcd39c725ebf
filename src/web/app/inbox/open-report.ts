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
  report.cache = null;
  report.unchecked = result.ok && result.fromCache === true;
  // Opened from the cache: the envelope stays until the check against it (load-inbox.ts) — as a
  // copy, so the whole inbox page it came in can be freed meanwhile.
  report.envelope = report.unchecked && report.envelope ? report.envelope.slice() : null;
  if (!result.ok) {
    report.content = { ok: false, problem: PROBLEMS[result.problem] };
    return;
  }
  report.content = { ok: true, firstLine: result.firstLine, where: result.where, stillHeld: result.stillHeld, json: result.json };
  report.text = result.text;
}

export const CACHE_MISMATCH = 'Checked against the sealed report: the quick copy a colleague\'s browser stored did not match, so the sealed report is shown. Tell an administrator.';

/** The check of a report opened from the cache: the envelope's answers replace a copy that differs. */
export function applyChecked(report: Report, result: OpenResult): boolean {
  report.envelope = null;
  report.unchecked = false;
  const shown = report.content;
  const matches = result.ok && shown?.ok === true && shown.json === result.json;
  if (!matches) {
    applyOpened(report, result);
    if (report.content?.ok) report.content = { ...report.content, firstLine: `⚠ ${report.content.firstLine}` };
  }
  return matches;
}
