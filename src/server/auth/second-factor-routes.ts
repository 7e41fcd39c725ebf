// Enrolling and removing second factors (a member's own), and the administrator's setting that
// makes one required for everyone.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { HttpError, uuidParam } from '../http/errors.ts';
import { appendAudit, audit } from '../audit/log.ts';
import { confirmedFactors, issueRecoveryCodes, passkeyRegistrationOptions, totpFor, verifyPasskeyRegistration } from './second-factor.ts';
import { ADMINS } from '../../core/team/roles.ts';

const name = z.string().trim().min(1).max(60).regex(/^[^\u0000]*$/);

export const secondFactorRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const vigil = app.vigil;

  async function recoveryCodesIfFirst(memberId: string): Promise<string[] | null> {
    const left = await db.selectFrom('recovery_codes').select('code_hash').where('member_id', '=', memberId).executeTakeFirst();
    return left ? null : issueRecoveryCodes(vigil, memberId);
  }

  app.get('/api/me/second-factors', { config: { access: 'member' } }, async (request) => {
    const me = request.member!;
    const [factors, codes, org] = await Promise.all([
      confirmedFactors(db, me.id),
      db.selectFrom('recovery_codes').select('code_hash').where('member_id', '=', me.id).execute(),
      db.selectFrom('organization').select('require_second_factor').executeTakeFirstOrThrow(),
    ]);
    return {
      required: !!org.require_second_factor,
      factors: factors.map((f) => ({ id: f.id, kind: f.kind, name: f.name, createdAt: f.created_at })),
      recoveryCodesLeft: codes.length,
    };
  });

  app.post('/api/me/totp/start', { config: { access: 'member' } }, async (request) => {
    const me = request.member!;
    const secret = randomBytes(20);
    const id = randomUUID();
    await db.deleteFrom('second_factors').where('member_id', '=', me.id).where('kind', '=', 'totp').where('confirmed', '=', 0).execute();
    await db
      .insertInto('second_factors')
      .values({ id, member_id: me.id, kind: 'totp', name: 'Authenticator app', created_at: new Date().toISOString(), confirmed: 0, totp_secret: vigil.secret.encrypt('totp', secret), credential_id: null, public_key: null, counter: null, transports: null })
      .execute();
    const totp = totpFor(secret, me.email, 'Vigil');
    return { id, secret: totp.secret.base32, uri: totp.toString() };
  });

  app.post('/api/me/totp/confirm', { config: { access: 'member' } }, async (request) => {
    const parsed = z.object({ id: z.uuid(), code: z.string().regex(/^\d{6}$/) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const me = request.member!;
    const factor = await db.selectFrom('second_factors').selectAll().where('id', '=', parsed.data.id).where('member_id', '=', me.id).where('confirmed', '=', 0).executeTakeFirst();
    if (!factor?.totp_secret) throw new HttpError(404, 'not-found');
    const totp = totpFor(vigil.secret.decrypt('totp', factor.totp_secret), me.email, 'Vigil');
    const now = Date.now();
    const delta = totp.validate({ token: parsed.data.code, window: 1, timestamp: now });
    if (delta === null) throw new HttpError(400, 'wrong-code');
    await db.transaction().execute(async (trx) => {
      // The code typed to enrol is used up too: it cannot open a login as well.
      await trx.updateTable('second_factors').set({ confirmed: 1, totp_last_step: totp.counter({ timestamp: now }) + delta }).where('id', '=', factor.id).execute();
      await appendAudit(trx, { actor: me.id, action: 'second-factor.enrolled', object: me.id, detail: { kind: 'totp' } });
    });
    return { recoveryCodes: await recoveryCodesIfFirst(me.id) };
  });

  app.post('/api/me/passkeys/options', { config: { access: 'member' } }, async (request) => passkeyRegistrationOptions(vigil, request.member!));

  app.post('/api/me/passkeys/verify', { config: { access: 'member' } }, async (request) => {
    const parsed = z.object({ name, response: z.record(z.string(), z.unknown()) }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const me = request.member!;
    if (!(await verifyPasskeyRegistration(vigil, me.id, parsed.data.name, parsed.data.response as never))) throw new HttpError(400, 'wrong-code');
    await audit(db, { actor: me.id, action: 'second-factor.enrolled', object: me.id, detail: { kind: 'passkey' } });
    return { recoveryCodes: await recoveryCodesIfFirst(me.id) };
  });

  app.post('/api/me/recovery-codes', { config: { access: 'member' } }, async (request) => {
    const me = request.member!;
    if ((await confirmedFactors(db, me.id)).length === 0) throw new HttpError(409, 'no-second-factor');
    return { recoveryCodes: await issueRecoveryCodes(vigil, me.id) };
  });

  app.post<{ Params: { id: string } }>('/api/me/second-factors/:id/remove', { config: { access: 'member' } }, async (request, reply) => {
    const me = request.member!;
    const id = uuidParam(request.params.id);
    await db.transaction().execute(async (trx) => {
      const factors = await trx.selectFrom('second_factors').select(['id', 'kind']).where('member_id', '=', me.id).where('confirmed', '=', 1).execute();
      const factor = factors.find((f) => f.id === id);
      if (!factor) throw new HttpError(404, 'not-found');
      const org = await trx.selectFrom('organization').select('require_second_factor').executeTakeFirstOrThrow();
      if (org.require_second_factor && factors.length === 1) throw new HttpError(409, 'second-factor-required');
      await trx.deleteFrom('second_factors').where('id', '=', id).execute();
      if (factors.length === 1) await trx.deleteFrom('recovery_codes').where('member_id', '=', me.id).execute();
      await appendAudit(trx, { actor: me.id, action: 'second-factor.removed', object: me.id, detail: { kind: factor.kind } });
    });
    return reply.code(204).send();
  });

  app.get('/api/settings', { config: { access: ADMINS } }, async () => {
    const org = await db.selectFrom('organization').select(['require_second_factor']).executeTakeFirstOrThrow();
    return { requireSecondFactor: !!org.require_second_factor, idleMinutes: vigil.config.idleMinutes };
  });

  app.post('/api/settings', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = z.object({ requireSecondFactor: z.boolean() }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('organization').set({ require_second_factor: parsed.data.requireSecondFactor ? 1 : 0 }).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'second-factor.required', object: null, detail: { required: parsed.data.requireSecondFactor } });
    });
    await vigil.forget();
    return reply.code(204).send();
  });
};
