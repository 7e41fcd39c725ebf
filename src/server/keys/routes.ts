// The organization's public keys, for members' browsers to seal to (reports' notes and replies
// to the intake key, each record's key to the records key), and an older organization's first
// records key.
import type { FastifyPluginAsync } from 'fastify';
import { ROLES, ROLE_KEYS, recordsKeyRequest, type OrgKeyView, type Role } from '../../core/api/schemas.ts';
import { fromBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { addGrant, addKey, currentKey, keyView, orgKeys } from './org-keys.ts';

const ADMINS = ['admin'] as const;

function bytes(text: string, length?: number): Uint8Array {
  const decoded = fromBase64Url(text);
  if (!decoded || (length !== undefined && decoded.length !== length)) throw new HttpError(400, 'bad-request');
  return decoded;
}

export const keyRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/keys', { config: { access: ROLES } }, async (): Promise<{ keys: OrgKeyView[] }> => ({ keys: (await orgKeys(db, app.vigil.secret)).map(keyView) }));

  // An organization set up before records existed: an administrator's browser makes the records
  // key and seals it to every active member whose role holds it.
  app.post('/api/keys/records', { config: { access: ADMINS } }, async (request, reply) => {
    const parsed = recordsKeyRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    await db.transaction().execute(async (trx) => {
      if (currentKey(await orgKeys(trx, app.vigil.secret), 'records')) throw new HttpError(409, 'already-set-up');
      const holders = (await trx.selectFrom('members').select(['id', 'public_key', 'role']).where('status', '=', 'active').execute()).filter((m) => ROLE_KEYS[m.role as Role].includes('records'));
      const grants = new Map(parsed.data.grants.map((g) => [g.memberId, bytes(g.sealed)]));
      if (grants.size !== holders.length || holders.some((m) => !grants.has(m.id))) throw new HttpError(409, 'members-changed');
      const now = new Date().toISOString();
      const keyId = await addKey(trx, app.vigil.secret, { publicKey: bytes(parsed.data.publicKey, 32), purpose: 'records' }, now);
      for (const holder of holders) await addGrant(trx, app.vigil.secret, { memberId: holder.id, memberPublicKey: holder.public_key, keyId, sealed: grants.get(holder.id)! }, now);
      await appendAudit(trx, { actor: request.member!.id, action: 'key.created', object: keyId, detail: { purpose: 'records', holders: holders.length } });
    });
    return reply.code(204).send();
  });

};
