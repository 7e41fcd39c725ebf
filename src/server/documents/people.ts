// Everything recorded about a few people, in one answer, for a UN communication or an account in
// a situation report: each person, their acts with detentions and transfers, perpetrator
// involvements, follow-up, their incidents, and the other people of those incidents (so the
// browser can keep their names out of any narrative it quotes). Sealed parts are passed as they
// are stored; the browser opens them.
import { recordView as view, type RecordRow as Row } from '../records/view.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { plainView } from '../records/plain.ts';
import { mergedConsents } from '../linkage/consent.ts';
import { mergedInto } from '../linkage/groups.ts';

export async function peopleBundle(db: Kysely<Database>, personIds: string[]) {
  const rows = async <T extends 'persons' | 'acts' | 'involvements' | 'interventions' | 'incidents'>(table: T, column: string, ids: string[]) =>
    ids.length ? ((await db.selectFrom(table as 'persons').selectAll().where(column as 'id', 'in', ids).orderBy('seq').execute()) as unknown as Row[]) : [];
  const people = await rows('persons', 'id', personIds);
  const acts = await rows('acts', 'person_id', personIds);
  const actIds = acts.map((a) => a.id);
  const incidentIds = [...new Set(acts.map((a) => String(a.incident_id)))];
  const [involvements, byPerson, byAct, incidents, incidentActs, detentions, transfers] = await Promise.all([
    rows('involvements', 'act_id', actIds),
    rows('interventions', 'person_id', personIds),
    rows('interventions', 'act_id', actIds),
    rows('incidents', 'id', incidentIds),
    rows('acts', 'incident_id', incidentIds),
    actIds.length ? db.selectFrom('detentions').selectAll().where('act_id', 'in', actIds).execute() : [],
    actIds.length ? db.selectFrom('transfers').selectAll().where('act_id', 'in', actIds).orderBy('on_day').orderBy('at_time').execute() : [],
  ]);
  const organization = await db.selectFrom('organization').select('name').executeTakeFirst();
  const othersOfIncidents = await rows('persons', 'id', [...new Set(incidentActs.map((a) => String(a.person_id)))].filter((id) => !personIds.includes(id)));
  // Records merged into anyone here (issue 11) hold the other spellings of their names: listed with
  // the others, so those spellings are kept out of a narrative too.
  const others = [...othersOfIncidents, ...(await mergedInto(db, [...personIds, ...othersOfIncidents.map((p) => p.id)])).map((m) => m.row)];
  // Whoever others were merged into is shared as the most careful of their records' consents allow.
  const consents = await mergedConsents(db);
  const careful = (row: Row): Row => {
    const c = consents.get(row.id);
    return c ? { ...row, consent_sharing: c.consentSharing, name_preference: c.namePreference } : row;
  };
  const interventions = [...new Map([...byPerson, ...byAct].map((i) => [i.id, i])).values()];
  return {
    /** The organization's name heads the document. */
    organization: organization?.name ?? '',
    people: people.map((r) => view('person', careful(r))),
    acts: acts.map((r) => view('act', r)),
    detentions: detentions.map((d) => ({ actId: d.act_id, ...plainView(d as unknown as Record<string, unknown>) })),
    transfers: transfers.map((t) => plainView(t as unknown as Record<string, unknown>)),
    involvements: involvements.map((r) => view('involvement', r)),
    interventions: interventions.map((r) => view('intervention', r)),
    incidents: incidents.map((r) => view('incident', r)),
    /** People of the same incidents who were not asked for: only so their names can be kept out. */
    others: others.map((r) => view('person', careful(r))),
  };
}
export type PeopleBundle = Awaited<ReturnType<typeof peopleBundle>>;
