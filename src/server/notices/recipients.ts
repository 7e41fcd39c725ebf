// Who is told of news: a member as a recipient now (still active, their channel and language), and
// the members who hear of news of a kind (they asked for it and their role may see it).
import type { VigilContext } from '../context.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { isLanguage } from '../../core/i18n/index.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { KIND_ROLES, type NoticeKind } from '../../core/notices/kinds.ts';
import type { Role } from '../../core/team/roles.ts';
import { parseKinds, settingsOf } from './settings.ts';
import type { Recipient } from './send.ts';

export type NoticeRecipient = Recipient & { role: Role; kinds: NoticeKind[] };

/** The member as a recipient now (still active, their language), or null. */
export async function recipientOf(vigil: VigilContext, memberId: string): Promise<NoticeRecipient | null> {
  const { db } = vigil.storage;
  const member = await db.selectFrom('members').select(['email', 'role', 'status', 'language']).where('id', '=', memberId).executeTakeFirst();
  if (!member || member.status !== 'active') return null;
  const settings = await settingsOf(db, vigil.secret, memberId);
  if (settings.channel === 'none') return null;
  const org = await vigil.organization();
  const language: Language = isLanguage(member.language) ? member.language : (org?.languages[0] ?? 'en');
  return { email: member.email, language, channel: settings.channel, webhook: settings.webhook, role: member.role as Role, kinds: settings.kinds };
}

/** Who hears of news of this kind, and as which kind: active members whose role may see it and who asked for it. */
export async function listenersFor(db: Kysely<Database>, kind: NoticeKind): Promise<{ memberId: string; told: NoticeKind }[]> {
  const rows = await db
    .selectFrom('notice_settings')
    .innerJoin('members', 'members.id', 'notice_settings.member_id')
    .select(['members.id', 'members.role', 'notice_settings.kinds'])
    .where('members.status', '=', 'active')
    .where('notice_settings.channel', '!=', 'none')
    .execute();
  const listeners: { memberId: string; told: NoticeKind }[] = [];
  for (const row of rows) {
    const kinds = parseKinds(row.kinds);
    // An urgent report is a new report to whoever asked only for those.
    const told = kinds.includes(kind) ? kind : kind === 'urgent' && kinds.includes('report') ? 'report' : null;
    if (told && KIND_ROLES[told].includes(row.role as Role)) listeners.push({ memberId: row.id, told });
  }
  return listeners;
}
