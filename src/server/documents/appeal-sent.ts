// A UN communication marked as sent: a follow-up for each person concerned, stored whole or not at
// all, with one audit entry that says so (without content). Idempotent: a person who already has
// this communication's follow-up — same kind, same day — gets no second one, so a second press of
// "Mark as sent" (or a retry after a lost answer) makes no duplicate. The people's rows are locked
// first, so two presses at once on PostgreSQL wait for each other instead of both inserting.
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { appendAudit } from '../audit/log.ts';
import { insertRecord } from '../records/create.ts';
import { lockPeople } from '../linkage/store.ts';
import { APPEAL_PRIORITY, type AppealSentInput } from '../../core/documents/appeal-sent.ts';

export async function appealSent(trx: Transaction<Database>, secret: ServerSecret, input: AppealSentInput, member: string): Promise<{ recorded: number; already: number }> {
  const people = input.followUps.map((f) => f.record.personId!);
  await lockPeople(trx, people);
  const existing = await trx
    .selectFrom('interventions')
    .select(['person_id', 'incident_id'])
    .where('type', '=', 'un-appeal')
    .where('on_day', '=', input.day)
    .where('priority', '=', APPEAL_PRIORITY[input.kind])
    .where('person_id', 'in', people)
    .execute();
  // The same communication: same kind, day, person and incident (another incident's is another communication).
  const key = (personId: string | null | undefined, incidentId: string | null | undefined) => `${personId}|${incidentId ?? ''}`;
  const already = new Set(existing.map((r) => key(r.person_id, r.incident_id)));
  const fresh = input.followUps.filter((f) => !already.has(key(f.record.personId, f.record.incidentId)));
  const now = new Date().toISOString();
  for (const { id, record } of fresh) {
    await insertRecord(trx, secret, { type: 'intervention', id, record, member, now });
    await appendAudit(trx, { actor: member, action: 'record.created', object: id, detail: { type: 'intervention' } });
  }
  if (fresh.length > 0) await appendAudit(trx, { actor: member, action: 'document.sent', detail: { document: 'un-communication', format: null, people: fresh.length } });
  return { recorded: fresh.length, already: already.size };
}
