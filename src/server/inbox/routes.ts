// The inbox hands out sealed envelopes, newest first, with the plain triage facts (state,
// assignee, tags) the server may know; everything a person wrote is opened in the browser.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { inboxQuery, replyRequest, sealedText, triageRequest, type InboxResponse, type ReportThread } from '../../core/api/inbox.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import * as z from 'zod';
import { INBOX_FRAME_TYPE, encodeInboxFrame, type InboxFrame } from '../../core/api/inbox-frame.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { currentHour } from '../intake/service.ts';
import { appendAudit, audit } from '../audit/log.ts';
import { answerRoutes, unreadAnswersColumn } from './answers.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';


/** A sealed envelope of the expected kind, addressed to the key it claims. */
function envelopeOf(b64: string, kind: (typeof SealedKind)[keyof typeof SealedKind], keyId?: string): Uint8Array {
  const bytes = fromBase64Url(b64);
  try {
    if (!bytes || (keyId !== undefined && inspectSealed(bytes, kind).keyId !== keyId)) throw new Error();
    if (keyId === undefined) inspectSealed(bytes, kind);
  } catch {
    throw new HttpError(400, 'bad-envelope');
  }
  return bytes;
}

export const inboxRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  answerRoutes(app);

  async function existingReport(id: string) {
    const report = await db.selectFrom('reports').select(['id', 'reporter_key']).where('id', '=', uuidParam(id)).executeTakeFirst();
    if (!report) throw new HttpError(404, 'not-found');
    return report;
  }

  app.get('/api/inbox', { config: { access: EVERYONE } }, async (request, reply) => {
    const parsed = inboxQuery.safeParse(request.query);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const { before, limit, state, assignee, tag } = parsed.data;
    let query = db
      .selectFrom('reports')
      .select(['id', 'seq', 'key_id', 'received_hour', 'read_hour', 'envelope', 'cache', 'state', 'assignee', 'duplicate_of', 'reporter_key'])
      .select((eb) => [
        eb.selectFrom('notes').select(eb.fn.countAll<number>().as('n')).whereRef('notes.report_id', '=', 'reports.id').as('notes'),
        eb.selectFrom('messages').select(eb.fn.countAll<number>().as('n')).whereRef('messages.report_id', '=', 'reports.id').as('messages'),
        unreadAnswersColumn(eb, request.member!.id),
      ]);
    if (before !== undefined) query = query.where('seq', '<', before);
    if (state) query = query.where('state', '=', state);
    if (assignee === 'none') query = query.where('assignee', 'is', null);
    else if (assignee) query = query.where('assignee', '=', assignee);
    if (tag) query = query.where('id', 'in', db.selectFrom('report_tags').select('report_id').where('tag', '=', tag));
    const rows = await query.orderBy('seq', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const tags = new Map<string, string[]>();
    if (page.length > 0) {
      const tagRows = await db.selectFrom('report_tags').select(['report_id', 'tag']).where('report_id', 'in', page.map((r) => r.id)).orderBy('tag').execute();
      for (const t of tagRows) tags.set(t.report_id, [...(tags.get(t.report_id) ?? []), t.tag]);
    }
    const frame: InboxFrame = {
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
    if (request.headers.accept === INBOX_FRAME_TYPE) {
      const bytes = encodeInboxFrame(frame);
      return reply.type(INBOX_FRAME_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const json: InboxResponse = { reports: frame.reports.map(({ cache: _, ...r }) => ({ ...r, envelope: toBase64Url(r.envelope) })), next: frame.next };
    return json;
  });

  // The opened-report cache (core/report/cache.ts): the first copy of a report's answers a member's
  // browser writes is kept and never replaced, so no one can overwrite what colleagues already see.
  // Being first is a power over what others see first, so only those who may open (triage) reports
  // write it; a viewer reads copies others made.
  app.post('/api/inbox/cache', { bodyLimit: 4 * 1024 * 1024, config: { access: WRITERS } }, async (request, reply) => {
    const parsed = z.object({ entries: z.array(z.object({ id: z.uuid(), cache: z.string().regex(/^[A-Za-z0-9_-]+$/).max(90_000) })).min(1).max(1000) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const entries = parsed.data.entries.map((e) => ({ id: e.id, cache: fromBase64Url(e.cache) }));
    if (entries.some((e) => !e.cache || !inspectWrapped(e.cache, WrappedKind.reportCache))) throw new HttpError(400, 'bad-envelope');
    let stored = 0;
    await db.transaction().execute(async (trx) => {
      for (const e of entries) {
        const result = await trx.updateTable('reports').set({ cache: e.cache }).where('id', '=', e.id).where('cache', 'is', null).executeTakeFirst();
        stored += Number(result.numUpdatedRows);
      }
    });
    return reply.send({ stored });
  });

  app.post<{ Params: { id: string } }>('/api/reports/:id/read', { config: { access: WRITERS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const result = await db.updateTable('reports').set({ read_hour: currentHour() }).where('id', '=', id).where('read_hour', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await existingReport(id);
    else await audit(db, { actor: request.member!.id, action: 'report.read', object: id });
    return reply.code(204).send();
  });

  // One call for one report or a selection: state, assignee, tags. All or nothing.
  app.post('/api/reports/triage', { config: { access: WRITERS } }, async (request, reply) => {
    const parsed = triageRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const { ids, state, duplicateOf, assignee, addTags = [], removeTags = [] } = parsed.data;
    const actor = request.member!.id;
    await db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('reports').select('id').where('id', 'in', ids).execute();
      if (found.length !== new Set(ids).size) throw new HttpError(404, 'not-found');
      if (duplicateOf && (ids.includes(duplicateOf) || !(await trx.selectFrom('reports').select('id').where('id', '=', duplicateOf).executeTakeFirst()))) {
        throw new HttpError(400, 'bad-request');
      }
      if (assignee) {
        const member = await trx.selectFrom('members').select('role').where('id', '=', assignee).where('status', '=', 'active').executeTakeFirst();
        if (!member || member.role === 'viewer') throw new HttpError(400, 'bad-request');
      }
      if (state) {
        await trx.updateTable('reports').set({ state, duplicate_of: duplicateOf ?? null }).where('id', 'in', ids).execute();
        for (const id of ids) await appendAudit(trx, { actor, action: 'report.state-changed', object: id, detail: { state } });
      }
      if (assignee !== undefined) {
        await trx.updateTable('reports').set({ assignee }).where('id', 'in', ids).execute();
        for (const id of ids) await appendAudit(trx, { actor, action: 'report.assigned', object: id, detail: { assignee } });
      }
      if (removeTags.length) await trx.deleteFrom('report_tags').where('report_id', 'in', ids).where('tag', 'in', removeTags).execute();
      if (addTags.length) {
        await trx
          .insertInto('report_tags')
          .values(ids.flatMap((id) => [...new Set(addTags)].map((tag) => ({ report_id: id, tag }))))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      if (addTags.length || removeTags.length) {
        for (const id of ids) await appendAudit(trx, { actor, action: 'report.tagged', object: id, detail: { added: addTags.join(','), removed: removeTags.join(',') } });
      }
    });
    return reply.code(204).send();
  });

  app.get('/api/tags', { config: { access: EVERYONE } }, async () => {
    const rows = await db.selectFrom('report_tags').select(['tag', sql<number>`count(*)`.as('n')]).groupBy('tag').orderBy('tag').execute();
    return { tags: rows.map((r) => ({ tag: r.tag, count: Number(r.n) })) };
  });

  app.get('/api/team', { config: { access: EVERYONE } }, async () => {
    const rows = await db.selectFrom('members').select(['id', 'email', 'role']).where('status', '=', 'active').orderBy('email').execute();
    return { members: rows };
  });

  app.get<{ Params: { id: string } }>('/api/reports/:id/thread', { config: { access: EVERYONE } }, async (request): Promise<ReportThread> => {
    const report = await existingReport(request.params.id);
    const [notes, messages] = await Promise.all([
      db.selectFrom('notes').selectAll().where('report_id', '=', report.id).orderBy('created_at').execute(),
      db.selectFrom('messages').select(['seq', 'id', 'direction', 'author', 'created_hour', 'key_id', 'for_team']).where('report_id', '=', report.id).orderBy('seq').execute(),
    ]);
    return {
      reporterKey: report.reporter_key ? toBase64Url(report.reporter_key) : null,
      notes: notes.map((n) => ({ id: n.id, author: n.author, createdAt: n.created_at, keyId: n.key_id, envelope: toBase64Url(n.envelope) })),
      messages: messages.map((m) => ({ seq: Number(m.seq), id: m.id, direction: m.direction, author: m.author, createdHour: m.created_hour, keyId: m.key_id, envelope: toBase64Url(m.for_team) })),
    };
  });

  // A note, sealed in the documenter's browser to the current intake key.
  app.post<{ Params: { id: string } }>('/api/reports/:id/notes', { config: { access: WRITERS } }, async (request, reply) => {
    const report = await existingReport(request.params.id);
    const parsed = sealedText.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const envelope = envelopeOf(parsed.data.envelope, SealedKind.note, parsed.data.keyId);
    const key = await app.vigil.intakeKey();
    if (!key || key.keyId !== parsed.data.keyId) throw new HttpError(409, 'stale-key');
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id, report_id: report.id, author: request.member!.id, created_at: new Date().toISOString(), key_id: key.keyId, envelope }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'note.added', object: report.id });
    });
    return reply.code(201).send({ id });
  });

  // A reply to the reporter: sealed to the reporter's key (only the codename opens it) and,
  // for the team's own record, to the intake key.
  app.post<{ Params: { id: string } }>('/api/reports/:id/replies', { config: { access: WRITERS } }, async (request, reply) => {
    const report = await existingReport(request.params.id);
    if (!report.reporter_key) throw new HttpError(409, 'cannot-reply');
    const parsed = replyRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const forTeam = envelopeOf(parsed.data.forTeam.envelope, SealedKind.reply, parsed.data.forTeam.keyId);
    const forReporter = envelopeOf(parsed.data.forReporter, SealedKind.reply, await keyIdOf(report.reporter_key));
    const key = await app.vigil.intakeKey();
    if (!key || key.keyId !== parsed.data.forTeam.keyId) throw new HttpError(409, 'stale-key');
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('messages')
        .values({ id, report_id: report.id, direction: 'team', author: request.member!.id, created_hour: currentHour(), key_id: key.keyId, for_team: forTeam, for_reporter: forReporter })
        .execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'reply.sent', object: report.id });
    });
    return reply.code(201).send({ id });
  });
};
