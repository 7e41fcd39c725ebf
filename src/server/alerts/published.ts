// The alerts as published now: what the public pages and feed show and what deliveries send (a
// correction shows and is sent as corrected; a withdrawn alert is neither shown nor sent).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AlertTexts } from '../../core/alerts/schemas.ts';
import type { PublicAlert } from '../pages/alerts.ts';

export interface PublishedTexts {
  texts: AlertTexts;
  publishedAt: string;
}

/** For one run of deliveries: each alert is read once, however many deliveries it has. */
export function publishedTexts(db: Kysely<Database>): (alertId: string) => Promise<PublishedTexts | null> {
  const cache = new Map<string, PublishedTexts | null>();
  return async (alertId) => {
    if (!cache.has(alertId)) {
      const row = await db.selectFrom('alerts').select(['texts', 'status', 'published_at']).where('id', '=', alertId).executeTakeFirst();
      cache.set(alertId, row && row.status === 'published' ? { texts: JSON.parse(row.texts) as AlertTexts, publishedAt: row.published_at } : null);
    }
    return cache.get(alertId)!;
  };
}

const publicColumns = ['id', 'texts', 'published_at', 'corrected_at'] as const;
const publicAlert = (r: { id: string; texts: string; published_at: string; corrected_at: string | null }): PublicAlert => ({
  id: r.id,
  texts: JSON.parse(r.texts) as AlertTexts,
  publishedAt: r.published_at,
  correctedAt: r.corrected_at,
});

/** The latest `limit` alerts, newest first. */
export async function publishedAlerts(db: Kysely<Database>, limit: number): Promise<PublicAlert[]> {
  const rows = await db.selectFrom('alerts').select(publicColumns).where('status', '=', 'published').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(publicAlert);
}

export async function publishedAlert(db: Kysely<Database>, id: string): Promise<PublicAlert | undefined> {
  const row = await db.selectFrom('alerts').select(publicColumns).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row && publicAlert(row);
}
