// A reporter's codename opens their reports: found by the keyed hash of the status key derived
// from it, and the conversation with the team opened with the reporter's key derived from it too
// (in memory, for this one request).
import type { VigilContext } from '../context.ts';
import type { FormBody } from '../http/form-body.ts';
import type { StatusView } from '../pages/status.ts';
import type { ErrorCode } from '../../core/i18n/index.ts';
import { parseCodename } from '../../core/crypto/codename.ts';
import { reporterKeyPair } from '../../core/crypto/reporter-key.ts';
import { keyIdOf } from '../../core/crypto/keys.ts';
import { SealedKind, openSealed } from '../../core/crypto/sealed.ts';
import { fromUtf8 } from '../../core/crypto/bytes.ts';
import { serverStatusKey } from '../intake/service.ts';

export interface FoundReports {
  digits: string;
  reports: { id: string; received_hour: string; read_hour: string | null; reporter_key: Uint8Array | null }[];
}

/** The reports the form's codename opens, or the page's status and error saying why none. */
export async function findReports(vigil: VigilContext, fields: FormBody): Promise<FoundReports | { status: number; error: ErrorCode }> {
  const parsed = parseCodename(fields.get('codename')?.[0] ?? '');
  if (!parsed.ok) return { status: 400, error: parsed.reason === 'typo' ? 'codename-typo' : 'codename-length' };
  const lookup = vigil.secret.keyedHash('status', await serverStatusKey(parsed.digits));
  const reports = await vigil.storage.db
    .selectFrom('reports')
    .select(['id', 'received_hour', 'read_hour', 'reporter_key'])
    .where('status_lookup', '=', lookup)
    .orderBy('seq')
    .execute();
  if (reports.length === 0) return { status: 404, error: 'codename-unknown' };
  return { digits: parsed.digits, reports };
}

/** The messages of the conversation the reporter's key opens; null when no report has one. */
async function conversation(vigil: VigilContext, found: FoundReports): Promise<StatusView['messages']> {
  const withKey = found.reports.filter((r) => r.reporter_key);
  if (withKey.length === 0) return null;
  const reporter = await reporterKeyPair(found.digits);
  const keyId = await keyIdOf(reporter.publicKey);
  const rows = await vigil.storage.db
    .selectFrom('messages')
    .select(['direction', 'created_hour', 'for_reporter'])
    .where('report_id', 'in', withKey.map((r) => r.id))
    .orderBy('seq')
    .execute();
  const messages: NonNullable<StatusView['messages']> = [];
  for (const row of rows) {
    if (!row.for_reporter) continue;
    try {
      const kind = row.direction === 'team' ? SealedKind.reply : SealedKind.answer;
      const text = JSON.parse(fromUtf8(await openSealed(kind, row.for_reporter, { privateKey: reporter.privateKey, keyId }))).text as string;
      messages.push({ from: row.direction, hour: row.created_hour, text });
    } catch {
      // A message this codename cannot open is not shown.
    }
  }
  reporter.privateKey.fill(0);
  return messages;
}

export async function statusView(vigil: VigilContext, found: FoundReports, notice?: StatusView['notice']): Promise<StatusView> {
  return {
    reports: found.reports.map((r) => ({ receivedHour: r.received_hour, read: r.read_hour !== null })),
    messages: await conversation(vigil, found),
    codename: found.digits,
    ...(notice ? { notice } : {}),
  };
}
