// Which reporters' answers each member has not seen yet, for the inbox's "new answers" badges.
// report_reads keeps, per member and report, the highest message seq they have seen; a reporter's
// message after it is new to them. Personal reading state, like a mail client's: not audited.
import type { FastifyPluginAsync } from 'fastify';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { seenRequest, type UnreadAnswers } from '../../core/api/inbox.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { EVERYONE } from '../../core/team/roles.ts';

/** A reporter's message the member has not seen: `m` the messages row, `r` their report_reads row (if any). */
const isUnreadAnswer = sql<boolean>`m.direction = 'reporter' and m.seq > coalesce(r.seen_seq, 0)`;

/** Per inbox row: how many of the report's answers `memberId` has not seen. */
export function unreadAnswersColumn(eb: ExpressionBuilder<Database, 'reports'>, memberId: string) {
  return eb
    .selectFrom('messages as m')
    .leftJoin('report_reads as r', (join) => join.onRef('r.report_id', '=', 'm.report_id').on('r.member_id', '=', memberId))
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('m.report_id', '=', 'reports.id')
    .where(isUnreadAnswer)
    .as('unread_answers');
}

export const answerRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // Every report with answers the member has not seen, across the whole inbox: "Check for new
  // reports" learns of answers to old reports without fetching every page again.
  app.get('/api/inbox/answers', { config: { access: EVERYONE } }, async (request): Promise<UnreadAnswers> => {
    const rows = await db
      .selectFrom('messages as m')
      .leftJoin('report_reads as r', (join) => join.onRef('r.report_id', '=', 'm.report_id').on('r.member_id', '=', request.member!.id))
      .select(['m.report_id', sql<number>`count(*)`.as('messages'), sql<number>`sum(case when ${isUnreadAnswer} then 1 else 0 end)`.as('unread')])
      .groupBy('m.report_id')
      .having(sql<boolean>`sum(case when ${isUnreadAnswer} then 1 else 0 end) > 0`)
      .execute();
    return { reports: rows.map((row) => ({ id: row.report_id, messages: Number(row.messages), unreadAnswers: Number(row.unread) })) };
  });

  // The member opened the report's conversation and saw its messages up to `upTo`. Only ever moves
  // forward (a stale tab cannot make seen answers new again) and never past the newest message, so
  // an answer that arrives later is new even to a client that claimed more.
  app.post<{ Params: { id: string } }>('/api/reports/:id/seen', { config: { access: EVERYONE } }, async (request) => {
    const id = uuidParam(request.params.id);
    const { upTo } = parse(seenRequest, request.body);
    const member = request.member!.id;
    const report = await db
      .selectFrom('reports')
      .select((eb) => ['id', eb.selectFrom('messages').select(sql<number | null>`max(messages.seq)`.as('n')).whereRef('messages.report_id', '=', 'reports.id').as('last')])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!report) throw new HttpError(404, 'not-found');
    const seen = Math.min(upTo, Number(report.last ?? 0));
    if (seen > 0) {
      await db
        .insertInto('report_reads')
        .values({ member_id: member, report_id: id, seen_seq: seen })
        .onConflict((oc) => oc.columns(['member_id', 'report_id']).doUpdateSet({ seen_seq: seen }).where('report_reads.seen_seq', '<', seen))
        .execute();
    }
    const left = await db
      .selectFrom('reports')
      .select((eb) => unreadAnswersColumn(eb, member))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { unreadAnswers: Number(left.unread_answers ?? 0) };
  });
};
