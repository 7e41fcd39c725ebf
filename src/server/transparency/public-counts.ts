// The public counts as computed from the acts: only those whose person agreed to public use (all
// of a merged person's records), one per arrest, k-suppressed; labelled in the reader's language.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { publicCounts, NOT_DETENTION, NOT_EXACT, NO_PLACE } from '../../core/transparency/counts.ts';
import { MIN_K } from '../../core/transparency/suppress.ts';
import { ACT_TYPES } from '../../core/records/vocabulary.ts';
import { DETENTION_STATUSES } from '../../core/records/vocabulary-words.ts';
import { countsWords } from '../pages/counts-words.ts';
import type { Language } from '../../core/i18n/languages.ts';
import type { LabelOf } from '../pages/counts.ts';
import { mergedConsents } from '../linkage/consent.ts';

type Registry = Map<string, Record<Language, string>>;

export async function countsSettings(db: Kysely<Database>) {
  const org = await db.selectFrom('organization').select(['public_counts', 'public_k']).executeTakeFirst();
  return { enabled: !!org?.public_counts, k: Math.max(MIN_K, Number(org?.public_k ?? 5)) };
}

export async function computeCounts(db: Kysely<Database>, k: number) {
  const rows = await db
    .selectFrom('acts')
    .innerJoin('persons', 'persons.id', 'acts.person_id')
    .leftJoin('detentions', 'detentions.act_id', 'acts.id')
    .select(['acts.person_id', 'acts.date_start', 'acts.date_start_precision', 'acts.type_code', 'acts.place_id', 'detentions.status', 'acts.updated_at'])
    .where('persons.consent_sharing', '=', 'public')
    .where('acts.duplicate_of', 'is', null) // one arrest, one count after a merge
    .execute();
  // A person whose records were merged counts publicly only if every one of them consented.
  const merged = await mergedConsents(db);
  const counted = rows.filter((r) => (merged.get(r.person_id)?.consentSharing ?? 'public') === 'public');
  const counts = publicCounts(
    counted.map((r) => ({ dateStart: r.date_start, datePrecision: r.date_start_precision, typeCode: r.type_code, placeId: r.place_id, custody: r.status })),
    k,
  );
  // To the day: the page must not say when the team last worked.
  const updatedDay = counted.reduce<string | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null)?.slice(0, 10) ?? null;
  const registry: Registry = new Map(
    (await db.selectFrom('registry').select(['id', 'code', 'kind', 'labels']).execute()).map((r) => [r.kind === 'act-type' ? r.code : r.id, JSON.parse(r.labels) as Record<Language, string>]),
  );
  return { counts, updatedDay, registry };
}

export type ComputedCounts = Awaited<ReturnType<typeof computeCounts>>;

export function countLabels(lang: Language, registry: Registry): LabelOf {
  const t = countsWords[lang];
  return (table, key) => {
    if (key === NOT_EXACT) return t.countsNotExact;
    if (key === NO_PLACE) return t.countsNoPlace;
    if (key === NOT_DETENTION) return t.countsNotDetention;
    if (table === 'type') return ACT_TYPES.find((a) => a.code === key)?.labels[lang] ?? registry.get(key)?.[lang] ?? key;
    if (table === 'place') return registry.get(key)?.[lang] ?? key;
    if (table === 'status') return DETENTION_STATUSES.find((s) => s.key === key)?.labels[lang] ?? key;
    return key;
  };
}
