// Decisions about possible duplicates (issue 11): merge two records of one person, undo a merge,
// remember that two records are different people. The suggestions themselves are made in the
// member's browser, where names can be read; the server sees and stores record ids only.
// Viewers never see names, so they neither review suggestions nor merge.
import type { FastifyPluginAsync } from 'fastify';
import { distinctRequest, mergeRequest } from '../../core/linkage/decisions.ts';
import { parse, uuidParam } from '../http/errors.ts';
import { forgetDistinct, listDecisions, markDistinct, mergePeople, undoMerge } from './store.ts';
import { WRITERS } from '../../core/team/roles.ts';

/** The records' writers (src/server/records/routes.ts). */

export const linkageRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const change = (member: string) => ({ member, now: new Date().toISOString() });

  app.get('/api/linkage/decisions', { config: { access: WRITERS } }, async () => listDecisions(db));

  app.post('/api/linkage/merges', { config: { access: WRITERS } }, async (request, reply) => {
    const input = parse(mergeRequest, request.body);
    const made = await db.transaction().execute((trx) => mergePeople(trx, input, change(request.member!.id)));
    return reply.code(201).send(made);
  });

  app.post<{ Params: { id: string } }>('/api/linkage/merges/:id/undo', { config: { access: WRITERS } }, async (request) => {
    const id = uuidParam(request.params.id);
    return db.transaction().execute((trx) => undoMerge(trx, id, change(request.member!.id)));
  });

  // Deciding twice is no error: the pair is remembered once (201 the first time, 200 after).
  app.post('/api/linkage/distinct', { config: { access: WRITERS } }, async (request, reply) => {
    const { a, b } = parse(distinctRequest, request.body);
    const added = await db.transaction().execute((trx) => markDistinct(trx, a, b, change(request.member!.id)));
    return reply.code(added ? 201 : 200).send({ a, b });
  });

  app.post('/api/linkage/distinct/forget', { config: { access: WRITERS } }, async (request, reply) => {
    const { a, b } = parse(distinctRequest, request.body);
    await db.transaction().execute((trx) => forgetDistinct(trx, a, b, change(request.member!.id)));
    return reply.code(204).send();
  });
};
