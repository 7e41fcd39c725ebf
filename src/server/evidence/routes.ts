// Evidence: attachments to reports (from reporters, also with JavaScript off) and to records (from
// documenters), with a custody log. Members' browsers strip and seal before uploading; for a
// reporter's plain form the server does it in memory and keeps only the sealed parts.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../../web/public/layout.ts';
import multipart from '@fastify/multipart';
import * as z from 'zod';
import { decodeParts, FrameError } from '../../core/api/parts-frame.ts';
import { sealAttachment, type SealedAttachment } from '../../core/evidence/attachment.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import { evidencePage } from '../../web/public/evidence.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { orgKeys } from '../keys/org-keys.ts';
import { serverStatusKey, currentHour } from '../intake/service.ts';
import { perMinute } from '../config.ts';
import { proofOfWork } from '../pow/guard.ts';
import { appendAudit } from '../audit/log.ts';
import { CUSTODY_ACTIONS, appendCustody, storeAttachment, type CustodyAction } from './store.ts';
import { strippedImage } from './strip.ts';

export const ATTACHMENT_TYPE = 'application/vnd.vigil.attachment';
const READERS = ['admin', 'coordinator', 'documenter', 'viewer'] as const;
const WRITERS = ['admin', 'coordinator', 'documenter'] as const;
const OWNER_TABLES = { report: 'reports', incident: 'incidents', person: 'persons', act: 'acts' } as const;
type OwnerType = keyof typeof OWNER_TABLES;
/** Files a reporter may add in one go. */
const MAX_FILES = 5;
/** Reporters' uploads handled at once: each may hold up to five files in memory while it is sealed. */
const CONCURRENT_REPORTER_UPLOADS = 2;
/** AES-GCM adds a header, a nonce and a tag to each part. */
const OVERHEAD = 64;

