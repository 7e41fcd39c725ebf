// A member's own second factors: listing, enrolling (authenticator app, passkey), new recovery
// codes, removing. The administrators' setting that makes one required is the settings plugin's.
import type { FastifyPluginAsync } from 'fastify';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { audit } from '../audit/log.ts';
import { passkeyEnrolRequest, totpConfirmRequest } from '../../core/api/second-factor.ts';
import { confirmedFactors, issueRecoveryCodes, passkeyRegistrationOptions, verifyPasskeyRegistration } from './second-factor.ts';
import { confirmTotp, recoveryCodesIfFirst, removeFactor, startTotp } from './enrolment.ts';

export const secondFactorRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const vigil = app.vigil;

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

  app.post('/api/me/totp/start', { config: { access: 'member' } }, async (request) => startTotp(vigil, request.member!));

  app.post('/api/me/totp/confirm', { config: { access: 'member' } }, async (request) => {
    const { id, code } = parse(totpConfirmRequest, request.body);
    await confirmTotp(vigil, request.member!, id, code);
    return { recoveryCodes: await recoveryCodesIfFirst(vigil, request.member!.id) };
  });

  app.post('/api/me/passkeys/options', { config: { access: 'member' } }, async (request) => passkeyRegistrationOptions(vigil, request.member!));

  app.post('/api/me/passkeys/verify', { config: { access: 'member' } }, async (request) => {
    const { name, response } = parse(passkeyEnrolRequest, request.body);
    const me = request.member!;
    if (!(await verifyPasskeyRegistration(vigil, me.id, name, response as never))) throw new HttpError(400, 'wrong-code');
    await audit(db, { actor: me.id, action: 'second-factor.enrolled', object: me.id, detail: { kind: 'passkey' } });
    return { recoveryCodes: await recoveryCodesIfFirst(vigil, me.id) };
  });

  app.post('/api/me/recovery-codes', { config: { access: 'member' } }, async (request) => {
    const me = request.member!;
    if ((await confirmedFactors(db, me.id)).length === 0) throw new HttpError(409, 'no-second-factor');
    return { recoveryCodes: await issueRecoveryCodes(vigil, me.id) };
  });

  app.post<{ Params: { id: string } }>('/api/me/second-factors/:id/remove', { config: { access: 'member' } }, async (request, reply) => {
    await removeFactor(vigil, request.member!.id, uuidParam(request.params.id));
    return reply.code(204).send();
  });
};
