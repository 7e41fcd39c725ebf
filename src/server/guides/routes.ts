// "Know your rights" and "staying safe": public pages (no script) whose words coordinators and
// administrators write per language in the workspace. Public words, stored plain; every save is
// a new version (an edit made from an older one is refused) and an audit entry without content.
import type { FastifyPluginAsync } from 'fastify';
import { emptyGuide, GUIDE_KINDS, guideInput, type GuideKind, type GuideView } from '../../core/guides/structure.ts';
import { guidePage } from '../pages/guide.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { COORDINATORS } from '../../core/team/roles.ts';

const isKind = (kind: string): kind is GuideKind => (GUIDE_KINDS as readonly string[]).includes(kind);

export const guideRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  async function guide(kind: GuideKind): Promise<GuideView> {
    const row = await db.selectFrom('guides').selectAll().where('kind', '=', kind).executeTakeFirst();
    return row ? { kind, version: row.version, updatedDay: row.updated_day, sections: JSON.parse(row.sections) } : emptyGuide(kind);
  }

  for (const kind of GUIDE_KINDS) {
    app.get(`/${kind}`, { config: { access: 'public' } }, async (request, reply) => {
      const ctx = { ...(await pageContext(app.vigil, request, `/${kind}`)), script: null };
      return sendPage(reply, 200, guidePage(ctx, await guide(kind)));
    });
  }

  app.get('/api/guides', { config: { access: COORDINATORS } }, async (): Promise<{ guides: GuideView[] }> => ({
    guides: await Promise.all(GUIDE_KINDS.map(guide)),
  }));

  app.post<{ Params: { kind: string } }>('/api/guides/:kind', { config: { access: COORDINATORS } }, async (request) => {
    const { kind } = request.params;
    if (!isKind(kind)) throw new HttpError(404, 'not-found');
    const parsed = guideInput.safeParse(request.body);
    // Too much text is the likely mistake, and worth saying plainly.
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.some((i) => i.code === 'too_big') ? 'too-long' : 'bad-request');
    const { version, sections } = parsed.data;
    const saved = await db.transaction().execute(async (trx) => {
      const row = { sections: JSON.stringify(sections), version: version + 1, updated_day: new Date().toISOString().slice(0, 10), updated_by: request.member!.id };
      // The version check and the write are one statement, so two editors cannot both win.
      const written =
        version === 0
          ? await trx.insertInto('guides').values({ kind, ...row }).onConflict((oc) => oc.column('kind').doNothing()).executeTakeFirst()
          : await trx.updateTable('guides').set(row).where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
      const changed = Number('numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows);
      if (changed !== 1) throw new HttpError(409, 'edit-conflict');
      await appendAudit(trx, { actor: request.member!.id, action: 'guide.saved', object: kind, detail: { version: version + 1 } });
      return row;
    });
    await app.vigil.forget();
    return { kind, version: saved.version, updatedDay: saved.updated_day, sections } satisfies GuideView;
  });
};
