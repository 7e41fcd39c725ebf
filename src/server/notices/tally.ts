// Messages sent are audited as one count a day, no member, no time: a row per message would date
// the report it follows (to its place in the audit chain), and for a member told of urgent reports
// only, say which hour's report was urgent. The count is kept in memory for the same reason.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { appendAudit } from '../audit/log.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function dailyTally(db: Kysely<Database>) {
  let sent = 0;
  let tallyDay = today();
  return {
    /** One message delivered. */
    add(): void {
      sent += 1;
    },
    /** Audits the count once the day has turned (or now, when `force`d at a stop). */
    async audit(force = false): Promise<void> {
      const day = today();
      if (!force && day === tallyDay) return;
      tallyDay = day;
      if (sent === 0) return;
      const count = sent;
      sent = 0;
      await appendAudit(db, { actor: null, action: 'notice.sent', object: null, detail: { count } });
    },
  };
}
