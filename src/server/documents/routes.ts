// Documents for the outside world: the numbers of a situation report (computed here from plain
// columns, as of a moment), the records of the people a UN communication concerns (sealed parts
// included, for the browser to open), and an audit entry when a document is made or sent. The
// documents themselves are assembled and rendered in the member's browser: the server never sees
// a name or a narrative, and keeps no copy of a document.
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { HttpError, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { asOfInstant, situationQuery } from '../../core/documents/situation-numbers.ts';
import { situationNumbers } from './situation.ts';
import { peopleBundle } from './people.ts';
import { appealSent } from './appeal-sent.ts';
import { appealSentInput } from '../../core/documents/appeal-sent.ts';
import { COORDINATORS } from '../../core/team/roles.ts';

/** Situation reports and UN communications speak for the organization: coordinators and administrators. */

export const DOCUMENT_KINDS = ['situation-report', 'un-communication'] as const;


export const documentRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  app.get('/api/situation', { config: { access: COORDINATORS } }, async (request) => {
    const q = parse(situationQuery, request.query);
    const incidentIds = q.incident ? [...new Set(q.incident.toLowerCase().split(','))] : [];
    if (incidentIds.length) {
      const found = await db.selectFrom('incidents').select('id').where('id', 'in', incidentIds).execute();
      if (found.length !== incidentIds.length) throw new HttpError(400, 'unknown-reference');
    }
    return situationNumbers(db, { asOf: asOfInstant(q.asOf), from: q.from ?? null, to: q.to ?? null, incidentIds });
  });

  app.get('/api/documents/people', { config: { access: COORDINATORS } }, async (request) => {
    const { ids } = parse(z.object({ ids: z.string().max(100 * 37).regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i), lang: z.string().max(5).optional() }), request.query);
    const wanted = [...new Set(ids.toLowerCase().split(','))];
    // A record merged into another is no longer a person of its own: the survivor is asked for.
    if (await db.selectFrom('persons').select('id').where('id', 'in', wanted).where('merged_into', 'is not', null).executeTakeFirst()) throw new HttpError(409, 'already-merged');
    const bundle = await peopleBundle(db, wanted);
    if (bundle.people.length !== wanted.length) throw new HttpError(400, 'unknown-reference');
    return bundle;
  });

  // That a document was made or sent: which kind, in which form, for how many people — never what it says.
  app.post('/api/documents/audit', { config: { access: COORDINATORS } }, async (request, reply) => {
    const input = parse(
      z.object({
        document: z.enum(DOCUMENT_KINDS),
        event: z.enum(['generated', 'sent']),
        format: z.enum(['html', 'pdf', 'json', 'print']).nullable(),
        people: z.number().int().min(0).max(100_000).nullable(),
        lang: z.string().max(5).optional(),
      }),
      request.body,
    );
    await db.transaction().execute((trx) =>
      appendAudit(trx, { actor: request.member!.id, action: input.event === 'sent' ? 'document.sent' : 'document.generated', detail: { document: input.document, format: input.format, people: input.people } }),
    );
    return reply.code(204).send();
  });

  // "Mark as sent": the follow-ups of a UN communication, all or none, and never twice (appeal-sent.ts).
  app.post('/api/documents/appeal-sent', { config: { access: COORDINATORS } }, async (request) => {
    const input = parse(appealSentInput, request.body);
    return db.transaction().execute((trx) => appealSent(trx, app.vigil.secret, input, request.member!.id));
  });
};
