// Merging two records of one person, undoing it, and remembering "different people" (issue 11).
// A merge keeps both records: the merged one is marked `merged_into` the survivor, and everything
// that referred to it — acts (with their detentions, transfers and involvements, which hang off
// the act), sources about the person, follow-up, evidence — moves to the survivor, so every count
// made over acts counts the person once. Each moved record gets a new version with its history
// row, as an edit would: a history shows the move, a report "as of" a moment before the merge
// still counts as the team knew then, and an edit made from an older version is refused.
// The person's own provenance (which partner's bundle it came from) stays with that record: it
// says where that record came from, and keeps a re-imported bundle from bringing it back.
// Each function runs inside the caller's transaction and throws an HttpError on any refusal,
// so nothing is half-stored.
import { markDuplicateActs, unmarkDuplicateActs } from './duplicate-acts.ts';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { HttpError } from '../http/errors.ts';
import { columnTypes } from '../storage/dialect.ts';
import { appendAudit } from '../audit/log.ts';
import { appendCustody } from '../evidence/store.ts';
import { appendVersion, codeOf } from '../records/store.ts';
import { versionPlain } from '../records/plain.ts';
import { mergedInto } from './groups.ts';
import { orderedPair, type DecisionsAnswer, type MergeRequest } from '../../core/linkage/decisions.ts';

type Trx = Transaction<Database>;

/** The versioned records that refer to a person, and the column that does. */
const REFERRING = [
  { kind: 'acts', table: 'acts', type: 'act', column: 'person_id' },
  { kind: 'sources', table: 'sources', type: 'source', column: 'target_id' },
  { kind: 'interventions', table: 'interventions', type: 'intervention', column: 'person_id' },
] as const;
type Referring = (typeof REFERRING)[number];

/** Exactly the rows a merge moved, by id: what its undo moves back. */
export interface MovedRows {
  acts: string[];
  sources: string[];
  interventions: string[];
  attachments: string[];
}

interface Change {
  member: string;
  now: string;
}

type PersonRow = Record<string, unknown> & { id: string; version: number; merged_into: string | null; key_envelope: Uint8Array; sealed: Uint8Array };

async function person(trx: Trx, id: string): Promise<PersonRow | undefined> {
  return (await trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst()) as unknown as PersonRow | undefined;
}

/**
 * Locks both people's rows, always in id order, before anything about them is read: two members
 * merging one pair opposite ways round (or merging it while another decides "different people")
 * then wait for each other instead of deadlocking, and whoever comes second reads what the first
 * decided. SQLite needs no lock: it runs one writing transaction at a time.
 */
