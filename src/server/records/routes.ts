// Structured records (HURIDOCS ESF): incidents, people, acts with detentions, perpetrator
// involvement, sources, interventions; the registries the team keeps; the currently-held board and
// the due-soon list. The server filters, sorts and counts the plain fields and stores the sealed
// part as opaque bytes; members' browsers open it.
import { recordView as view, type RecordRow as Row } from './view.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { RECORD_TYPES, detentionInput, transferInput, type RecordType } from '../../core/records/schemas.ts';
import { byUrgency, daysBetween, today, type HeldPerson } from '../../core/records/custody.ts';
import { IN_CUSTODY } from '../../core/records/vocabulary.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { HttpError, uuidParam, parse } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { TABLES, appendVersion, checkedSecret, codeOf, mustExist } from './store.ts';
import { plainColumns, plainView } from './plain.ts';
import { INPUTS, checkReferences, insertRecord } from './create.ts';
import { writeDetention } from './detention.ts';
import { effectiveConsent, type ConsentRow } from '../linkage/consent.ts';
import { editedSourceChannel } from '../channels/store.ts';
import type { RecordInput } from './plain.ts';
import { registryRoutes } from './registry.ts';
import { ADMINS, EVERYONE, WRITERS } from '../../core/team/roles.ts';


/** The codes of whom a due item concerns (P-0001, I-0001), where it names them. */
const codesOf = (row: { person_seq: number | string | null; incident_seq: number | string | null }) => ({
  personCode: row.person_seq === null ? null : codeOf('person', Number(row.person_seq)),
  incidentCode: row.incident_seq === null ? null : codeOf('incident', Number(row.incident_seq)),
});

function recordType(value: string): RecordType {
  if (!(RECORD_TYPES as readonly string[]).includes(value)) throw new HttpError(404, 'not-found');
  return value as RecordType;
}


