// The boards the team works from: everyone in custody now, most urgent first (a place's page shows
// those held there), and what is due soon: follow-up with a due day, appeal deadlines not yet acted on.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { byUrgency, daysBetween, today, type HeldPerson } from '../../core/records/custody.ts';
import { IN_CUSTODY } from '../../core/records/vocabulary-words.ts';
import { EVERYONE } from '../../core/team/roles.ts';
import type { Database } from '../storage/schema.ts';
import { parse } from '../http/errors.ts';
import { codeOf } from './store.ts';
import { actsWithCase } from './case-query.ts';

/** The codes of whom a due item concerns (P-0001, I-0001), where it names them. */
const codesOf = (row: { person_seq: number | string | null; incident_seq: number | string | null }) => ({
  personCode: row.person_seq === null ? null : codeOf('person', Number(row.person_seq)),
  incidentCode: row.incident_seq === null ? null : codeOf('incident', Number(row.incident_seq)),
});

export function boardRoutes(app: FastifyInstance): void {
  const { db } = app.vigil.storage;
  app.get('/api/board/held', { config: { access: EVERYONE } }, (request) => heldBoard(db, parse(z.object({ placeId: z.uuid().optional() }), request.query)));
  app.get('/api/board/due', { config: { access: EVERYONE } }, (request) => dueBoard(db, parse(z.object({ days: z.coerce.number().int().min(1).max(365).default(7) }), request.query)));
}


/** Everyone in custody now: the person's code, where, since when, expected release, most urgent first. */
async function heldBoard(db: Kysely<Database>, { placeId }: { placeId?: string }) {
  let query = actsWithCase(db)
    .select(['acts.id as act_id', 'd.status', 'd.held_at', 'd.custody_start', 'd.lawyer_access', 'd.decision', 'd.expected_release', 'd.appeal_deadline', 'acts.incident_id', 'acts.type_code', 'p.id as person_id', 'p.seq as person_seq'])
    .where('d.status', 'in', [...IN_CUSTODY]);
  // One place's page: who is held there now.
  if (placeId) query = query.where('d.held_at', '=', placeId);
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
}

/**
 * What is due in the next `days` days (default 7) or overdue: open interventions with a due day,
 * and appeal deadlines of decisions no appeal was recorded for.
 */
async function dueBoard(db: Kysely<Database>, { days }: { days: number }) {
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
    actsWithCase(db)
      .select(['acts.id as act_id', 'd.appeal_deadline', 'd.decision', 'p.seq as person_seq', 'p.id as person_id', 'i.id as incident_id', 'i.seq as incident_seq'])
      .where('d.appeal_deadline', 'is not', null)
      .where('d.appeal_deadline', '<=', until)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('interventions').select('id').whereRef('interventions.act_id', '=', 'acts.id').where('interventions.type', '=', 'appeal'))))
      .orderBy('d.appeal_deadline')
      .execute(),
  ]);
  const items = [
    ...interventions.map((i) => ({ kind: 'intervention' as const, id: i.id, code: codeOf('intervention', Number(i.seq)), type: i.type, priority: i.priority, due: i.due_on!, incidentId: i.incident_id, personId: i.person_id, actId: i.act_id, ...codesOf(i) })),
    ...appeals.map((a) => ({ kind: 'appeal' as const, id: a.act_id, code: codeOf('person', Number(a.person_seq)), type: 'appeal', priority: 'urgent', due: a.appeal_deadline!, incidentId: a.incident_id, personId: a.person_id, actId: a.act_id, ...codesOf(a) })),
  ].sort((a, b) => a.due.localeCompare(b.due));
  return { today: today(), until, items };
}
