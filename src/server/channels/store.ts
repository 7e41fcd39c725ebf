// Channels as stored and as the API gives them. The built-in report form has no sealed name (its
// name comes with the workspace, in every language) and is always listed first.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ChannelTable, Database } from '../storage/schema.ts';
import { FORM_CHANNEL_ID, type ChannelKind, type ChannelView } from '../../core/records/channels.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';

type Row = Selectable<ChannelTable>;

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
export async function listChannels(db: Kysely<Database> | Transaction<Database>): Promise<ChannelView[]> {
  const rows = await db.selectFrom('channels').selectAll().orderBy('created_at').orderBy('id').execute();
  const form = rows.filter((r) => r.id === FORM_CHANNEL_ID);
  return [...form, ...rows.filter((r) => r.id !== FORM_CHANNEL_ID)].map(channelView);
}
