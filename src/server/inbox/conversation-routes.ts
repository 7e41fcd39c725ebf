// A report's thread: the team's notes on it and the conversation with its reporter. Everything
// in it is sealed in members' browsers; the server checks each envelope's kind and key.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { replyRequest, sealedText, type ReportThread } from '../../core/api/inbox.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import { HttpError, parse } from '../http/errors.ts';
import { currentHour } from '../intake/service.ts';
import { appendAudit } from '../audit/log.ts';
import { existingReport } from './existing-report.ts';

/** A sealed envelope of the expected kind, addressed to the key it claims. */
function envelopeOf(b64: string, kind: (typeof SealedKind)[keyof typeof SealedKind], keyId: string): Uint8Array {
  const bytes = fromBase64Url(b64);
  try {
    if (!bytes || inspectSealed(bytes, kind).keyId !== keyId) throw new Error();
  } catch {
    throw new HttpError(400, 'bad-envelope');
  }
  return bytes;
}

export const conversationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get<{ Params: { id: string } }>('/api/reports/:id/thread', { config: { access: EVERYONE } }, async (request): Promise<ReportThread> => {
    const report = await existingReport(db, request.params.id);
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
    const report = await existingReport(db, request.params.id);
    const note = parse(sealedText, request.body);
    const envelope = envelopeOf(note.envelope, SealedKind.note, note.keyId);
    const key = await app.vigil.intakeKey();
    if (!key || key.keyId !== note.keyId) throw new HttpError(409, 'stale-key');
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
    const report = await existingReport(db, request.params.id);
    if (!report.reporter_key) throw new HttpError(409, 'cannot-reply');
    const given = parse(replyRequest, request.body);
    const forTeam = envelopeOf(given.forTeam.envelope, SealedKind.reply, given.forTeam.keyId);
    const forReporter = envelopeOf(given.forReporter, SealedKind.reply, await keyIdOf(report.reporter_key));
    const key = await app.vigil.intakeKey();
    if (!key || key.keyId !== given.forTeam.keyId) throw new HttpError(409, 'stale-key');
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
