// The trustees' current recovery kit, as a holder of every organization key (rotations seal new
// keys to it as to a member). Only a row whose MAC checks is used: a kit written into the database
// alone would otherwise receive every future key.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { recoveryKitIsIntact } from './integrity.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RecoveryKit {
  id: string;
  publicKey: Uint8Array;
  threshold: number;
  shares: number;
  createdAt: string;
}

export async function currentRecoveryKit(db: Db, secret: ServerSecret): Promise<RecoveryKit | undefined> {
  const rows = await db.selectFrom('recovery_kits').selectAll().where('retired_at', 'is', null).orderBy('created_at', 'desc').execute();
  const row = rows.find((r) => recoveryKitIsIntact(secret, r));
  return row && { id: row.id, publicKey: new Uint8Array(row.public_key), threshold: row.threshold, shares: row.shares, createdAt: row.created_at };
}
