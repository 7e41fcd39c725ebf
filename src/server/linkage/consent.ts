// One person, two consents: when records of one person are merged, each record keeps the consent
// it was given with, and the survivor's acts speak for both. What is shared must then satisfy the
// most careful of them — someone who told one documenter "not to be shared" did not agree to be
// counted publicly because a friend's report about them said otherwise. Read by the public counts,
// the situation report's public accounts and exports' identity rule.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { CONSENT_SHARING, NAME_PREFERENCES } from '../../core/records/vocabulary.ts';

export interface Consent {
  consentSharing: string;
  namePreference: string;
}

// Most careful first: the lower the index, the less it allows.
const SHARING = CONSENT_SHARING.map((t) => t.key as string);
const NAMING = NAME_PREFERENCES.map((t) => t.key as string).reverse();
const careful = (order: string[], a: string, b: string) => (order.indexOf(a) <= order.indexOf(b) ? a : b);

/**
 * For each person others were merged into (directly or through a chain), the most careful consent
 * and name preference of all of them; people nobody was merged into are not listed (their own
 * consent stands). A handful of rows: merged records are few beside the people.
 */
export async function mergedConsents(db: Kysely<Database>): Promise<Map<string, Consent>> {
  const merged = await db.selectFrom('persons').select(['id', 'merged_into', 'consent_sharing', 'name_preference']).where('merged_into', 'is not', null).execute();
  if (merged.length === 0) return new Map();
  const parent = new Map(merged.map((p) => [p.id, p.merged_into!]));
  const rootOf = (id: string) => {
    let root = id;
    for (let hops = 0; parent.has(root) && hops <= merged.length; hops++) root = parent.get(root)!;
    return root;
  };
  const roots = [...new Set(merged.map((p) => rootOf(p.id)))];
  const own = await db.selectFrom('persons').select(['id', 'consent_sharing', 'name_preference']).where('id', 'in', roots).execute();
  const result = new Map<string, Consent>(own.map((p) => [p.id, { consentSharing: p.consent_sharing, namePreference: p.name_preference }]));
  for (const p of merged) {
    const group = result.get(rootOf(p.id));
    if (!group) continue;
    group.consentSharing = careful(SHARING, group.consentSharing, p.consent_sharing);
    group.namePreference = careful(NAMING, group.namePreference, p.name_preference);
  }
  return result;
}
