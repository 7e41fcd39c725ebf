// An attachment's custody log, as the workspace reads and adds to it: the browser says what it did
// with a copy — "verified" (recomputed the hash: the sealed detail says what it saw), "shared",
// "exported". The server logs receipt and every opening itself (store.ts, workspace-routes.ts).
import type { FastifyPluginAsync } from 'fastify';
import { CUSTODY_ACTIONS, custodyRequest, type CustodyAction, type CustodyResponse } from '../../core/api/evidence.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendCustody } from './store.ts';

export const custodyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.post<{ Params: { id: string } }>('/api/attachments/:id/custody', { config: { access: WRITERS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const { action, detail: given } = parse(custodyRequest, request.body);
    const row = await db.selectFrom('attachments').select(['id', 'key_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'not-found');
    const detail = given ? sealedDetail(given, row.key_id) : null;
    await appendCustody(db, { attachmentId: id, at: new Date().toISOString(), actor: request.member!.id, action, detail });
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/attachments/:id/custody', { config: { access: EVERYONE } }, async (request): Promise<CustodyResponse> => {
    const id = uuidParam(request.params.id);
    const rows = await db
      .selectFrom('custody_log')
      .leftJoin('members', 'members.id', 'custody_log.actor')
      .select(['custody_log.seq', 'custody_log.at', 'custody_log.action', 'custody_log.detail', 'members.email'])
      .where('attachment_id', '=', id)
      .orderBy('custody_log.seq')
      .execute();
    return {
      entries: rows.map((r) => ({ at: r.at, action: r.action as CustodyAction, by: r.email ?? 'the reporter', detail: r.detail ? toBase64Url(r.detail) : null })),
      actions: CUSTODY_ACTIONS,
    };
  });
};

/** A verification's detail: sealed to the attachment's own key, or a 400. */
function sealedDetail(given: string, keyId: string): Uint8Array {
  const detail = Buffer.from(given, 'base64url');
  try {
    if (inspectSealed(detail, SealedKind.custodyDetail).keyId !== keyId) throw new Error();
  } catch {
    throw new HttpError(400, 'bad-envelope');
  }
  return detail;
}
