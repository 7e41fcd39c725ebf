// Evidence: attachments to reports (from reporters, also with JavaScript off) and to records (from
// documenters), with a custody log. Members' browsers strip and seal before uploading; for a
// reporter's plain form the server does it in memory and keeps only the sealed parts.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../pages/layout.ts';
import multipart from '@fastify/multipart';
import * as z from 'zod';
import type { FrameExpectation } from '../../core/api/parts-frame.ts';
import { sealAttachment, type SealedAttachment } from '../../core/evidence/attachment.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { WrappedKind, inspectWrapped } from '../../core/crypto/wrapped.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import { evidencePage } from '../pages/evidence.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError, uuidParam } from '../http/errors.ts';
import { orgKeys } from '../keys/org-keys.ts';
import { serverStatusKey, currentHour } from '../intake/service.ts';
import { perMinute } from '../config.ts';
import { proofOfWork } from '../pow/guard.ts';
import { appendAudit } from '../audit/log.ts';
import { CUSTODY_ACTIONS, appendCustody, storeAttachment, type CustodyAction } from './store.ts';
import { strippedImage } from './strip.ts';
import { uploadMemory } from './admission.ts';
import { readFrame } from '../http/frame-body.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';

export const ATTACHMENT_TYPE = 'application/vnd.vigil.attachment';
const OWNER_TABLES = { report: 'reports', incident: 'incidents', person: 'persons', act: 'acts' } as const;
type OwnerType = keyof typeof OWNER_TABLES;
/** Files a reporter may add in one go (together within the attachment limit). */
const MAX_FILES = 5;
/** AES-GCM adds a header, a nonce and a tag to each part. */
const OVERHEAD = 64;
/** A file's sealed key, sealed metadata and receipt are small; its copies are the bulk. */
const SMALL_PART = 16 * 1024;
/** Room for a frame's or a form's own bytes beside its files. */
const FRAMING = 64 * 1024;
/** The largest sealed copy of `n` bytes: parts are padded (Padmé, ≤ 12 %) before encryption. */
const sealedMost = (n: number) => Math.ceil(n * 1.13) + OVERHEAD;
/** Where each of a file's five sealed parts sits in a frame. */
const PART = { keyEnvelope: 0, meta: 1, original: 2, working: 3, receipt: 4 } as const;
const PARTS_PER_FILE = 5;

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
  // Reporters' uploads are admitted on declared length against the memory left for them; a frame
  // holds the files' sealed copies (×1), a plain form the files and their sealed copies (×2).
  const memory = uploadMemory(app.vigil.config.network.uploadMemoryBytes, app.vigil.secret);
  const frameLimit = 2 * sealedMost(limit) + MAX_FILES * PARTS_PER_FILE * (4 + SMALL_PART) + FRAMING;
  const formLimit = limit + FRAMING;

  // The workspace's and reporters' scripts send framed sealed parts, read as they arrive (the
  // route takes the stream); multipart is for the reporter's plain form. Both live in this plugin
  // alone, so no other route accepts them.
  app.addContentTypeParser(ATTACHMENT_TYPE, (_request, payload, done) => done(null, payload));
  await app.register(multipart, { limits: { fileSize: limit, files: MAX_FILES, fields: 4, fieldSize: 1024, parts: MAX_FILES + 4 } });

  /**
   * How a frame of sealed files is read: its header names the files (within the limit together),
   * each part's length is checked before its bytes arrive and its kind and key as soon as it has.
   */
  function sealedFilesFrame(readHeader: (header: unknown) => { keyId: string; sizes: number[] }): FrameExpectation & { maxBytes: number } {
    let files: { keyId: string; sizes: number[] } | undefined;
    let workingLeft = sealedMost(limit);
    return {
      maxBytes: frameLimit,
      parts(header) {
        files = readHeader(header);
        if (files.sizes.reduce((a, b) => a + b, 0) > limit) throw new HttpError(413, 'too-large');
        return PARTS_PER_FILE * files.sizes.length;
      },
      partLimit(index) {
        const slot = index % PARTS_PER_FILE;
        if (slot === PART.original) return sealedMost(files!.sizes[Math.floor(index / PARTS_PER_FILE)]!);
        return slot === PART.working ? workingLeft : SMALL_PART;
      },
      onPart(index, part) {
        const slot = index % PARTS_PER_FILE;
        if (slot === PART.working && part) workingLeft -= part.length;
        if (!partIsSound(slot, part, files!.keyId)) throw new HttpError(400, 'bad-envelope');
      },
    };
  }

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
    // Evidence about a person merged into another goes to the survivor (issue 11).
    if (ownerType === 'person' && (await db.selectFrom('persons').select('id').where('id', '=', ownerId).where('merged_into', 'is not', null).executeTakeFirst())) {
      throw new HttpError(409, 'already-merged');
    }
  }

  // --- The workspace ---------------------------------------------------------------------
  app.post('/api/attachments', { config: { access: WRITERS } }, async (request, reply) => {
    const frame = await readFrame(
      request.body,
      sealedFilesFrame((h) => {
        const upload = uploadHeader.parse(h);
        return { keyId: upload.keyId, sizes: [upload.size] };
      }),
    );
    // Checked as it arrived; parsed again for its type.
    const header = uploadHeader.parse(frame.header);
    const sealed = sealedFile(header.keyId, frame.parts);
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

  app.get('/api/attachments', { config: { access: EVERYONE } }, async (request) => {
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

  app.get<{ Params: { id: string } }>('/api/attachments/:id/custody', { config: { access: EVERYONE } }, async (request) => {
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
  app.post('/api/evidence', { preParsing: memory.admit(frameLimit), config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    // The report is looked up as soon as the header names it: an unknown codename is refused
    // before the files are read.
    const named: { report?: string } = {};
    const { header: raw, parts } = await readFrame(request.body, {
      ...sealedFilesFrame((h) => ({ keyId: key.keyId, sizes: reporterHeader.parse(h).files.map((f) => f.size) })),
      admitHeader: async (h) => {
        named.report = await reportOf(app.vigil.secret.keyedHash('status', Buffer.from(reporterHeader.parse(h).statusKey, 'base64url')));
        if (!named.report) throw new HttpError(404, 'codename-unknown');
      },
    });
    const header = reporterHeader.parse(raw);
    const files = header.files.map((file, i) => ({ ...file, sealed: sealedFile(key.keyId, parts.slice(PARTS_PER_FILE * i, PARTS_PER_FILE * (i + 1))) }));
    const report = named.report;
    if (!report) throw new HttpError(404, 'codename-unknown');
    const at = currentHour();
    await db.transaction().execute(async (trx) => {
      for (const f of files) {
        if (await trx.selectFrom('attachments').select('id').where('id', '=', f.id).executeTakeFirst()) throw new HttpError(409, 'bad-envelope');
        await storeAttachment(trx, { id: f.id, ownerType: 'report', ownerId: report, sealed: f.sealed, size: f.sealed.original.length, at, by: null });
      }
    });
    return reply.code(201).send({ received: files.length });
  });

  /** The latest report a codename's status lookup names; a reporter's files go with it. */
  async function reportOf(statusLookup: string): Promise<string | undefined> {
    return (await db.selectFrom('reports').select('id').where('status_lookup', '=', statusLookup).orderBy('seq', 'desc').executeTakeFirst())?.id;
  }

  /** A part of a sealed file is of the kind its place says, sealed to the key the upload names. */
  function partIsSound(slot: number, part: Uint8Array | null, keyId: string): boolean {
    try {
      if (slot === PART.working) return !part || inspectWrapped(part, WrappedKind.attachmentWorking);
      if (!part) return false;
      if (slot === PART.keyEnvelope) return inspectSealed(part, SealedKind.attachmentKey).keyId === keyId;
      if (slot === PART.receipt) return inspectSealed(part, SealedKind.custodyDetail).keyId === keyId;
      return inspectWrapped(part, slot === PART.meta ? WrappedKind.attachmentMeta : WrappedKind.attachmentOriginal);
    } catch {
      return false;
    }
  }

  /** One file's five parts, each already checked as it arrived. */
  function sealedFile(keyId: string, parts: (Uint8Array | null)[]): SealedAttachment {
    const [keyEnvelope, meta, original, working, receipt] = parts;
    return { keyId, keyEnvelope: keyEnvelope!, meta: meta!, original: original!, working: working ?? null, receipt: receipt! };
  }

  // --- The reporter's form (works with JavaScript off) ------------------------------------
  // The codename says which report; each file is hashed, stripped if it is an image, sealed to
  // the intake key here in memory, and only then stored.
  app.post('/status/evidence', { preParsing: memory.admit(formLimit, 2), config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
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
      const report = await reportOf(lookup);
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
        for (const s of sealed) await storeAttachment(trx, { id: s.id, ownerType: 'report', ownerId: report, sealed: s.sealed, size: s.sealed.original.length, at, by: null });
      });
      return sendPage(reply, 200, evidencePage(ctx, { received: files.length, codename: parsed.digits }));
    } finally {
      for (const f of files) f.bytes.fill(0);
    }
  }
};
