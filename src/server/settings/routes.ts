// The organization's settings (administrators): name, public title, public languages, time
// zone, quick-exit address; and whether every member must have a second factor. Versioned (a stale edit is a 409, never a silent overwrite) and audited
// by field name — the audit says what changed, the settings themselves are on the page.
import type { FastifyPluginAsync } from 'fastify';
import { secondFactorSetting } from '../../core/api/second-factor.ts';
import { settingsUpdate, type OrganizationSettings, type SettingsView } from '../../core/api/settings.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import type { Database } from '../storage/schema.ts';
import type { Kysely, Transaction } from 'kysely';
import { ADMINS } from '../../core/team/roles.ts';

async function readSettings(db: Kysely<Database> | Transaction<Database>): Promise<OrganizationSettings & { version: number }> {
  const row = await db.selectFrom('organization').select(['name', 'public_title', 'languages', 'time_zone', 'exit_url', 'settings_version']).executeTakeFirst();
  if (!row) throw new HttpError(503, 'not-ready');
  return {
    name: row.name,
    publicTitle: row.public_title,
    languages: JSON.parse(row.languages) as Language[],
    timeZone: row.time_zone,
    exitUrl: row.exit_url,
    version: Number(row.settings_version),
  };
}

const changedFields = (before: OrganizationSettings, after: OrganizationSettings): string[] =>
  (Object.keys(after) as (keyof OrganizationSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));

export const settingsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const view = async (): Promise<SettingsView> => ({ ...(await readSettings(db)), defaultExitUrl: app.vigil.config.exitUrl });

  app.get('/api/organization', { config: { access: ADMINS } }, view);

  app.post('/api/organization', { config: { access: ADMINS } }, async (request) => {
    const { version, ...next } = parse(settingsUpdate, request.body);
    await db.transaction().execute(async (trx) => {
      const before = await readSettings(trx);
      if (before.version !== version) throw new HttpError(409, 'edit-conflict');
      const fields = changedFields(before, next);
      if (fields.length === 0) return;
      const updated = await trx
        .updateTable('organization')
        .set({ name: next.name, public_title: next.publicTitle, languages: JSON.stringify(next.languages), time_zone: next.timeZone, exit_url: next.exitUrl, settings_version: version + 1 })
        .where('settings_version', '=', version)
        .executeTakeFirst();
      // Two administrators saving at once: only the first wins.
      if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
      await appendAudit(trx, { actor: request.member!.id, action: 'organization.settings-changed', object: null, detail: { fields: fields.join(','), version: version + 1 } });
    });
    await app.vigil.forget();
    return view();
  });

  // The sign-in settings: a second factor required of everyone (and, to show, the idle lock).
  app.get('/api/settings', { config: { access: ADMINS } }, async () => {
    const org = await db.selectFrom('organization').select(['require_second_factor']).executeTakeFirstOrThrow();
    return { requireSecondFactor: !!org.require_second_factor, idleMinutes: app.vigil.config.idleMinutes };
  });

  app.post('/api/settings', { config: { access: ADMINS } }, async (request, reply) => {
    const { requireSecondFactor } = parse(secondFactorSetting, request.body);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organization').set({ require_second_factor: requireSecondFactor ? 1 : 0 }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'second-factor.required', object: null, detail: { required: requireSecondFactor } });
    });
    await app.vigil.forget();
    return reply.code(204).send();
  });
};
