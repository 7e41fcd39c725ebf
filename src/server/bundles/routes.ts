// Bundles for partner organizations (issue 5). The server never sees a bundle: the exporting
// member's browser makes and seals it and only tells the server that it did (for the audit log);
// the importing member's browser opens it and sends the records made anew for this organization,
// which are created here in one transaction — all of them or none — with their provenance.
import type { FastifyPluginAsync } from 'fastify';
import { importRequest, type ImportResult, type ProvenanceView } from '../../core/bundle/import-request.ts';
import { bundleExported } from '../../core/api/bundles.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError, uuidParam, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { isUniqueViolation } from '../storage/unique.ts';
import { COORDINATORS, EVERYONE } from '../../core/team/roles.ts';
import { importBundle } from './import.ts';

export const bundleRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // The exporting browser made and sealed a bundle: recorded with counts and the partner's key
  // id, never what it holds. The download is offered only once this is recorded.
  app.post('/api/bundles/exported', { config: { access: COORDINATORS } }, async (request, reply) => {
    const { bundleId, partnerKeyId, counts } = parse(bundleExported, request.body);
    await db.transaction().execute((trx) =>
      appendAudit(trx, { actor: request.member!.id, action: 'export.made', object: bundleId, detail: { format: 'vigil-bundle/1', partnerKey: partnerKeyId, ...counts } }),
    );
    return reply.code(204).send();
  });

  // Before importing: how many of this bundle's records are here already (a retry or a repeat).
  app.get<{ Params: { id: string } }>('/api/bundles/:id', { config: { access: COORDINATORS } }, async (request) => {
    const bundleId = uuidParam(request.params.id);
    const row = await db.selectFrom('provenance').select((eb) => eb.fn.countAll<number>().as('n')).where('bundle_id', '=', bundleId).executeTakeFirst();
    return { bundleId, imported: Number(row?.n ?? 0) };
  });

  app.post('/api/bundles/import', { config: { access: COORDINATORS }, bodyLimit: 96 * 1024 * 1024 }, async (request) => {
    const input = parse(importRequest, request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    try {
      return await db.transaction().execute((trx): Promise<ImportResult> => importBundle({ trx, secret: app.vigil.secret, input, member, now }));
    } catch (error) {
      // Two members importing the same bundle at once: nothing of the second was stored (its
      // transaction rolled back), and importing again skips what the first made.
      throw isUniqueViolation(error) ? new HttpError(409, 'edit-conflict') : error;
    }
  });

  // Where an imported record came from; who sent it stays sealed (opened in the browser).
  app.get<{ Params: { id: string } }>('/api/provenance/:id', { config: { access: EVERYONE } }, async (request): Promise<{ provenance: ProvenanceView | null }> => {
    const recordId = uuidParam(request.params.id);
    const row = await db
      .selectFrom('provenance')
      .innerJoin('bundle_imports', 'bundle_imports.bundle_id', 'provenance.bundle_id')
      .select(['provenance.bundle_id', 'provenance.original_code', 'bundle_imports.imported_on', 'bundle_imports.key_id', 'bundle_imports.key_envelope', 'bundle_imports.sealed'])
      .where('provenance.record_id', '=', recordId)
      .executeTakeFirst();
    if (!row) return { provenance: null };
    return {
      provenance: {
        bundleId: row.bundle_id,
        originalCode: row.original_code,
        importedOn: row.imported_on,
        origin: { keyId: row.key_id, keyEnvelope: toBase64Url(row.key_envelope), sealed: toBase64Url(row.sealed) },
      },
    };
  });
};
