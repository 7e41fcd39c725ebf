// Finding an incident or a person on record to link a report to: every word typed must be found in
// the record's code, title or name, or day (as typed, 2026-11-03, or as shown, 3 Nov 2026).

/** What a report is linked to: an incident or a person, named by its code. */
export type Target = { type: 'incident' | 'person'; id: string; code: string };

/** At most this many matches are listed: a short list to read, whatever is on record. */
export const MOST_MATCHES = 20;

/** A record as the search finds it: its kind, code, what it reads as, and the text searched. */
export interface Findable {
  type: 'incident' | 'person';
  id: string;
  code: string;
  label: string;
  text: string;
}

/** Lower case without accents (Həsənov ~ Hasanov is the linkage's job; this only folds case and marks). */
export const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The records every word of `query` is found in (in their code, title or name, day), in list order. */
export function findRecords(records: readonly Findable[], query: string): Findable[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return records.filter((r) => words.every((w) => r.text.includes(w)));
}
