// One person, two consents: when records of one person are merged, each record keeps the consent
// it was given with, and the survivor's acts speak for both. What is shared must then satisfy the
// most careful of them — someone who told one documenter "not to be shared" did not agree to be
// counted publicly because a friend's report about them said otherwise. Read by the public counts,
// the situation report's public accounts, exports' identity rule and partner bundles.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { CONSENT_SHARING, NAME_PREFERENCES } from '../../core/records/vocabulary-words.ts';
import { mergedInto } from './groups.ts';

export interface Consent {
  consentSharing: string;
  namePreference: string;
}

// Most careful first: the lower the index, the less it allows.
const SHARING = CONSENT_SHARING.map((t) => t.key as string);
const NAMING = NAME_PREFERENCES.map((t) => t.key as string).reverse();
const careful = (order: string[], a: string, b: string) => (order.indexOf(a) <= order.indexOf(b) ? a : b);

/** Narrows `into` to what `also` allows too. */
function mostCareful(into: Consent, also: Consent): void {
  into.consentSharing = careful(SHARING, into.consentSharing, also.consentSharing);
  into.namePreference = careful(NAMING, into.namePreference, also.namePreference);
}

export type ConsentRow = { id: string; consent_sharing: string; name_preference: string };
const consentOf = (row: ConsentRow): Consent => ({ consentSharing: row.consent_sharing, namePreference: row.name_preference });

/** For each of these people, the most careful consent of them and everyone merged into them. */
async function groupConsents(db: Kysely<Database>, people: ConsentRow[]): Promise<Map<string, Consent>> {
  const result = new Map(people.map((p) => [p.id, consentOf(p)]));
  for (const { row, survivor } of await mergedInto(db, [...result.keys()])) mostCareful(result.get(survivor)!, consentOf(row));
  return result;
}

/**
 * For each person others were merged into (directly or through a chain), the most careful consent
 * and name preference of all of them; people nobody was merged into are not listed (their own
 * consent stands). A handful of rows: merged records are few beside the people.
 */
export async function mergedConsents(db: Kysely<Database>): Promise<Map<string, Consent>> {
  const survivors = await db
    .selectFrom('persons as p')
    .select(['p.id', 'p.consent_sharing', 'p.name_preference'])
    .where('p.merged_into', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('persons as m').select('m.id').whereRef('m.merged_into', '=', 'p.id')))
    .execute();
  return survivors.length ? groupConsents(db, survivors) : new Map();
}

/** What a person's records, merged into them or not, allow together: what a partner bundle shares. */
export async function effectiveConsent(db: Kysely<Database>, person: ConsentRow): Promise<Consent> {
  return (await groupConsents(db, [person])).get(person.id)!;
}
