// Channels as stored and as the API gives them. The built-in report form has no sealed name (its
// name comes with the workspace, in every language) and is always listed first. A source's channel
// follows one rule, here: a report of the inbox came through the form; any other source through a
// channel the team defined and still offers, or none yet.
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { ChannelTable, Database } from '../storage/schema.ts';
import { FORM_CHANNEL_ID, type ChannelKind, type ChannelView } from '../../core/records/channels.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { HttpError } from '../http/errors.ts';

type Row = Selectable<ChannelTable>;
type Db = Kysely<Database> | Transaction<Database>;

export function channelView(row: Row): ChannelView {
  const sealed = row.key_id && row.key_envelope && row.sealed;
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    secret: sealed ? { keyId: row.key_id!, keyEnvelope: toBase64Url(row.key_envelope!), sealed: toBase64Url(row.sealed!) } : null,
    version: Number(row.version),
    retired: Number(row.retired) === 1,
  };
}

/** Every channel: the report form first, then the others in the order they were made. */
export async function listChannels(db: Db): Promise<ChannelView[]> {
  const rows = await db.selectFrom('channels').selectAll().orderBy('created_at').orderBy('id').execute();
  const form = rows.filter((r) => r.id === FORM_CHANNEL_ID);
  return [...form, ...rows.filter((r) => r.id !== FORM_CHANNEL_ID)].map(channelView);
}

export const channelRow = (db: Db, id: string): Promise<Row | undefined> => db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * A change to a channel read at `version`: the next version, now. A change committed since the read
 * is a conflict (409), not overwritten.
 */
export async function updateChannel(trx: Transaction<Database>, id: string, version: number, change: Updateable<ChannelTable> & { updated_by: string }): Promise<void> {
  const updated = await trx
    .updateTable('channels')
    .set({ ...change, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new HttpError(409, 'edit-conflict');
}

/** A channel a source or an import may name now: one the team made and has not retired (400 otherwise). */
export async function offeredChannel(db: Db, id: string): Promise<Row> {
  if (id === FORM_CHANNEL_ID) throw new HttpError(400, 'wrong-channel');
  const row = await channelRow(db, id);
  if (!row || Number(row.retired) === 1) throw new HttpError(400, 'unknown-channel');
  return row;
}

/**
 * The channel a new source is stored with: a report's is the form's, whatever was asked (the
 * reporter came through it); another's is the one asked for, if offered, or none.
 */
export async function newSourceChannel(db: Db, source: { reportId: string | null; channelId?: string | null }): Promise<string | null> {
  if (source.reportId) return FORM_CHANNEL_ID;
  if (!source.channelId) return null;
  return (await offeredChannel(db, source.channelId)).id;
}

/**
 * The channel an edited source keeps. Its channel changes only through its own route (coordinators),
 * so an edit may send the channel it has, or none; linking or unlinking a report moves it in or out
 * of the form's channel.
 */
export function editedSourceChannel(current: { channel_id: string | null }, edit: { reportId: string | null; channelId?: string | null }): string | null {
  if (edit.channelId !== undefined && edit.channelId !== current.channel_id) throw new HttpError(400, 'wrong-channel');
  if (edit.reportId) return FORM_CHANNEL_ID;
  return current.channel_id === FORM_CHANNEL_ID ? null : current.channel_id;
}

/**
 * The channel a bundle import puts its sources in: a 'partner' channel still offered, or none. A
 * bundle imported again stays in the channel of its first import (if that had one).
 */
export async function importChannel(db: Db, channelId: string | null, before: { channel_id: string | null } | undefined): Promise<string | null> {
  if (before?.channel_id) {
    if (channelId && channelId !== before.channel_id) throw new HttpError(400, 'wrong-channel');
    return before.channel_id;
  }
  if (!channelId) return null;
  const row = await offeredChannel(db, channelId);
  if (row.kind !== 'partner') throw new HttpError(400, 'wrong-channel');
  return channelId;
}
