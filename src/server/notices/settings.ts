// A member's notice settings in the database. The webhook address and its signing secret are
// sealed under the server secret: a copy of the database alone does not say where a member's
// phone bridge listens.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { fromUtf8, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { NOTICE_KINDS, type NoticeChannel, type NoticeKind } from '../../core/notices/kinds.ts';

export interface MemberWebhook {
  url: string;
  secret: string;
}

export interface StoredSettings {
  channel: NoticeChannel;
  kinds: NoticeKind[];
  webhook: MemberWebhook | null;
}

export const newWebhookSecret = (): string => `whsec_${toBase64Url(randomBytes(32))}`;

export const sealWebhook = (secret: ServerSecret, webhook: MemberWebhook): Uint8Array => secret.encrypt('notice-webhook', utf8(JSON.stringify(webhook)));

/** The sealed webhook, or null if the server secret changed since it was saved (no delivery can succeed). */
export function openWebhook(secret: ServerSecret, sealed: Uint8Array | null): MemberWebhook | null {
  if (!sealed) return null;
  try {
    return JSON.parse(fromUtf8(secret.decrypt('notice-webhook', new Uint8Array(sealed)))) as MemberWebhook;
  } catch {
    return null;
  }
}

/** Kinds as stored (a JSON list), keeping only ones this version knows. */
export const parseKinds = (json: string): NoticeKind[] => (JSON.parse(json) as string[]).filter((k): k is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(k));

/** A member's settings; a member who never chose is told nothing. */
export async function settingsOf(db: Kysely<Database>, secret: ServerSecret, memberId: string): Promise<StoredSettings> {
  const row = await db.selectFrom('notice_settings').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  if (!row) return { channel: 'none', kinds: [], webhook: null };
  return { channel: row.channel, kinds: parseKinds(row.kinds), webhook: openWebhook(secret, row.webhook) };
}

export async function saveSettings(db: Kysely<Database>, memberId: string, values: { channel: NoticeChannel; kinds: NoticeKind[]; webhook: Uint8Array | null }): Promise<void> {
  const row = { channel: values.channel, kinds: JSON.stringify(values.kinds), webhook: values.webhook, updated_at: new Date().toISOString() };
  await db
    .insertInto('notice_settings')
    .values({ member_id: memberId, ...row })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
    .execute();
}
