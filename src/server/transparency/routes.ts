// The public counts (issue 5, opt-in): acts whose person agreed to public use, k-suppressed, as a
// page (no script), JSON and an Atom feed; and the administrators' switch and k. Off, the
// addresses answer 404 as if they did not exist.
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { publicCounts, NOT_DETENTION, NOT_EXACT, NO_PLACE } from '../../core/transparency/counts.ts';
import { MIN_K } from '../../core/transparency/suppress.ts';
import { ACT_TYPES, DETENTION_STATUSES } from '../../core/records/vocabulary.ts';
import { countsWords } from '../pages/counts-words.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { countsPage, type LabelOf } from '../pages/counts.ts';
import { countsFeed } from '../pages/atom.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { mergedConsents } from '../linkage/consent.ts';
import { ADMINS } from '../../core/team/roles.ts';

export const transparencyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  async function settings() {
    const org = await db.selectFrom('organization').select(['public_counts', 'public_k']).executeTakeFirst();
    return { enabled: !!org?.public_counts, k: Math.max(MIN_K, Number(org?.public_k ?? 5)) };
  }

  // Anyone may ask, so the counts are computed at most once a minute (a full pass over the acts).
  let cached: { at: number; value: Promise<Awaited<ReturnType<typeof compute>>> } | null = null;
  async function current() {
    const { enabled, k } = await settings();
    if (!enabled) throw new HttpError(404, 'not-found');
    if (!cached || Date.now() - cached.at > 60_000) {
      cached = { at: Date.now(), value: compute(k) };
      cached.value.catch(() => (cached = null));
    }
    return cached.value;
  }

  async function compute(k: number) {
    const rows = await db
      .selectFrom('acts')
      .innerJoin('persons', 'persons.id', 'acts.person_id')
      .leftJoin('detentions', 'detentions.act_id', 'acts.id')
      .select(['acts.person_id', 'acts.date_start', 'acts.date_start_precision', 'acts.type_code', 'acts.place_id', 'detentions.status', 'acts.updated_at'])
      .where('persons.consent_sharing', '=', 'public')
      .where('acts.duplicate_of', 'is', null) // one arrest, one count after a merge
      .execute();
    // A person whose records were merged counts publicly only if every one of them consented.
    const merged = await mergedConsents(db);
    const counted = rows.filter((r) => (merged.get(r.person_id)?.consentSharing ?? 'public') === 'public');
    const counts = publicCounts(
      counted.map((r) => ({ dateStart: r.date_start, datePrecision: r.date_start_precision, typeCode: r.type_code, placeId: r.place_id, custody: r.status })),
      k,
    );
    // To the day: the page must not say when the team last worked.
    const updatedDay = counted.reduce<string | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null)?.slice(0, 10) ?? null;
    const registry = new Map((await db.selectFrom('registry').select(['id', 'code', 'kind', 'labels']).execute()).map((r) => [r.kind === 'act-type' ? r.code : r.id, JSON.parse(r.labels) as Record<Language, string>]));
    return { counts, updatedDay, registry };
  }

  const labels = (lang: Language, registry: Map<string, Record<Language, string>>): LabelOf => {
    const t = countsWords[lang];
    return (table, key) => {
      if (key === NOT_EXACT) return t.countsNotExact;
      if (key === NO_PLACE) return t.countsNoPlace;
      if (key === NOT_DETENTION) return t.countsNotDetention;
      if (table === 'type') return ACT_TYPES.find((a) => a.code === key)?.labels[lang] ?? registry.get(key)?.[lang] ?? key;
      if (table === 'place') return registry.get(key)?.[lang] ?? key;
      if (table === 'status') return DETENTION_STATUSES.find((s) => s.key === key)?.labels[lang] ?? key;
      return key;
    };
  };

  app.get('/counts', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = { ...(await pageContext(app.vigil, request, '/counts')), script: null };
    const { counts, updatedDay, registry } = await current();
    return sendPage(reply, 200, countsPage(ctx, counts, labels(ctx.lang, registry), updatedDay));
  });

  app.get('/counts.json', { config: { access: 'public' } }, async (_request, reply) => {
    const { counts, updatedDay, registry } = await current();
    const en = labels('en', registry);
    const tables = Object.fromEntries(
      Object.entries(counts.tables).map(([name, t]) => [name, { total: t.total, cells: t.cells.map((c) => ({ key: c.key, label: en(name as keyof typeof counts.tables, c.key), count: c.count })) }]),
    );
    return reply.header('cache-control', 'no-store').send({ v: 1, k: counts.k, updated: updatedDay, total: counts.total, tables });
  });

  app.get('/counts.atom', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/counts');
    const { counts, updatedDay, registry } = await current();
    const self = `${app.vigil.config.publicUrl.replace(/\/$/, '')}/counts.atom`;
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'no-store').send(countsFeed(ctx, counts, labels(ctx.lang, registry), updatedDay, self));
  });

  app.get('/api/transparency', { config: { access: ADMINS } }, async () => settings());

  app.post('/api/transparency', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = z.object({ enabled: z.boolean(), k: z.number().int().min(MIN_K).max(100) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organization').set({ public_counts: parsed.data.enabled ? 1 : 0, public_k: parsed.data.k }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'settings.changed', object: null, detail: { publicCounts: parsed.data.enabled, k: parsed.data.k } });
    });
    cached = null;
    return reply.code(204).send();
  });
};