export async function lockPeople(trx: Trx, ids: string[]): Promise<void> {
  if (columnTypes(trx).isSqlite) return;
  await trx.selectFrom('persons').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** A person's `merged_into` changed: a new version of the person, with the sealed part as it is. */
async function setMergedInto(trx: Trx, row: PersonRow, mergedInto: string | null, { member, now }: Change): Promise<void> {
  const next = Number(row.version) + 1;
  const updated = await trx
    .updateTable('persons')
    .set({ merged_into: mergedInto, version: next, updated_at: now, updated_by: member })
    .where('id', '=', row.id)
    .where('version', '=', Number(row.version))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
  await appendVersion(trx, { type: 'person', id: row.id, version: next, at: now, by: member, plain: versionPlain({ ...row, merged_into: mergedInto }), keyEnvelope: row.key_envelope, sealed: row.sealed });
}

/**
 * Points the given rows of `ref` that now refer to `from` at `to`, each as a new version of the
 * record (so an edit made from the version before is refused). Returns the ids it moved.
 */
async function repoint(trx: Trx, ref: Referring, from: string, to: string, { member, now }: Change, only?: string[]): Promise<string[]> {
  if (only && only.length === 0) return [];
  let query = trx.selectFrom(ref.table as 'acts').selectAll().where(ref.column as 'person_id', '=', from);
  if (ref.table === 'sources') query = query.where('target_type' as never, '=', 'person' as never);
  if (only) query = query.where('id', 'in', only);
  const rows = (await query.orderBy('seq').execute()) as unknown as (Record<string, unknown> & { id: string; version: number; key_envelope: Uint8Array; sealed: Uint8Array })[];
  for (const row of rows) {
    const next = Number(row.version) + 1;
    // Edited since it was read: the member's edit stands, and this whole change is refused.
    const updated = await trx
      .updateTable(ref.table as 'acts')
      .set({ [ref.column]: to, version: next, updated_at: now, updated_by: member } as never)
      .where('id', '=', row.id)
      .where('version', '=', Number(row.version))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
    await appendVersion(trx, { type: ref.type, id: row.id, version: next, at: now, by: member, plain: versionPlain({ ...row, [ref.column]: to }), keyEnvelope: row.key_envelope, sealed: row.sealed });
  }
  return rows.map((r) => r.id);
}

/** The person's evidence moves too, each move written to the attachment's custody log. */
async function relinkAttachments(trx: Trx, from: string, to: string, { member, now }: Change, only?: string[]): Promise<string[]> {
  if (only && only.length === 0) return [];
  let query = trx.selectFrom('attachments').select('id').where('owner_type', '=', 'person').where('owner_id', '=', from);
  if (only) query = query.where('id', 'in', only);
  const ids = (await query.execute()).map((a) => a.id);
  if (ids.length === 0) return [];
  await trx.updateTable('attachments').set({ owner_id: to }).where('id', 'in', ids).execute();
  for (const id of ids) await appendCustody(trx, { attachmentId: id, at: now, actor: member, action: 'relinked', detail: null });
  return ids;
}

/** The person and everyone merged into them, directly or through others. */
const mergedGroup = async (trx: Trx, id: string) => [id, ...(await mergedInto(trx, [id])).map((m) => m.row.id)];

/** Did a member decide that someone of one group and someone of the other are different people? */
async function decidedDistinct(trx: Trx, one: string[], other: string[]): Promise<boolean> {
  const found = await trx
    .selectFrom('person_distinct')
    .select('person_a')
    .where((eb) => eb.or([eb.and([eb('person_a', 'in', one), eb('person_b', 'in', other)]), eb.and([eb('person_a', 'in', other), eb('person_b', 'in', one)])]))
    .executeTakeFirst();
  return !!found;
}

export async function mergePeople(trx: Trx, request: MergeRequest, change: Change): Promise<{ id: string }> {
  const { survivor: s, merged: m } = request;
  if (s.id === m.id) throw new HttpError(400, 'same-record');
  await lockPeople(trx, [s.id, m.id]);
  const [survivor, merged] = [await person(trx, s.id), await person(trx, m.id)];
  if (!survivor || !merged) throw new HttpError(404, 'not-found');
  if (survivor.merged_into || merged.merged_into) throw new HttpError(409, 'already-merged');
  if (Number(survivor.version) !== s.version || Number(merged.version) !== m.version) throw new HttpError(409, 'edit-conflict');
  if (await decidedDistinct(trx, await mergedGroup(trx, s.id), await mergedGroup(trx, m.id))) throw new HttpError(409, 'different-people');

  await setMergedInto(trx, merged, s.id, change);
  const moved: MovedRows = { acts: [], sources: [], interventions: [], attachments: [] };
  for (const ref of REFERRING) moved[ref.kind] = await repoint(trx, ref, m.id, s.id, change);
  moved.attachments = await relinkAttachments(trx, m.id, s.id, change);
  await markDuplicateActs(trx, s.id, moved.acts);

  const id = randomUUID();
  await trx.insertInto('person_merges').values({ id, survivor_id: s.id, merged_id: m.id, moved: JSON.stringify(moved), created_at: change.now, created_by: change.member }).execute();
  await appendAudit(trx, { actor: change.member, action: 'person.merged', object: id, detail: { survivor: s.id, merged: m.id, ...counts(moved) } });
  return { id };
}

const counts = (moved: MovedRows) => ({ acts: moved.acts.length, sources: moved.sources.length, interventions: moved.interventions.length, attachments: moved.attachments.length });

export async function undoMerge(trx: Trx, id: string, change: Change): Promise<{ id: string; restored: number; leftAlone: number }> {
  const found = await trx.selectFrom('person_merges').select(['survivor_id', 'merged_id']).where('id', '=', id).executeTakeFirst();
  if (!found) throw new HttpError(404, 'not-found');
  await lockPeople(trx, [found.survivor_id, found.merged_id]);
  // Read once the people are held: an undo of the same merge a moment ago is seen.
  const merge = (await trx.selectFrom('person_merges').selectAll().where('id', '=', id).executeTakeFirst())!;
  if (merge.undone_at) throw new HttpError(409, 'merge-undone');
  const [survivor, merged] = [await person(trx, merge.survivor_id), await person(trx, merge.merged_id)];
  // Purge refuses people in a standing merge, so both are there unless the database was changed by hand.
  if (!survivor || !merged || merged.merged_into !== survivor.id) throw new HttpError(409, 'edit-conflict');
  // Undone the other way round, the merged person's rows would stay with someone else.
  if (survivor.merged_into) throw new HttpError(409, 'merged-since');

  const moved = JSON.parse(merge.moved) as MovedRows;
  // Only rows that still refer to the survivor go back: one changed since to refer to someone else
  // (or purged) was a member's later decision, and stays as it is.
  let restored = 0;
  for (const ref of REFERRING) restored += (await repoint(trx, ref, survivor.id, merged.id, change, moved[ref.kind])).length;
  restored += (await relinkAttachments(trx, survivor.id, merged.id, change, moved.attachments)).length;
  await unmarkDuplicateActs(trx, moved.acts);
  const all = Object.values(counts(moved)).reduce((a, b) => a + b, 0);
  await setMergedInto(trx, merged, null, change);

  await trx.updateTable('person_merges').set({ undone_at: change.now, undone_by: change.member }).where('id', '=', id).execute();
  await appendAudit(trx, { actor: change.member, action: 'person.merge-undone', object: id, detail: { survivor: survivor.id, merged: merged.id, restored, leftAlone: all - restored } });
  return { id, restored, leftAlone: all - restored };
}

async function mustBePeople(trx: Trx, ids: string[]): Promise<void> {
  const found = await trx.selectFrom('persons').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new HttpError(404, 'not-found');
}

/** Remembers that two people are different; true if it was not known before. */
export async function markDistinct(trx: Trx, a: string, b: string, change: Change): Promise<boolean> {
  if (a === b) throw new HttpError(400, 'same-record');
  // Not while the pair is being merged: one decision waits for the other, and a merge after this sees it.
  await lockPeople(trx, [a, b]);
  await mustBePeople(trx, [a, b]);
  const [personA, personB] = orderedPair(a, b);
  const inserted = await trx
    .insertInto('person_distinct')
    .values({ person_a: personA, person_b: personB, decided_by: change.member, decided_at: change.now })
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
    .executeTakeFirst();
  const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  if (added) await appendAudit(trx, { actor: change.member, action: 'person.marked-distinct', object: personA, detail: { other: personB } });
  return added;
}

/** Forgets a "different people" decision (the pair may be suggested again); true if there was one. */
export async function forgetDistinct(trx: Trx, a: string, b: string, change: Change): Promise<boolean> {
  const [personA, personB] = orderedPair(a, b);
  const deleted = await trx.deleteFrom('person_distinct').where('person_a', '=', personA).where('person_b', '=', personB).executeTakeFirst();
  const removed = Number(deleted.numDeletedRows) === 1;
  if (removed) await appendAudit(trx, { actor: change.member, action: 'person.distinct-forgotten', object: personA, detail: { other: personB } });
  return removed;
}

/** Every merge (standing or undone) and every "different people" pair: what the browser needs to suggest no decided pair again. */
export async function listDecisions(db: Kysely<Database>): Promise<DecisionsAnswer> {
  const merges = await db
    .selectFrom('person_merges as m')
    .leftJoin('persons as s', 's.id', 'm.survivor_id')
    .leftJoin('persons as p', 'p.id', 'm.merged_id')
    .leftJoin('members', 'members.id', 'm.created_by')
    .select(['m.id', 'm.survivor_id', 'm.merged_id', 'm.created_at', 'm.undone_at', 's.seq as survivor_seq', 'p.seq as merged_seq', 'members.email'])
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const distinct = await db.selectFrom('person_distinct').select(['person_a', 'person_b']).orderBy('decided_at').execute();
  const code = (seq: number | null) => (seq === null ? null : codeOf('person', Number(seq)));
  return {
    merges: merges.map((m) => ({
      id: m.id,
      survivorId: m.survivor_id,
      mergedId: m.merged_id,
      survivorCode: code(m.survivor_seq),
      mergedCode: code(m.merged_seq),
      createdAt: m.created_at,
      createdBy: m.email,
      undone: m.undone_at !== null,
    })),
    distinct: distinct.map((d) => ({ a: d.person_a, b: d.person_b })),
  };
}
