// Evidence in the workspace: members attach files to reports and records (stripped and sealed in
// their browser, sent as one frame), list a report's or record's attachments and fetch a sealed
// copy. Opening a copy is logged in its custody log (custody-routes.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { attachmentUpload, type AttachmentsResponse, type OwnerType } from '../../core/api/evidence.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { readFrame } from '../http/frame-body.ts';
import { orgKeys } from '../keys/org-keys.ts';
import { appendAudit } from '../audit/log.ts';
import { appendCustody, storeAttachment } from './store.ts';
import { sealedFile, sealedFilesFrame } from './sealed-files.ts';

const OWNER_TABLES = { report: 'reports', incident: 'incidents', person: 'persons', act: 'acts' } as const;

export const workspaceEvidenceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const limit = app.vigil.config.attachmentBytes;

  app.post('/api/attachments', { config: { access: WRITERS } }, async (request, reply) => {
    const frame = await readFrame(
      request.body,
      sealedFilesFrame(limit, (h) => {
        const upload = attachmentUpload.parse(h);
        return { keyId: upload.keyId, sizes: [upload.size] };
      }),
    );
    // Checked as it arrived; parsed again for its type.
    const header = attachmentUpload.parse(frame.header);
    const sealed = sealedFile(header.keyId, frame.parts);
    await currentKeyFor(db, app.vigil.secret, header.ownerType, header.keyId);
    await ownerExists(db, header.ownerType, header.ownerId);
    const member = request.member!.id;
    await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('attachments').select('id').where('id', '=', header.id).executeTakeFirst()) throw new HttpError(409, 'edit-conflict');
      await storeAttachment(trx, { id: header.id, ownerType: header.ownerType, ownerId: header.ownerId, sealed, size: sealed.original.length, at: new Date().toISOString(), by: member });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: header.ownerId, detail: { type: 'attachment', attachment: header.id } });
    });
    return reply.code(201).send({ id: header.id });
  });

  app.get('/api/attachments', { config: { access: EVERYONE } }, async (request): Promise<AttachmentsResponse> => {
    const { ownerId } = parse(z.object({ ownerId: z.uuid() }), request.query);
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'owner_type', 'owner_id', 'key_id', 'key_envelope', 'meta', 'size', 'created_at', 'created_by', 'working'])
      .where('owner_id', '=', ownerId)
      .orderBy('seq')
      .execute();
    return {
      attachments: rows.map((r) => ({
        id: r.id,
        ownerType: r.owner_type,
        ownerId: r.owner_id,
        keyId: r.key_id,
        keyEnvelope: toBase64Url(r.key_envelope),
        meta: toBase64Url(r.meta),
        size: r.size,
        hasWorkingCopy: r.working !== null,
        createdAt: r.created_at,
        fromReporter: r.created_by === null,
      })),
    };
  });

  // One encrypted part; opening it is logged. The original (the evidentiary copy) is for those who
  // work on the record; everyone who reads may see the working copy.
  app.get<{ Params: { id: string; part: string } }>('/api/attachments/:id/:part', { config: { access: EVERYONE } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const part = request.params.part;
    if (part !== 'working' && part !== 'original') throw new HttpError(404, 'not-found');
    if (part === 'original' && request.member!.role === 'viewer') throw new HttpError(403, 'forbidden');
    const row = await db.selectFrom('attachments').select(['id', part]).where('id', '=', id).executeTakeFirst();
    const bytes = row?.[part];
    if (!row || !bytes) throw new HttpError(404, 'not-found');
    await appendCustody(db, { attachmentId: id, at: new Date().toISOString(), actor: request.member!.id, action: part === 'original' ? 'opened-original' : 'viewed-working', detail: null });
    return reply.type('application/octet-stream').send(Buffer.from(bytes));
  });
};

/** The key an attachment of this owner must be sealed to, current: the intake key for reports, the records key otherwise. */
async function currentKeyFor(db: Kysely<Database>, secret: ServerSecret, ownerType: OwnerType, keyId: string) {
  const purpose = ownerType === 'report' ? 'intake' : 'records';
  const key = (await orgKeys(db, secret)).find((k) => k.id === keyId && k.purpose === purpose && k.current);
  if (!key) throw new HttpError(409, 'stale-key');
  return key;
}

async function ownerExists(db: Kysely<Database>, ownerType: OwnerType, ownerId: string): Promise<void> {
  const found = await db.selectFrom(OWNER_TABLES[ownerType] as 'acts').select('id').where('id', '=', ownerId).executeTakeFirst();
  if (!found) throw new HttpError(400, 'unknown-reference');
  // Evidence about a person merged into another goes to the survivor (issue 11).
  if (ownerType === 'person' && (await db.selectFrom('persons').select('id').where('id', '=', ownerId).where('merged_into', 'is not', null).executeTakeFirst())) {
    throw new HttpError(409, 'already-merged');
  }
}
