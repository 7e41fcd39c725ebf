// Evidence from reporters: files added to a report by its codename, with JavaScript (stripped and
// sealed in the browser, sent as one frame) or without (the plain form: the server strips and seals
// in memory, reporter-form.ts). Both are public, so both are counted per client and admitted on
// declared length against the memory left for reporters' uploads (admission.ts).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import multipart from '@fastify/multipart';
import { REPORTER_FILES_MOST, reporterUpload } from '../../core/api/evidence.ts';
import type { SealedAttachment } from '../../core/evidence/attachment.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import type { Database } from '../storage/schema.ts';
import type { PageContext } from '../pages/layout.ts';
import { evidencePage } from '../pages/evidence.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { HttpError } from '../http/errors.ts';
import { readFrame } from '../http/frame-body.ts';
import { serverStatusKey, currentHour } from '../intake/service.ts';
import { perMinute } from '../http/rate-limit.ts';
import { proofOfWork } from '../pow/guard.ts';
import { storeAttachment } from './store.ts';
import { uploadMemory } from './admission.ts';
import { FRAMING, frameMost, sealedFiles, sealedFilesFrame } from './sealed-files.ts';
import { forget, readReporterForm, sealReporterFiles } from './reporter-form.ts';

export const reporterEvidenceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const limit = app.vigil.config.attachmentBytes;
  // A frame holds the files' sealed copies (×1), a plain form the files and their sealed copies (×2).
  const memory = uploadMemory(app.vigil.config.network.uploadMemoryBytes, app.vigil.secret);
  // Counted per client unless the script sent a proof of work with it.
  const reporterLimit = perMinute(app.vigil.config.statusPerMinute, { allowList: proofOfWork(app.vigil).exemptByHeader('evidence') });
  const statusLookup = (statusKey: Uint8Array) => app.vigil.secret.keyedHash('status', statusKey);

  // Multipart is for the reporter's plain form, and this plugin alone accepts it.
  await app.register(multipart, { limits: { fileSize: limit, files: REPORTER_FILES_MOST, fields: 4, fieldSize: 1024, parts: REPORTER_FILES_MOST + 4 } });

  // With JavaScript: the status key (derived from the codename in the browser, as for a report)
  // names the report; each file comes as its five sealed parts.
  app.post('/api/evidence', { preParsing: memory.admit(frameMost(limit)), config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    // The report is looked up as soon as the header names it: an unknown codename is refused
    // before the files are read.
    const named: { report?: string } = {};
    const { header: raw, parts } = await readFrame(request.body, {
      ...sealedFilesFrame(limit, (h) => ({ keyId: key.keyId, sizes: reporterUpload.parse(h).files.map((f) => f.size) })),
      admitHeader: async (h) => {
        named.report = await reportOf(db, statusLookup(Buffer.from(reporterUpload.parse(h).statusKey, 'base64url')));
        if (!named.report) throw new HttpError(404, 'codename-unknown');
      },
    });
    const header = reporterUpload.parse(raw);
    const sealed = sealedFiles(key.keyId, parts, header.files.length);
    const report = named.report;
    if (!report) throw new HttpError(404, 'codename-unknown');
    await storeReporterFiles(db, report, header.files.map((f, i) => ({ id: f.id, sealed: sealed[i]! })));
    return reply.code(201).send({ received: header.files.length });
  });

  // Without JavaScript: the codename says which report.
  app.post('/status/evidence', { preParsing: memory.admit(limit + FRAMING, 2), config: { access: 'public', ...reporterLimit } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    if (!request.isMultipart()) throw new HttpError(415, 'bad-content-type');
    return takeReporterForm(request, reply, ctx);
  });

  async function takeReporterForm(request: FastifyRequest, reply: FastifyReply, ctx: PageContext) {
    const { fields, files } = await readReporterForm(request);
    try {
      const parsed = parseCodename(fields.get('codename') ?? '');
      if (!parsed.ok) return sendPage(reply, 400, evidencePage(ctx, { error: parsed.reason === 'typo' ? 'codename-typo' : 'codename-length' }));
      if (files.length === 0) return sendPage(reply, 400, evidencePage(ctx, { error: 'required', codename: parsed.digits }));
      const report = await reportOf(db, statusLookup(await serverStatusKey(parsed.digits)));
      if (!report) return sendPage(reply, 404, evidencePage(ctx, { error: 'codename-unknown' }));
      const key = await app.vigil.intakeKey();
      if (!key) throw new HttpError(503, 'not-ready');
      await storeReporterFiles(db, report, await sealReporterFiles(files, key));
      return sendPage(reply, 200, evidencePage(ctx, { received: files.length, codename: parsed.digits }));
    } finally {
      forget(files);
    }
  }
};

/** The latest report a codename's status lookup names; a reporter's files go with it. */
async function reportOf(db: Kysely<Database>, statusLookup: string): Promise<string | undefined> {
  return (await db.selectFrom('reports').select('id').where('status_lookup', '=', statusLookup).orderBy('seq', 'desc').executeTakeFirst())?.id;
}

/** A reporter's files, stored with their report all or none, at the hour (as everything a reporter sends). */
async function storeReporterFiles(db: Kysely<Database>, report: string, files: { id: string; sealed: SealedAttachment }[]): Promise<void> {
  const at = currentHour();
  await db.transaction().execute(async (trx) => {
    for (const f of files) {
      // The script chose the ids: one already stored refuses the lot.
      if (await trx.selectFrom('attachments').select('id').where('id', '=', f.id).executeTakeFirst()) throw new HttpError(409, 'bad-envelope');
      await storeAttachment(trx, { id: f.id, ownerType: 'report', ownerId: report, sealed: f.sealed, size: f.sealed.original.length, at, by: null });
    }
  });
}
