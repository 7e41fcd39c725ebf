// The key reporters seal to: the newest intake key this server recorded.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { intakeKeyIsIntact } from './integrity.ts';

export interface IntakeKey {
  keyId: string;
  publicKey: Uint8Array;
}

export async function readIntakeKey(db: Kysely<Database>, secret: ServerSecret): Promise<IntakeKey | null> {
  const rows = await db
    .selectFrom('intake_keys')
    .select(['id', 'public_key', 'purpose', 'mac'])
    .where('retired_at', 'is', null)
    .where('purpose', '=', 'intake')
    .orderBy('created_at', 'desc')
    .execute();
  // Only a key this server recorded (valid MAC) is ever given to reporters to seal to.
  const row = rows.find((r) => intakeKeyIsIntact(secret, r));
  return row ? { keyId: row.id, publicKey: new Uint8Array(row.public_key) } : null;
}
