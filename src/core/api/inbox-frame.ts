// The inbox as one binary frame, for the workspace. A page of 5,000 reports as JSON carries
// every envelope as base64: ~5 MB of strings the server builds and garbage-collects (~250 ms a
// page, measured) and the browser parses and decodes again. As a frame, the facts stay JSON
// and the envelopes travel as the bytes the database holds, ready to hand to the decryption
// workers. GET /api/inbox answers with it when asked for INBOX_FRAME_TYPE; plain JSON otherwise.
//
// Layout (parts-frame.ts): header { reports: InboxFacts[], next }, then two parts per report: its
// envelope, and its opened-report cache (core/report/cache.ts) or nothing.
import { FrameError, decodeParts, encodeParts } from './parts-frame.ts';
import type { InboxItem, InboxResponse } from './inbox.ts';

export const INBOX_FRAME_TYPE = 'application/vnd.vigil.inbox+binary';

export type InboxFacts = Omit<InboxItem, 'envelope'>;
export interface InboxFrame {
  reports: (InboxFacts & { envelope: Uint8Array; cache: Uint8Array | null })[];
  next: InboxResponse['next'];
}

export { FrameError };

/**
 * The facts of a full page (INBOX_PAGE_MOST reports, a few hundred bytes each, more with many tags)
 * are far past the parts frame's default header limit, which guards what strangers upload. This
 * frame comes from the member's own server; the limit only stops a runaway.
 */
export const INBOX_HEADER_LIMIT = 64 * 1024 * 1024;

export function encodeInboxFrame(frame: InboxFrame): Uint8Array {
  return encodeParts(
    { reports: frame.reports.map(({ envelope: _, cache: __, ...facts }) => facts), next: frame.next },
    frame.reports.flatMap((r) => [r.envelope, r.cache]),
  );
}

/** Reads a frame; the envelopes are views into `bytes`. Throws FrameError on anything malformed. */
export function decodeInboxFrame(bytes: Uint8Array): InboxFrame {
  const reportsOf = (header: unknown) => (header as { reports?: unknown })?.reports;
  const { header, parts } = decodeParts(bytes, (h) => {
    const reports = reportsOf(h);
    if (!Array.isArray(reports)) throw new FrameError('no reports');
    return 2 * reports.length;
  }, INBOX_HEADER_LIMIT);
  const facts = reportsOf(header) as InboxFacts[];
  return {
    reports: facts.map((f, i) => {
      const envelope = parts[2 * i];
      if (!envelope) throw new FrameError('a report without its envelope');
      return { ...f, envelope, cache: parts[2 * i + 1] ?? null };
    }),
    next: (header as { next: number | null }).next,
  };
}
