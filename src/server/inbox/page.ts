// One page of the inbox: sealed reports newest first, filtered by the plain triage facts (state,
// assignee, tag), each with its tags and the counts of its notes, messages and answers the member
// has not seen.
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import type { inboxQuery } from '../../core/api/inbox.ts';
import type { InboxFrame } from '../../core/api/inbox-frame.ts';
import type { Database } from '../storage/schema.ts';
import { unreadAnswersColumn } from './answers.ts';

export async function inboxPage(db: Kysely<Database>, memberId: string, filter: z.infer<typeof inboxQuery>): Promise<InboxFrame> {
  const { before, limit, state, assignee, tag } = filter;
  let query = db
    .selectFrom('reports')
    .select(['id', 'seq', 'key_id', 'received_hour', 'read_hour', 'envelope', 'cache', 'state', 'assignee', 'duplicate_of', 'reporter_key'])
    .select((eb) => [
      eb.selectFrom('notes').select(eb.fn.countAll<number>().as('n')).whereRef('notes.report_id', '=', 'reports.id').as('notes'),
      eb.selectFrom('messages').select(eb.fn.countAll<number>().as('n')).whereRef('messages.report_id', '=', 'reports.id').as('messages'),
      unreadAnswersColumn(eb, memberId),
    ]);
  if (before !== undefined) query = query.where('seq', '<', before);
  if (state) query = query.where('state', '=', state);
  if (assignee === 'none') query = query.where('assignee', 'is', null);
  else if (assignee) query = query.where('assignee', '=', assignee);
  if (tag) query = query.where('id', 'in', db.selectFrom('report_tags').select('report_id').where('tag', '=', tag));
  const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const tags = await tagsOf(db, page.map((r) => r.id));
  return {
    reports: page.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      keyId: r.key_id,
      receivedHour: r.received_hour,
      readHour: r.read_hour,
      envelope: r.envelope,
      cache: r.cache,
      state: r.state,
      assignee: r.assignee,
      duplicateOf: r.duplicate_of,
      tags: tags.get(r.id) ?? [],
      canReply: r.reporter_key !== null,
      notes: Number(r.notes ?? 0),
      messages: Number(r.messages ?? 0),
      unreadAnswers: Number(r.unread_answers ?? 0),
    })),
    next: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
  };
}

/** Each report's tags, in alphabetical order. */
async function tagsOf(db: Kysely<Database>, reportIds: string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (reportIds.length === 0) return tags;
  const rows = await db.selectFrom('report_tags').select(['report_id', 'tag']).where('report_id', 'in', reportIds).orderBy('tag').execute();
  for (const t of rows) tags.set(t.report_id, [...(tags.get(t.report_id) ?? []), t.tag]);
  return tags;
}
