// The recipients a coordinator's browser sends with "publish" or "retry" are taken only as far as
// the server can check them: a confirmed subscriber holding that unsubscribe token.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Recipient } from '../../core/api/alerts.ts';
import { hashToken } from '../crypto/token-hash.ts';

/** The recipients that are confirmed subscribers holding their unsubscribe token; one per subscriber and per address. */
export async function verifiedRecipients(db: Kysely<Database>, recipients: Recipient[]): Promise<{ recipient: Recipient; n: number }[]> {
  const rows = new Map<string, { seq: number; unsubscribe_hash: string }>();
  const ids = [...new Set(recipients.map((r) => r.subscriberId))];
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db.selectFrom('alert_subscribers').select(['id', 'seq', 'unsubscribe_hash']).where('id', 'in', ids.slice(i, i + 500)).where('confirmed', '=', 1).execute()) rows.set(row.id, row);
  }
  const seen = new Set<string>();
  const out: { recipient: Recipient; n: number }[] = [];
  for (const recipient of recipients) {
    const row = rows.get(recipient.subscriberId);
    const address = recipient.email.toLowerCase();
    if (!row || row.unsubscribe_hash !== hashToken(recipient.unsubscribeToken) || seen.has(recipient.subscriberId) || seen.has(address)) continue;
    seen.add(recipient.subscriberId).add(address);
    out.push({ recipient, n: row.seq });
  }
  return out;
}
