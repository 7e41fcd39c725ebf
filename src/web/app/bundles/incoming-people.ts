// A partner's people as linkage sees them (issue 11): the name and other names the bundle carries
// (only for people who agreed to sharing), a year of birth if sealed with them, and the place and
// day of their first act in the bundle — so the import can say "this may be P-0042" before it
// creates someone new. Compared in this browser only (records/likely.ts).
import type { BundleDocument } from '../../../core/bundle/document.ts';
import type { LinkagePerson } from '../../../core/linkage/compare.ts';
import { firstActs, splitNames } from '../linkage/people.ts';
import { yearOf } from '../records/birth-year.ts';

const dayOf = (date: { date: string | null; precision: string }): string | null => (date.precision === 'day' ? date.date : null);

/** Each named person of the bundle (by original id); people whose identity was withheld have none to compare. */
export function incomingPeople(doc: BundleDocument): LinkagePerson[] {
  const firstAct = firstActs(doc.acts, (act) => act.person, (act) => act.start.date);
  return doc.persons.flatMap((p) => {
    const name = typeof p.fields.name === 'string' ? p.fields.name.trim() : '';
    if (p.identityWithheld || !name) return [];
    const act = firstAct.get(p.originalId);
    return [
      {
        id: p.originalId,
        name,
        otherNames: splitNames(typeof p.fields.otherNames === 'string' ? p.fields.otherNames : undefined),
        birthYear: yearOf(p.fields.birthYear),
        place: act ? (act.place ?? act.detention?.heldAt ?? null) : null,
        eventDate: act ? dayOf(act.start) : null,
      },
    ];
  });
}
