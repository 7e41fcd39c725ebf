// The organization's current keys as safety codes, printed by `vigil backup` and `vigil restore`:
// anyone with a copy of the database can forge a backup that restores (docs/crypto.md, "Backup
// files"), e.g. with keys of their own; the codes a restore prints must match those the backup
// printed when it was made (kept with the file, off the server).
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';

export async function currentKeyCodes(db: Kysely<Database>): Promise<string> {
  const keys = await db.selectFrom('intake_keys').select(['purpose', 'public_key']).where('retired_at', 'is', null).orderBy('purpose').execute();
  const lines = await Promise.all(keys.map(async (k) => `  ${k.purpose} key: ${await fingerprintOf(k.public_key)}`));
  return `The organization's keys (safety codes):\n${lines.join('\n')}\n`;
}
