// How common each surname and given name is in the list being linked (by spelling-tolerant form),
// for the term-frequency adjustment: two "Məmmədov"s agreeing says less than two "Vəzirzadə"s.
import type { Field, Prepared } from './compare.ts';

export class NameFrequencies {
  private readonly surnames = new Map<string, number>();
  private readonly given = new Map<string, number>();
  private readonly total: number;

  constructor(records: readonly Prepared[]) {
    this.total = Math.max(1, records.length);
    for (const record of records) {
      const [surnames, given] = [record.surnameForms, record.givenForms];
      for (const s of surnames) this.surnames.set(s, (this.surnames.get(s) ?? 0) + 1);
      for (const g of given) this.given.set(g, (this.given.get(g) ?? 0) + 1);
    }
  }

  /** The share of records with the rarest name the two records agree on exactly, or null (not a name field, or none agreed). */
  sharedShare(field: Field, a: Prepared, b: Prepared): number | null {
    const table = field === 'surname' ? this.surnames : field === 'given' ? this.given : null;
    if (!table) return null;
    const theirs = field === 'surname' ? b.surnameForms : b.givenForms;
    let rarest: number | null = null;
    for (const value of field === 'surname' ? a.surnameForms : a.givenForms) {
      if (!theirs.includes(value)) continue;
      const count = table.get(value) ?? 1;
      if (rarest === null || count < rarest) rarest = count;
    }
    return rarest === null ? null : rarest / this.total;
  }
}