const uploadHeader = z.object({
  id: z.uuid(),
  ownerType: z.enum(['report', 'incident', 'person', 'act']),
  ownerId: z.uuid(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  size: z.number().int().min(1),
});

export const evidenceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const limit = app.vigil.config.attachmentBytes;
  // A flood of large uploads must not exhaust memory: at most two reporters' uploads are taken in
  // at once; past that, "busy, try again shortly" — decided on request, before the body is read.
  let reporterUploads = 0;
  const admitted = new WeakSet<FastifyRequest>();
  const release = async (request: FastifyRequest) => {
    if (admitted.delete(request)) reporterUploads -= 1;
  };
  const oneOfTwoUploads = {
    onRequest: async (request: FastifyRequest) => {
      if (reporterUploads >= CONCURRENT_REPORTER_UPLOADS) throw new HttpError(503, 'unavailable');
      reporterUploads += 1;
      admitted.add(request);
    },
    onResponse: release,
    onRequestAbort: release,
  };

  // Raw bytes for the workspace's uploads; multipart only for the reporter's form. Both live in
  // this plugin alone, so no other route accepts them.
  app.addContentTypeParser(ATTACHMENT_TYPE, { parseAs: 'buffer', bodyLimit: 2 * limit + 64 * 1024 }, (_request, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: limit, files: MAX_FILES, fields: 4, fieldSize: 1024, parts: MAX_FILES + 4 } });

  /** The key an attachment of this owner must be sealed to: the intake key for reports, the records key otherwise. */
  async function keyFor(ownerType: OwnerType, keyId: string, current: boolean) {
    const purpose = ownerType === 'report' ? 'intake' : 'records';
    const key = (await orgKeys(db, app.vigil.secret)).find((k) => k.id === keyId && k.purpose === purpose && (!current || k.current));
    if (!key) throw new HttpError(409, 'stale-key');
    return key;
  }

  async function ownerExists(ownerType: OwnerType, ownerId: string): Promise<void> {
    const found = await db.selectFrom(OWNER_TABLES[ownerType] as 'acts').select('id').where('id', '=', ownerId).executeTakeFirst();
    if (!found) throw new HttpError(400, 'unknown-reference');
  }

  // --- The workspace ---------------------------------------------------------------------
  app.post('/api/attachments', { bodyLimit: 2 * limit + 64 * 1024, config: { access: WRITERS } }, async (request, reply) => {
    if (!(request.body instanceof Buffer)) throw new HttpError(415, 'bad-content-type');
    let header: z.infer<typeof uploadHeader>;
    let parts: (Uint8Array | null)[];
    try {
      const decoded = decodeParts(request.body, () => 5);
      header = uploadHeader.parse(decoded.header);
      parts = decoded.parts;
    } catch (e) {
      throw new HttpError(400, e instanceof FrameError || e instanceof z.ZodError ? 'bad-request' : 'bad-envelope');
    }
    const [keyEnvelope, meta, original, working, receipt] = parts;
    // Parts are padded (Padmé, ≤ 12 %) before encryption.
    const sealed = checkedParts({ keyId: header.keyId, size: header.size, keyEnvelope, meta, original, working, receipt });
    await keyFor(header.ownerType, header.keyId, true);
    await ownerExists(header.ownerType, header.ownerId);
    const member = request.member!.id;
    await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('attachments').select('id').where('id', '=', header.id).executeTakeFirst()) throw new HttpError(409, 'edit-conflict');
      await storeAttachment(trx, {
        id: header.id,
        ownerType: header.ownerType,
        ownerId: header.ownerId,
        sealed,
        size: sealed.original.length,
        at: new Date().toISOString(),
        by: member,
      });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: header.ownerId, detail: { type: 'attachment', attachment: header.id } });
    });
    return reply.code(201).send({ id: header.id });
  });

  app.get('/api/attachments', { config: { access: READERS } }, async (request) => {
    const query = z.object({ ownerId: z.uuid() }).safeParse(request.query);
    if (!query.success) throw new HttpError(400, 'bad-request');
    const { ownerId } = query.data;
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
  app.get<{ Params: { id: string; part: string } }>('/api/attachments/:id/:part', { config: { access: READERS } }, async (request, reply) => {
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

  // The browser reports what it did with a copy — "verified" (recomputed the hash: the sealed
  // detail says what it saw), "shared", "exported".
  app.post<{ Params: { id: string } }>('/api/attachments/:id/custody', { config: { access: WRITERS } }, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const parsed = z.object({ action: z.enum(['verified', 'shared', 'exported']), detail: z.string().regex(/^[A-Za-z0-9_-]*$/).max(4096).nullable() }).safeParse(request.body);
    if (!parsed.success) throw new HttpError(400, 'bad-request');
    const row = await db.selectFrom('attachments').select(['id', 'key_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'not-found');
    let detail: Uint8Array | null = null;
    if (parsed.data.detail) {
      detail = Buffer.from(parsed.data.detail, 'base64url');
      try {
        if (inspectSealed(detail, SealedKind.custodyDetail).keyId !== row.key_id) throw new Error();
      } catch {
        throw new HttpError(400, 'bad-envelope');
      }
    }
    await appendCustody(db, { attachmentId: id, at: new Date().toISOString(), actor: request.member!.id, action: parsed.data.action as CustodyAction, detail });
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/attachments/:id/custody', { config: { access: READERS } }, async (request) => {
    const id = uuidParam(request.params.id);
    const rows = await db
      .selectFrom('custody_log')
      .leftJoin('members', 'members.id', 'custody_log.actor')
      .select(['custody_log.seq', 'custody_log.at', 'custody_log.action', 'custody_log.detail', 'members.email'])
      .where('attachment_id', '=', id)
      .orderBy('custody_log.seq')
      .execute();
    return {
      entries: rows.map((r) => ({ at: r.at, action: r.action, by: r.email ?? 'the reporter', detail: r.detail ? toBase64Url(r.detail) : null })),
      actions: CUSTODY_ACTIONS,
    };
  });

  // --- A reporter's browser with JavaScript: stripped and sealed there, sent as one frame -----
  // The status key (derived from the codename in the browser, as for a report) names the report;
  // each file comes as its five sealed parts.
  // A reporter's upload is counted per client unless the script sent a proof of work with it.
  const reporterLimit = perMinute(app.vigil.config.statusPerMinute, { allowList: proofOfWork(app.vigil).exemptByHeader('evidence') });
  const reporterHeader = z.object({
    v: z.literal(1),
    statusKey: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
    files: z.array(z.object({ id: z.uuid(), size: z.number().int().min(1) })).min(1).max(MAX_FILES),
  });
  app.post('/api/evidence', { ...oneOfTwoUploads, bodyLimit: MAX_FILES * (3 * limit + 64 * 1024), config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
    if (!(request.body instanceof Buffer)) throw new HttpError(415, 'bad-content-type');
    let header: z.infer<typeof reporterHeader>;
    let parts: (Uint8Array | null)[];
    try {
      const decoded = decodeParts(request.body, (h) => 5 * reporterHeader.parse(h).files.length);
      header = reporterHeader.parse(decoded.header);
      parts = decoded.parts;
    } catch {
      throw new HttpError(400, 'bad-request');
    }
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    const files = header.files.map((file, i) => {
      const [keyEnvelope, meta, original, working, receipt] = parts.slice(5 * i, 5 * i + 5);
      return { ...file, sealed: checkedParts({ keyId: key.keyId, size: file.size, keyEnvelope, meta, original, working, receipt }) };
    });
    const lookup = app.vigil.secret.keyedHash('status', Buffer.from(header.statusKey, 'base64url'));
    const report = await db.selectFrom('reports').select('id').where('status_lookup', '=', lookup).orderBy('seq', 'desc').executeTakeFirst();
    if (!report) throw new HttpError(404, 'codename-unknown');
    const at = currentHour();
    await db.transaction().execute(async (trx) => {
      for (const f of files) {
        if (await trx.selectFrom('attachments').select('id').where('id', '=', f.id).executeTakeFirst()) throw new HttpError(409, 'bad-envelope');
        await storeAttachment(trx, { id: f.id, ownerType: 'report', ownerId: report.id, sealed: f.sealed, size: f.sealed.original.length, at, by: null });
      }
    });
    return reply.code(201).send({ received: files.length });
  });

  /** Five sealed parts of one file: each of the right kind, sealed to `keyId`, within the size limit. */
  function checkedParts(p: { keyId: string; size: number; keyEnvelope?: Uint8Array | null; meta?: Uint8Array | null; original?: Uint8Array | null; working?: Uint8Array | null; receipt?: Uint8Array | null }): SealedAttachment {
    const most = (n: number) => Math.ceil(n * 1.13) + OVERHEAD;
    if (p.size > limit || !p.original || p.original.length > most(p.size) || (p.working && p.working.length > most(limit))) throw new HttpError(413, 'too-large');
    try {
      if (!p.keyEnvelope || !p.meta || !p.receipt) throw new Error();
      if (inspectSealed(p.keyEnvelope, SealedKind.attachmentKey).keyId !== p.keyId || inspectSealed(p.receipt, SealedKind.custodyDetail).keyId !== p.keyId) throw new Error();
      if (!inspectWrapped(p.meta, WrappedKind.attachmentMeta) || !inspectWrapped(p.original, WrappedKind.attachmentOriginal) || (p.working && !inspectWrapped(p.working, WrappedKind.attachmentWorking))) throw new Error();
    } catch {
      throw new HttpError(400, 'bad-envelope');
    }
    return { keyId: p.keyId, keyEnvelope: p.keyEnvelope, meta: p.meta, original: p.original, working: p.working ?? null, receipt: p.receipt };
  }

  // --- The reporter's form (works with JavaScript off) ------------------------------------
  // The codename says which report; each file is hashed, stripped if it is an image, sealed to
  // the intake key here in memory, and only then stored.
  app.post('/status/evidence', { ...oneOfTwoUploads, config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    if (!request.isMultipart()) throw new HttpError(415, 'bad-content-type');
    return takeReporterFiles(request, reply, ctx);
  });

  async function takeReporterFiles(request: FastifyRequest, reply: FastifyReply, ctx: PageContext) {
    const files: { name: string; type: string; bytes: Uint8Array }[] = [];
    const fields = new Map<string, string>();
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') fields.set(part.fieldname, String(part.value));
        else {
          const bytes = new Uint8Array(await part.toBuffer());
          if (bytes.length > 0) files.push({ name: part.filename.slice(0, 200), type: part.mimetype.slice(0, 100), bytes });
        }
      }
    } catch (e) {
      for (const f of files) f.bytes.fill(0);
      const code = (e as { code?: string }).code ?? '';
      throw new HttpError(code.includes('LIMIT') || code.includes('TOO_LARGE') || code === 'FST_REQ_FILE_TOO_LARGE' ? 413 : 400, code.includes('LIMIT') || code.includes('TOO_LARGE') ? 'too-large' : 'bad-request');
    }
    try {
      const parsed = parseCodename(fields.get('codename') ?? '');
      if (!parsed.ok) return sendPage(reply, 400, evidencePage(ctx, { error: parsed.reason === 'typo' ? 'codename-typo' : 'codename-length' }));
      if (files.length === 0) return sendPage(reply, 400, evidencePage(ctx, { error: 'required', codename: parsed.digits }));
      const lookup = app.vigil.secret.keyedHash('status', await serverStatusKey(parsed.digits));
      const report = await db.selectFrom('reports').select('id').where('status_lookup', '=', lookup).orderBy('seq', 'desc').executeTakeFirst();
      if (!report) return sendPage(reply, 404, evidencePage(ctx, { error: 'codename-unknown' }));
      const key = await app.vigil.intakeKey();
      if (!key) throw new HttpError(503, 'not-ready');
      const at = currentHour();
      const sealed: { id: string; sealed: SealedAttachment }[] = [];
      for (const file of files) {
        const working = await strippedImage(file.bytes);
        const id = randomUUID();
        sealed.push({ id, sealed: await sealAttachment(id, file, working, key) });
        working?.bytes.fill(0);
      }
      await db.transaction().execute(async (trx) => {
        for (const s of sealed) await storeAttachment(trx, { id: s.id, ownerType: 'report', ownerId: report.id, sealed: s.sealed, size: s.sealed.original.length, at, by: null });
      });
      return sendPage(reply, 200, evidencePage(ctx, { received: files.length, codename: parsed.digits }));
    } finally {
      for (const f of files) f.bytes.fill(0);
    }
  }
};
