// Opening one report, here in the browser, with keys held only in memory.
import type { OpenResult } from '../decrypt/open.ts';
import type { Report } from './report-store.ts';

/** Takes what a decryption worker found in the report's envelope (see decrypt/pool.ts). */
export function applyOpened(report: Report, result: OpenResult): void {
  report.cache = null;
  report.unchecked = result.ok && result.fromCache === true;
  // Opened from the cache: the envelope stays until the check against it (load-inbox.ts) — as a
  // copy, so the whole inbox page it came in can be freed meanwhile.
  report.envelope = report.unchecked && report.envelope ? report.envelope.slice() : null;
  if (!result.ok) {
    // The problem's code: worded in the reader's language where it is shown (decrypt/words.ts).
    report.content = { ok: false, problem: result.problem };
    return;
  }
  report.content = { ok: true, firstLine: result.firstLine, what: result.what, where: result.where, stillHeld: result.stillHeld, json: result.json };
  report.text = result.text;
}

/** The check of a report opened from the cache: the envelope's answers replace a copy that differs. */
export function applyChecked(report: Report, result: OpenResult): boolean {
  report.envelope = null;
  report.unchecked = false;
  const shown = report.content;
  const matches = result.ok && shown?.ok === true && shown.json === result.json;
  if (!matches) {
    applyOpened(report, result);
    if (report.content?.ok) report.content = { ...report.content, tampered: true };
  }
  return matches;
}
