// A report being turned into a record: the inbox puts its answers here ("Make a record"), the new
// incident form takes them as its starting values and links the report as the incident's source.
// Held by the vault, so it is forgotten on lock like everything decrypted.
import type { Forgettable } from '../session/vault.ts';

export interface RecordDraft {
  reportId: string;
  reportSeq: number;
  title: string;
  description: string;
  /** 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or ''. */
  date: string;
}

export class DraftHolder implements Forgettable {
  draft: RecordDraft | null = null;
  forget(): void {
    this.draft = null;
  }
}

/** A typed date as precise as it was typed: '2026-11-03', '2026-11', '2026' or '' (unknown). */
export function partialDateOf(text: string): { date: string | null; precision: 'day' | 'month' | 'year' | 'unknown' } {
  const t = text.trim();
  if (!t) return { date: null, precision: 'unknown' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { date: t, precision: 'day' };
  if (/^\d{4}-\d{2}$/.test(t)) return { date: t, precision: 'month' };
  return { date: t, precision: 'year' };
}
