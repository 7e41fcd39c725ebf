// The inbox as one binary frame, for the workspace. A page of 5,000 reports as JSON carries
// every envelope as base64: ~5 MB of strings the server builds and garbage-collects (~250 ms a
// page, measured) and the browser parses and decodes again. As a frame, the facts stay JSON
// and the envelopes travel as the bytes the database holds, ready to hand to the decryption
// workers. GET /api/inbox answers with it when asked for INBOX_FRAME_TYPE; plain JSON otherwise.
//
//   byte 0        frame version (1)
//   bytes 1-4     length of the facts, big-endian
//   then          the facts: UTF-8 JSON, { reports: InboxFacts[], next }
//   then, for each report in the order of the facts: 4-byte big-endian length, the envelope
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import type { InboxItem, InboxResponse } from './schemas.ts';

export const INBOX_FRAME_TYPE = 'application/vnd.vigil.inbox+binary';
const VERSION = 1;

export type InboxFacts = Omit<InboxItem, 'envelope'>;
export interface InboxFrame {
  reports: (InboxFacts & { envelope: Uint8Array })[];
  next: InboxResponse['next'];
}

export class FrameError extends Error {}

export function encodeInboxFrame(frame: InboxFrame): Uint8Array {
  const facts = utf8(JSON.stringify({ reports: frame.reports.map(({ envelope: _, ...facts }) => facts), next: frame.next }));
  const size = 5 + facts.length + frame.reports.reduce((n, r) => n + 4 + r.envelope.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = VERSION;
  view.setUint32(1, facts.length);
  out.set(facts, 5);
  let at = 5 + facts.length;
  for (const { envelope } of frame.reports) {
    view.setUint32(at, envelope.length);
    out.set(envelope, at + 4);
    at += 4 + envelope.length;
  }
  return out;
}

/** Reads a frame; the envelopes are views into `bytes`. Throws FrameError on anything malformed. */
export function decodeInboxFrame(bytes: Uint8Array): InboxFrame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 5 || bytes[0] !== VERSION) throw new FrameError('not an inbox frame');
  const factsEnd = 5 + view.getUint32(1);
  if (factsEnd > bytes.length) throw new FrameError('truncated');
  let parsed: { reports: InboxFacts[]; next: number | null };
  try {
    parsed = JSON.parse(fromUtf8(bytes.subarray(5, factsEnd)));
  } catch {
    throw new FrameError('facts are not JSON');
  }
  if (!Array.isArray(parsed?.reports)) throw new FrameError('no reports');
  let at = factsEnd;
  const reports = parsed.reports.map((facts) => {
    if (at + 4 > bytes.length) throw new FrameError('truncated');
    const end = at + 4 + view.getUint32(at);
    if (end > bytes.length) throw new FrameError('truncated');
    const envelope = bytes.subarray(at + 4, end);
    at = end;
    return { ...facts, envelope };
  });
  if (at !== bytes.length) throw new FrameError('trailing bytes');
  return { reports, next: parsed.next };
}
