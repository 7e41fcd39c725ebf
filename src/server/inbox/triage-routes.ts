// Triage: a report's state, assignee and tags, for one report or a selection at once, and the
// lists the triage controls offer (the tags in use, the members a report may be assigned to).
import type { FastifyPluginAsync } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type * as z from 'zod';
import { triageRequest, type TagsResponse, type TeamResponse } from '../../core/api/inbox.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';

type Triage = z.infer<typeof triageRequest>;

export const triageRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // One call for one report or a selection: state, assignee, tags. All or nothing.
  app.post('/api/reports/triage', { config: { access: WRITERS } }, async (request, reply) => {
    const triage = parse(triageRequest, request.body);
    await db.transaction().execute(async (trx) => {
      await checkTriage(trx, triage);
      await applyTriage(trx, request.member!.id, triage);
    });
    return reply.code(204).send();
  });

  app.get('/api/tags', { config: { access: EVERYONE } }, async (): Promise<TagsResponse> => {
    const rows = await db.selectFrom('report_tags').select(['tag', sql<number>`count(*)`.as('n')]).groupBy('tag').orderBy('tag').execute();
    return { tags: rows.map((r) => ({ tag: r.tag, count: Number(r.n) })) };
  });

  app.get('/api/team', { config: { access: EVERYONE } }, async (): Promise<TeamResponse> => {
    const rows = await db.selectFrom('members').select(['id', 'email', 'role']).where('status', '=', 'active').orderBy('email').execute();
    return { members: rows as TeamResponse['members'] };
  });
};

/** Every report exists; a duplicate is of another existing report; an assignee is an active member who may triage. */
async function checkTriage(trx: Transaction<Database>, { ids, duplicateOf, assignee }: Triage): Promise<void> {
  const found = await trx.selectFrom('reports').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new HttpError(404, 'not-found');
  if (duplicateOf && (ids.includes(duplicateOf) || !(await trx.selectFrom('reports').select('id').where('id', '=', duplicateOf).executeTakeFirst()))) {
    throw new HttpError(400, 'bad-request');
  }
  if (assignee) {
    const member = await trx.selectFrom('members').select('role').where('id', '=', assignee).where('status', '=', 'active').executeTakeFirst();
    if (!member || member.role === 'viewer') throw new HttpError(400, 'bad-request');
  }
}

/** The change, audited per report. */
async function applyTriage(trx: Transaction<Database>, actor: string, { ids, state, duplicateOf, assignee, addTags = [], removeTags = [] }: Triage): Promise<void> {
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
}
