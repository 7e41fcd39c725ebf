// The audit log for administrators, newest first, 200 entries a page.
import type { FastifyPluginAsync } from 'fastify';
import { ADMINS } from '../../core/team/roles.ts';

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get<{ Querystring: { before?: string } }>('/api/audit', { config: { access: ADMINS } }, async (request) => {
    const before = Number(request.query.before);
    let query = db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'action', 'object', 'detail']);
    if (Number.isInteger(before) && before > 0) query = query.where('seq', '<', before);
    const rows = await query.orderBy('seq', 'desc').limit(200).execute();
    const emails = new Map((await db.selectFrom('members').select(['id', 'email']).execute()).map((m) => [m.id, m.email]));
    return {
      entries: rows.map((r) => ({ ...r, seq: Number(r.seq), actorEmail: r.actor ? (emails.get(r.actor) ?? null) : null, detail: r.detail ? JSON.parse(r.detail) : null })),
    };
  });
};
