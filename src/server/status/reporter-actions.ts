// What a reporter does with their codename: answer the team, or delete their reports.
import { randomUUID } from 'node:crypto';
import type { VigilContext } from '../context.ts';
import type { FoundReports } from './reports.ts';
import { HttpError } from '../http/errors.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { SealedKind, sealTo } from '../../core/crypto/sealed.ts';
import { utf8 } from '../../core/crypto/bytes.ts';
import { LIMITS } from '../../core/report/answers.ts';
import { currentHour } from '../intake/service.ts';
import { appendAudit } from '../audit/log.ts';

/**
 * The reporter's answer, on their latest report that can hold a conversation: sealed to the
 * intake key for the team and to the reporter's own key (so they see what they said), then the
 * plaintext is dropped.
 */
export async function storeAnswer(vigil: VigilContext, found: FoundReports, text: string): Promise<void> {
  const target = [...found.reports].reverse().find((r) => r.reporter_key);
  if (!target?.reporter_key) throw new HttpError(409, 'cannot-reply');
  if (!text || text.length > LIMITS.story) throw new HttpError(400, text ? 'too-long' : 'required');
  const key = await vigil.intakeKey();
  if (!key) throw new HttpError(503, 'not-ready');
  const plaintext = utf8(JSON.stringify({ v: 1, text }));
  const [forTeam, forReporter] = await Promise.all([
    sealTo(SealedKind.answer, key, plaintext),
    sealTo(SealedKind.answer, { publicKey: target.reporter_key, keyId: await keyIdOf(target.reporter_key) }, plaintext),
  ]);
  await vigil.storage.db
    .insertInto('messages')
    .values({ id: randomUUID(), report_id: target.id, direction: 'reporter', author: null, created_hour: currentHour(), key_id: key.keyId, for_team: forTeam, for_reporter: forReporter })
    .execute();
}

/** The reporter deletes their report(s) and every message about them. Audited without content. */
export async function deleteReports(vigil: VigilContext, found: FoundReports): Promise<void> {
  await vigil.storage.db.transaction().execute(async (trx) => {
    const ids = found.reports.map((r) => r.id);
    await trx.deleteFrom('messages').where('report_id', 'in', ids).execute();
    await trx.deleteFrom('notes').where('report_id', 'in', ids).execute();
    await trx.deleteFrom('report_tags').where('report_id', 'in', ids).execute();
    await trx.updateTable('reports').set({ duplicate_of: null }).where('duplicate_of', 'in', ids).execute();
    await trx.deleteFrom('reports').where('id', 'in', ids).execute();
    for (const id of ids) await appendAudit(trx, { actor: null, action: 'report.deleted-by-reporter', object: id });
  });
}
