// Records (HURIDOCS ESF): incidents, people, acts, perpetrator involvement, sources, follow-up —
// created, changed from the version they were read at, listed and read with their history; and
// purged (purge.ts). The server filters, sorts and counts the plain fields and stores the sealed
// part as opaque bytes; members' browsers open it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { SealedKind, inspectSealed } from '../../core/crypto/sealed.ts';
import { EVERYONE, WRITERS } from '../../core/team/roles.ts';
import type { RecordType } from '../../core/records/schemas.ts';
import type { Database } from '../storage/schema.ts';
import { HttpError, parse, uuidParam } from '../http/errors.ts';
import { appendAudit } from '../audit/log.ts';
import { effectiveConsent, type ConsentRow } from '../linkage/consent.ts';
import { editedSourceChannel } from '../channels/store.ts';
import { appendVersion, checkedSecret, recordTypeParam, tableOf } from './store.ts';
import { plainColumns, type RecordInput } from './plain.ts';
import { INPUTS, checkReferences, insertRecord } from './create.ts';
import { recordView as view, type RecordRow as Row } from './view.ts';
import { purgeRoutes } from './purge.ts';

type TypeRequest = FastifyRequest<{ Params: { type: string } }>;
type RecordRequest = FastifyRequest<{ Params: { type: string; id: string } }>;

export function recordsRoutes(app: FastifyInstance): void {
  const { db } = app.vigil.storage;
  app.post<{ Params: { type: string } }>('/api/records/:type', { config: { access: WRITERS } }, async (request, reply) => {
    const type = recordTypeParam(request.params.type);
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

  app.post<{ Params: { type: string; id: string } }>('/api/records/:type/:id', { config: { access: WRITERS } }, (request) => changeRecord(app, request));
  app.get<{ Params: { type: string } }>('/api/records/:type', { config: { access: EVERYONE } }, (request) => listRecords(db, request));
  app.get<{ Params: { type: string; id: string } }>('/api/records/:type/:id', { config: { access: EVERYONE } }, (request) => readRecord(db, request));
  purgeRoutes(app);
}

/** A new version of a record, from the version it was read at. */
async function changeRecord(app: FastifyInstance, request: RecordRequest) {
  const { db } = app.vigil.storage;
  const type = recordTypeParam(request.params.type);
  const id = uuidParam(request.params.id);
  const { version, record } = parse(z.object({ version: z.number().int().min(1), record: INPUTS[type] }), request.body);
  const member = request.member!.id;
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const current = (await trx.selectFrom(tableOf(type)).selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Record<string, unknown> | undefined;
    if (!current) throw new HttpError(404, 'not-found');
    if (Number(current.version) !== version) throw new HttpError(409, 'edit-conflict');
    await checkReferences(trx, type, record);
    const secret = await checkedSecret(trx, app.vigil.secret, record.secret, { current: false });
    const plain: Record<string, unknown> = plainColumns(type, record);
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
      .updateTable(tableOf(type))
      .set({ ...plain, ...secret, version: next, updated_at: now, updated_by: member } as never)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
    await appendVersion(trx, { type, id, version: next, at: now, by: member, plain, keyEnvelope: secret.key_envelope, sealed: secret.sealed });
    await appendAudit(trx, { actor: member, action: 'record.updated', object: id, detail: { type, version: next } });
    return { id, version: next };
  });
}

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

/** A page of records, newest first, filtered by the columns this record type has. */
async function listRecords(db: Kysely<Database>, request: TypeRequest) {
  const type = recordTypeParam(request.params.type);
  const q = parse(listQuery, request.query);
  let query = db.selectFrom(tableOf(type)).selectAll();
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
}

/** One record with its history: every version's plain fields and sealed part. */
async function readRecord(db: Kysely<Database>, request: RecordRequest) {
  const type = recordTypeParam(request.params.type);
  const id = uuidParam(request.params.id);
  const row = (await db.selectFrom(tableOf(type)).selectAll().where('id', '=', id).executeTakeFirst()) as unknown as Row | undefined;
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
}
