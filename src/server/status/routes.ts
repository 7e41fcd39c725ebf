// A reporter checks on a report with the codename: received when (to the hour), read or not,
// and the conversation with the team. Without JavaScript the server derives the reporter's key
// from the codename in memory for this one request, opens the team's messages, and forgets it.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { statusPage, type StatusView } from '../pages/status.ts';
import { pageContext, sendPage } from '../http/pages.ts';
import { formBodyOf, type FormBody } from '../http/form-body.ts';
import { HttpError } from '../http/errors.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { SealedKind, openSealed, sealTo } from '../../core/crypto/sealed.ts';
import { fromUtf8, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { LIMITS } from '../../core/report/answers.ts';
import type { PageContext } from '../pages/layout.ts';
import { serverStatusKey, currentHour } from '../intake/service.ts';
import { perMinute } from '../http/rate-limit.ts';
import { proofOfWork } from '../pow/guard.ts';
import { appendAudit } from '../audit/log.ts';
import { tellNotices } from '../notices/events.ts';

export const statusRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  // Counted after the small body: the script adds a proof of work to it, which lifts the limit.
  const limited = perMinute(app.vigil.config.statusPerMinute, { afterBody: true, allowList: proofOfWork(app.vigil).exemptByField('status') });

  /** The intake public key, for the evidence form's script to seal to (absent before setup). */
  async function sealingKey() {
    const key = await app.vigil.intakeKey();
    return key ? { keyId: key.keyId, publicKey: toBase64Url(key.publicKey) } : undefined;
  }

  /** The codename from a form, checked, with the database rows it opens; or a page saying why not. */
  async function lookUp(fields: FormBody, ctx: PageContext, reply: FastifyReply) {
    const parsed = parseCodename(fields.get('codename')?.[0] ?? '');
    if (!parsed.ok) {
      sendPage(reply, 400, statusPage(ctx, { error: parsed.reason === 'typo' ? 'codename-typo' : 'codename-length' }));
      return null;
    }
    const lookup = app.vigil.secret.keyedHash('status', await serverStatusKey(parsed.digits));
    const reports = await db.selectFrom('reports').select(['id', 'received_hour', 'read_hour', 'reporter_key']).where('status_lookup', '=', lookup).orderBy('seq').execute();
    if (reports.length === 0) {
      sendPage(reply, 404, statusPage(ctx, { error: 'codename-unknown' }));
      return null;
    }
    return { digits: parsed.digits, reports };
  }

  async function view(found: NonNullable<Awaited<ReturnType<typeof lookUp>>>, notice?: StatusView['notice']): Promise<StatusView> {
    const withKey = found.reports.filter((r) => r.reporter_key);
    let messages: StatusView['messages'] = null;
    if (withKey.length > 0) {
      const reporter = await reporterKeyPair(found.digits);
      const keyId = await keyIdOf(reporter.publicKey);
      const rows = await db
        .selectFrom('messages')
        .select(['direction', 'created_hour', 'for_reporter'])
        .where('report_id', 'in', withKey.map((r) => r.id))
        .orderBy('seq')
        .execute();
      messages = [];
      for (const row of rows) {
        if (!row.for_reporter) continue;
        try {
          const kind = row.direction === 'team' ? SealedKind.reply : SealedKind.answer;
          const text = JSON.parse(fromUtf8(await openSealed(kind, row.for_reporter, { privateKey: reporter.privateKey, keyId }))).text as string;
          messages.push({ from: row.direction, hour: row.created_hour, text });
        } catch {
          // A message this codename cannot open is not shown.
        }
      }
      reporter.privateKey.fill(0);
    }
    return {
      reports: found.reports.map((r) => ({ receivedHour: r.received_hour, read: r.read_hour !== null })),
      messages,
      codename: found.digits,
      ...(notice ? { notice } : {}),
    };
  }

  app.get('/status', { config: { access: 'public' } }, async (request, reply) => sendPage(reply, 200, statusPage(await pageContext(app.vigil, request, '/status'))));

  app.post('/status', { bodyLimit: 4096, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const found = await lookUp(formBodyOf(request.body), ctx, reply);
    if (!found) return reply;
    return sendPage(reply, 200, statusPage(ctx, { view: await view(found) }, await sealingKey()));
  });

  // The reporter's answer: sealed to the intake key for the team and to the reporter's own key
  // (so they see what they said), then the plaintext is dropped.
  app.post('/status/answer', { bodyLimit: 256 * 1024, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const fields = formBodyOf(request.body);
    const found = await lookUp(fields, ctx, reply);
    if (!found) return reply;
    const text = fields.get('answer')?.[0]?.trim() ?? '';
    const target = [...found.reports].reverse().find((r) => r.reporter_key);
    if (!target?.reporter_key) throw new HttpError(409, 'cannot-reply');
    if (!text || text.length > LIMITS.story) throw new HttpError(400, text ? 'too-long' : 'required');
    const key = await app.vigil.intakeKey();
    if (!key) throw new HttpError(503, 'not-ready');
    const plaintext = utf8(JSON.stringify({ v: 1, text }));
    const [forTeam, forReporter] = await Promise.all([
      sealTo(SealedKind.answer, key, plaintext),
      sealTo(SealedKind.answer, { publicKey: target.reporter_key, keyId: await keyIdOf(target.reporter_key) }, plaintext),
    ]);
    await db
      .insertInto('messages')
      .values({ id: randomUUID(), report_id: target.id, direction: 'reporter', author: null, created_hour: currentHour(), key_id: key.keyId, for_team: forTeam, for_reporter: forReporter })
      .execute();
    tellNotices(app.vigil, 'answer');
    return sendPage(reply, 200, statusPage(ctx, { view: await view(found, 'answerSent') }, await sealingKey()));
  });

  // The reporter deletes their report(s) and every message about them. Audited without content.
  app.post('/status/delete', { bodyLimit: 4096, config: { access: 'public', ...limited } }, async (request, reply) => {
    const ctx = await pageContext(app.vigil, request, '/status');
    const fields = formBodyOf(request.body);
    const found = await lookUp(fields, ctx, reply);
    if (!found) return reply;
    if (fields.get('confirm')?.[0] !== 'yes') throw new HttpError(400, 'required');
    await db.transaction().execute(async (trx) => {
      const ids = found.reports.map((r) => r.id);
      await trx.deleteFrom('messages').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('notes').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('report_tags').where('report_id', 'in', ids).execute();
      await trx.updateTable('reports').set({ duplicate_of: null }).where('duplicate_of', 'in', ids).execute();
      await trx.deleteFrom('reports').where('id', 'in', ids).execute();
      for (const id of ids) await appendAudit(trx, { actor: null, action: 'report.deleted-by-reporter', object: id });
    });
    return sendPage(reply, 200, statusPage(ctx, { deleted: true }));
  });
};