export const recordRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;
  const table = (type: RecordType) => TABLES[type] as 'incidents';

  // --- Registries (registry.ts) ------------------------------------------------------------
  registryRoutes(app);

  // --- Records: create, change, list, read with history -----------------------------------
  app.post<{ Params: { type: string } }>('/api/records/:type', { config: { access: WRITERS } }, async (request, reply) => {
    const type = recordType(request.params.type);
    const { id, record } = parse(z.object({ id: z.uuid(), record: INPUTS[type] }), request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    const created = await db.transaction().execute(async (trx) => {
      const made = await insertRecord(trx, app.vigil.secret, { type, id, record, member, now });
      await appendAudit(trx, { actor: member, action: 'record.created', object: id, detail: { type } });
      return made;
    });
    return reply.code(201).send(created);
  });

  app.post<{ Params: { type: string; id: string } }>('/api/records/:type/:id', { config: { access: WRITERS } }, async (request) => {
    const type = recordType(request.params.type);
    const id = uuidParam(request.params.id);
    const { version, record } = parse(z.object({ version: z.number().int().min(1), record: INPUTS[type] }), request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    return db.transaction().execute(async (trx) => {
      const current = (await trx.selectFrom(table(type)).selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Record<string, unknown> | undefined;
      if (!current) throw new HttpError(404, 'not-found');
      if (Number(current.version) !== version) throw new HttpError(409, 'edit-conflict');
      await checkReferences(trx, type, record);
      const secret = await checkedSecret(trx, app.vigil.secret, record.secret, { current: false });
      const plain: Record<string, unknown> = plainColumns(record);
      // Who recorded the consent and when: kept as it was unless the consent itself changes.
      if (type === 'person') {
        const changed = ['consent_sharing', 'name_preference', 'reprisal_risk'].some((c) => current[c] !== plain[c]);
        plain.consent_recorded_by = changed ? member : current.consent_recorded_by;
        plain.consent_recorded_at = changed ? now : current.consent_recorded_at;
        // A merged person stays merged through an edit, and its versions say so (plain.ts).
        if (current.merged_into) plain.merged_into = current.merged_into;
      }
      if (type === 'source') plain.channel_id = editedSourceChannel(current as { channel_id: string | null }, record as RecordInput<'source'>);
      const next = version + 1;
      const updated = await trx
        .updateTable(table(type))
        .set({ ...plain, ...secret, version: next, updated_at: now, updated_by: member } as never)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
      await appendVersion(trx, { type, id, version: next, at: now, by: member, plain, keyEnvelope: secret.key_envelope, sealed: secret.sealed });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: id, detail: { type, version: next } });
      return { id, version: next };
    });
  });

  const listQuery = z.object({
    before: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    incidentId: z.uuid().optional(),
    personId: z.uuid().optional(),
    actId: z.uuid().optional(),
    typeCode: z.string().regex(/^\d{12}$/).optional(),
    targetId: z.uuid().optional(),
    status: z.string().max(40).optional(),
    placeId: z.uuid().optional(),
    monitoringStatus: z.string().max(40).optional(),
    /** People: 'exclude' leaves out those merged into another (issue 11), so lists show each person once. */
    merged: z.enum(['include', 'exclude']).optional(),
  });

  app.get<{ Params: { type: string } }>('/api/records/:type', { config: { access: EVERYONE } }, async (request) => {
    const type = recordType(request.params.type);
    const q = parse(listQuery, request.query);
    let query = db.selectFrom(table(type)).selectAll();
    if (q.before) query = query.where('seq', '<', q.before);
    // Filters on columns this record type has; others are refused rather than ignored.
    const filters: [keyof typeof q, string][] = [
      ['incidentId', 'incident_id'],
      ['personId', 'person_id'],
      ['actId', 'act_id'],
      ['typeCode', 'type_code'],
      ['targetId', 'target_id'],
      ['status', 'status'],
      ['placeId', 'place_id'],
      ['monitoringStatus', 'monitoring_status'],
    ];
    const allowed: Record<RecordType, string[]> = {
      incident: ['monitoring_status'],
      person: [],
      act: ['incident_id', 'person_id', 'type_code', 'place_id'],
      involvement: ['act_id'],
      source: ['target_id'],
      intervention: ['incident_id', 'person_id', 'act_id', 'status'],
    };
    if (q.merged) {
      if (type !== 'person') throw new HttpError(400, 'bad-request');
      if (q.merged === 'exclude') query = query.where('merged_into' as 'id', 'is', null);
    }
    for (const [param, column] of filters) {
      if (q[param] === undefined) continue;
      if (!allowed[type].includes(column)) throw new HttpError(400, 'bad-request');
      query = query.where(column as 'id', '=', q[param] as string);
    }
    const rows = (await query.orderBy('seq', 'desc').limit(q.limit + 1).execute()) as unknown as Row[];
    const page = rows.slice(0, q.limit);
    return { records: page.map((r) => view(type, r)), next: rows.length > q.limit ? Number(page.at(-1)!.seq) : null };
  });

  app.get<{ Params: { type: string; id: string } }>('/api/records/:type/:id', { config: { access: EVERYONE } }, async (request) => {
    const type = recordType(request.params.type);
    const id = uuidParam(request.params.id);
    const row = (await db.selectFrom(table(type)).selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Row | undefined;
    if (!row) throw new HttpError(404, 'not-found');
    const versions = await db
      .selectFrom('record_versions')
      .leftJoin('members', 'members.id', 'record_versions.changed_by')
      .select(['version', 'changed_at', 'members.email', 'plain', 'key_envelope', 'sealed'])
      .where('record_type', '=', type)
      .where('record_id', '=', id)
      .orderBy('version')
      .execute();
    // A person also says what their records allow together, merged ones included (issue 11): what
    // a partner bundle may carry of them.
    const record = type === 'person' ? { ...view(type, row), effectiveConsent: await effectiveConsent(db, row as Row & ConsentRow) } : view(type, row);
    return {
      record,
      history: versions.map((v) => ({
        version: Number(v.version),
        changedAt: v.changed_at,
        changedBy: v.email,
        plain: JSON.parse(v.plain),
        // Each version names the records key its record key was sealed to (an edit after a rotation re-keys the record).
        secret: v.sealed && v.key_envelope ? { keyId: inspectSealed(v.key_envelope, SealedKind.recordKey).keyId, keyEnvelope: toBase64Url(v.key_envelope), sealed: toBase64Url(v.sealed) } : null,
      })),
    };
  });

  // Nothing is deleted except by this: an administrator's explicit purge (e.g. a person asks to be
  // removed for their safety). It removes the record, every version of it, its sources and its
  // evidence (with the custody log), and for an act its detention, transfers, involvements and
  // follow-up. A record others still refer to is refused. The audit log keeps that it happened,
  // never what was in it.
  app.post<{ Params: { type: string; id: string } }>('/api/records/:type/:id/purge', { config: { access: ADMINS } }, async (request, reply) => {
    const type = recordType(request.params.type);
    const id = uuidParam(request.params.id);
    const { confirm } = parse(z.object({ confirm: z.string().max(20) }), request.body);
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom(table(type)).select(['seq']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new HttpError(404, 'not-found');
      // The administrator typed the record's code: no purge by a slip of the hand.
      if (confirm !== codeOf(type, Number(row.seq))) throw new HttpError(400, 'bad-request');
      const referring =
        type === 'incident' || type === 'person'
          ? await trx.selectFrom('acts').select('id').where(type === 'incident' ? 'incident_id' : 'person_id', '=', id).executeTakeFirst()
          : undefined;
      const followUp =
        type === 'incident' || type === 'person'
          ? await trx.selectFrom('interventions').select('id').where(type === 'incident' ? 'incident_id' : 'person_id', '=', id).executeTakeFirst()
          : undefined;
      // A person in a standing merge (merged, or the survivor of one) is purged after its undo.
      const merge =
        type === 'person'
          ? await trx
              .selectFrom('persons')
              .select('id')
              .where((eb) => eb.or([eb.and([eb('id', '=', id), eb('merged_into', 'is not', null)]), eb('merged_into', '=', id)]))
              .executeTakeFirst()
          : undefined;
      if (referring || followUp || merge) throw new HttpError(409, 'in-use');
      const attachments = (await trx.selectFrom('attachments').select('id').where('owner_id', '=', id).execute()).map((a) => a.id);
      if (type === 'act') {
        for (const t of ['detentions', 'transfers'] as const) await trx.deleteFrom(t).where('act_id', '=', id).execute();
        await trx.deleteFrom('record_versions').where('record_type', '=', 'detention').where('record_id', '=', id).execute();
        for (const t of ['involvements', 'interventions'] as const) {
          const ids = (await trx.selectFrom(t).select('id').where('act_id', '=', id).execute()).map((r) => r.id);
          if (ids.length) {
            await trx.deleteFrom(t).where('id', 'in', ids).execute();
            await trx.deleteFrom('record_versions').where('record_id', 'in', ids).execute();
          }
        }
      }
      const sources = (await trx.selectFrom('sources').select('id').where('target_id', '=', id).execute()).map((r) => r.id);
      if (sources.length) {
        await trx.deleteFrom('sources').where('id', 'in', sources).execute();
        await trx.deleteFrom('record_versions').where('record_type', '=', 'source').where('record_id', 'in', sources).execute();
      }
      if (attachments.length) {
        await trx.deleteFrom('custody_log').where('attachment_id', 'in', attachments).execute();
        await trx.deleteFrom('attachments').where('id', 'in', attachments).execute();
      }
      await trx.deleteFrom('record_versions').where('record_type', '=', type).where('record_id', '=', id).execute();
      await trx.deleteFrom(table(type)).where('id', '=', id).execute();
      // Imported from a partner: the row stays so the bundle cannot bring the record back, but the
      // partner's code for it goes (with both servers seized, it would link the two records).
      await trx.updateTable('provenance').set({ original_code: '' }).where('record_id', 'in', [id, ...sources]).execute();
      await appendAudit(trx, { actor: request.member!.id, action: 'record.purged', object: id, detail: { type, code: confirm, attachments: attachments.length } });
    });
    return reply.code(204).send();
  });

  // --- Detentions ---------------------------------------------------------------------------
  app.post<{ Params: { id: string } }>('/api/acts/:id/detention', { config: { access: WRITERS } }, async (request) => {
    const actId = uuidParam(request.params.id);
    const { version, detention } = parse(z.object({ version: z.number().int().min(0), detention: detentionInput }), request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    return db.transaction().execute(async (trx) => {
      const written = await writeDetention(trx, { actId, version, detention, member, now });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: actId, detail: { type: 'detention', version: written.version, status: detention.status } });
      return written;
    });
  });

  app.get<{ Params: { id: string } }>('/api/acts/:id/detention', { config: { access: EVERYONE } }, async (request) => {
    const actId = uuidParam(request.params.id);
    const detention = await db.selectFrom('detentions').selectAll().where('act_id', '=', actId).executeTakeFirst();
    if (!detention) throw new HttpError(404, 'not-found');
    const transfers = await db.selectFrom('transfers').select(['id', 'from_place_id', 'to_place_id', 'on_day', 'at_time']).where('act_id', '=', actId).orderBy('on_day').orderBy('at_time').orderBy('created_at').execute();
    return { detention: plainView(detention as unknown as Record<string, unknown>), version: Number(detention.version), transfers: transfers.map((t) => plainView(t as unknown as Record<string, unknown>)) };
  });

  // A transfer moves the person: it is logged, and the detention's place becomes the new one.
  app.post<{ Params: { id: string } }>('/api/acts/:id/transfers', { config: { access: WRITERS } }, async (request, reply) => {
    const actId = uuidParam(request.params.id);
    const input = parse(transferInput, request.body);
    const member = request.member!.id;
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const detention = await trx.selectFrom('detentions').selectAll().where('act_id', '=', actId).executeTakeFirst();
      if (!detention) throw new HttpError(404, 'not-found');
      await mustExist(trx, 'registry', [input.fromPlaceId, input.toPlaceId], 'place');
      await trx.insertInto('transfers').values({ id: randomUUID(), act_id: actId, from_place_id: input.fromPlaceId ?? detention.held_at, to_place_id: input.toPlaceId, on_day: input.onDay, at_time: input.atTime ?? null, created_at: now, created_by: member }).execute();
      const next = Number(detention.version) + 1;
      await trx.updateTable('detentions').set({ held_at: input.toPlaceId, version: next, updated_at: now, updated_by: member }).where('act_id', '=', actId).execute();
      await appendVersion(trx, { type: 'detention', id: actId, version: next, at: now, by: member, plain: { transferredTo: input.toPlaceId, onDay: input.onDay, atTime: input.atTime ?? null } });
      await appendAudit(trx, { actor: member, action: 'record.updated', object: actId, detail: { type: 'transfer' } });
    });
    return reply.code(204).send();
  });

  // --- Boards -------------------------------------------------------------------------------
  // Everyone in custody now: the person's code, where, since when, expected release, most urgent first.
  app.get('/api/board/held', { config: { access: EVERYONE } }, async (request) => {
    const { placeId } = parse(z.object({ placeId: z.uuid().optional() }), request.query);
    let query = db
      .selectFrom('detentions')
      .innerJoin('acts', 'acts.id', 'detentions.act_id')
      .innerJoin('persons', 'persons.id', 'acts.person_id')
      .select([
        'detentions.act_id',
        'detentions.status',
        'detentions.held_at',
        'detentions.custody_start',
        'detentions.lawyer_access',
        'detentions.decision',
        'detentions.expected_release',
        'detentions.appeal_deadline',
        'acts.incident_id',
        'acts.type_code',
        'persons.id as person_id',
        'persons.seq as person_seq',
      ])
      .where('detentions.status', 'in', [...IN_CUSTODY]);
    // One place's page: who is held there now.
    if (placeId) query = query.where('detentions.held_at', '=', placeId);
    const rows = await query.execute();
    const day = today();
    const held = rows.map((r) => ({
      actId: r.act_id,
      personId: r.person_id,
      personCode: codeOf('person', Number(r.person_seq)),
      incidentId: r.incident_id,
      typeCode: r.type_code,
      status: r.status,
      heldAt: r.held_at,
      custodyStart: r.custody_start,
      daysHeld: r.custody_start ? daysBetween(r.custody_start, day) : null,
      lawyerAccess: r.lawyer_access,
      decision: r.decision,
      expectedRelease: r.expected_release,
      appealDeadline: r.appeal_deadline,
    }));
    // One row per person: two detentions of one person in custody at once are one person held
    // (most often the same arrest reported twice, its two records since merged); the most urgent shows.
    const mostUrgent = new Map<string, (typeof held)[number]>();
    for (const h of held.sort((a, b) => byUrgency(a as HeldPerson, b as HeldPerson))) if (!mostUrgent.has(h.personId)) mostUrgent.set(h.personId, h);
    return { today: day, held: [...mostUrgent.values()] };
  });

  // What is due in the next `days` days (default 7) or overdue: open interventions with a due
  // day, and appeal deadlines of decisions no appeal was recorded for.
  app.get('/api/board/due', { config: { access: EVERYONE } }, async (request) => {
    const { days } = parse(z.object({ days: z.coerce.number().int().min(1).max(365).default(7) }), request.query);
    const until = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const [interventions, appeals] = await Promise.all([
      // Whom each concerns: the person's code (their name is opened in the browser), else the incident's.
      db
        .selectFrom('interventions')
        .leftJoin('persons', 'persons.id', 'interventions.person_id')
        .leftJoin('incidents', 'incidents.id', 'interventions.incident_id')
        .select(['interventions.id', 'interventions.seq', 'interventions.type', 'interventions.priority', 'interventions.due_on', 'interventions.incident_id', 'interventions.person_id', 'interventions.act_id', 'persons.seq as person_seq', 'incidents.seq as incident_seq'])
        .where('interventions.due_on', 'is not', null)
        .where('interventions.due_on', '<=', until)
        .where('interventions.status', 'in', ['planned', 'sent'])
        .orderBy('interventions.due_on')
        .execute(),
      db
        .selectFrom('detentions')
        .innerJoin('acts', 'acts.id', 'detentions.act_id')
        .innerJoin('persons', 'persons.id', 'acts.person_id')
        .innerJoin('incidents', 'incidents.id', 'acts.incident_id')
        .select(['detentions.act_id', 'detentions.appeal_deadline', 'detentions.decision', 'persons.seq as person_seq', 'persons.id as person_id', 'incidents.id as incident_id', 'incidents.seq as incident_seq'])
        .where('detentions.appeal_deadline', 'is not', null)
        .where('detentions.appeal_deadline', '<=', until)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('interventions').select('id').whereRef('interventions.act_id', '=', 'detentions.act_id').where('interventions.type', '=', 'appeal'))))
        .orderBy('detentions.appeal_deadline')
        .execute(),
    ]);
    const items = [
      ...interventions.map((i) => ({ kind: 'intervention' as const, id: i.id, code: codeOf('intervention', Number(i.seq)), type: i.type, priority: i.priority, due: i.due_on!, incidentId: i.incident_id, personId: i.person_id, actId: i.act_id, ...codesOf(i) })),
      ...appeals.map((a) => ({ kind: 'appeal' as const, id: a.act_id, code: codeOf('person', Number(a.person_seq)), type: 'appeal', priority: 'urgent', due: a.appeal_deadline!, incidentId: a.incident_id, personId: a.person_id, actId: a.act_id, ...codesOf(a) })),
    ].sort((a, b) => a.due.localeCompare(b.due));
    return { today: today(), until, items };
  });
};
