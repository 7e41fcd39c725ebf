// A small document model shared by both renderers (print-ready HTML and PDF). Documents are
// assembled in the browser from numbers the server computed and records the browser opened; the
// model holds only text, so a renderer never has to know where a line came from.
import type { Language } from '../i18n/languages.ts';

/** Bumped whenever the shape changes; renderers refuse a document of another version. */
export const DOCUMENT_FORMAT = 'vigil/document/v1' as const;

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; caption?: string }
  | { kind: 'pairs'; pairs: [string, string][] }
  | { kind: 'note'; text: string };

export interface Document {
  format: typeof DOCUMENT_FORMAT;
  language: Language;
  /** The organization's name or title: it heads every page. */
  title: string;
  subtitle: string;
  /** Printed at the foot of every page, e.g. "Confidential". */
  footer: string;
  blocks: Block[];
}

export const heading = (text: string, level: 1 | 2 = 1): Block => ({ kind: 'heading', text, level });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const table = (head: string[], rows: string[][], caption?: string): Block => ({ kind: 'table', head, rows, ...(caption ? { caption } : {}) });
export const pairs = (entries: [string, string][]): Block => ({ kind: 'pairs', pairs: entries });
export const note = (text: string): Block => ({ kind: 'note', text });

/** Every string the document will show, in reading order (tests and the PDF font subset use it). */
export function textsOf(doc: Document): string[] {
  const out = [doc.title, doc.subtitle, doc.footer];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'note') out.push(b.text);
    else if (b.kind === 'list') out.push(...b.items);
    else if (b.kind === 'table') out.push(...(b.caption ? [b.caption] : []), ...b.head, ...b.rows.flat());
    else out.push(...b.pairs.flat());
  }
  return out;
}
