// Storing attachments and their custody log. The log is append-only: no route changes or removes
// an entry.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { SealedAttachment } from '../../core/evidence/attachment.ts';
import type { CustodyAction } from '../../core/api/evidence.ts';

type Db = Kysely<Database> | Transaction<Database>;


export async function appendCustody(db: Db, entry: { attachmentId: string; at: string; actor: string | null; action: CustodyAction; detail: Uint8Array | null }): Promise<void> {
  await db.insertInto('custody_log').values({ attachment_id: entry.attachmentId, at: entry.at, actor: entry.actor, action: entry.action, detail: entry.detail }).execute();
}

export async function storeAttachment(
  trx: Transaction<Database>,
  row: { id: string; ownerType: Database['attachments']['owner_type']; ownerId: string; sealed: SealedAttachment; size: number; at: string; by: string | null },
): Promise<void> {
  const { sealed } = row;
  await trx
    .insertInto('attachments')
    .values({
      id: row.id,
      owner_type: row.ownerType,
      owner_id: row.ownerId,
      key_id: sealed.keyId,
      key_envelope: sealed.keyEnvelope,
      meta: sealed.meta,
      original: sealed.original,
      working: sealed.working,
      size: row.size,
      created_at: row.at,
      created_by: row.by,
    })
    .execute();
  await appendCustody(trx, { attachmentId: row.id, at: row.at, actor: row.by, action: 'received', detail: sealed.receipt });
}
