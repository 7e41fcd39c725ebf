// One-time challenges: the server seals a random value to the current kit and keeps only a keyed
// hash of it, for a few minutes. Sending it back proves the sender made the kit's private key whole
// from M shares; it is forgotten as it is used (even when the request then fails), so a copy
// captured on the way (a seized running server, a TLS proxy) is worth nothing afterwards.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { ServerSecret } from '../secret.ts';
import { newChallenge } from '../../core/recovery/challenge.ts';
import { HttpError } from '../http/errors.ts';
import { currentRecoveryKit, type RecoveryKit } from '../keys/recovery-kit.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Long enough to type a new passphrase between the challenge and the answer; the page asks for one per action. */
const CHALLENGE_MINUTES = 10;

/** A new challenge sealed to the current kit (404 without one); expired ones are dropped on the way. */
export async function issueChallenge(db: Kysely<Database>, secret: ServerSecret): Promise<string> {
  const kit = await currentRecoveryKit(db, secret);
  if (!kit) throw new HttpError(404, 'not-found');
  const now = new Date();
  const { challenge, answer } = await newChallenge(kit);
  await db.deleteFrom('recovery_challenges').where('expires_at', '<=', now.toISOString()).execute();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
  await db.insertInto('recovery_challenges').values({ answer_hash: secret.keyedHash('recovery-challenge', answer), kit_id: kit.id, expires_at: expiresAt }).execute();
  return challenge;
}

/** The current kit, if this answers one of its live challenges; the challenge is used up either way it goes next. 403 otherwise. */
export async function useAnswer(db: Kysely<Database>, secret: ServerSecret, answer: string): Promise<RecoveryKit> {
  const kit = await currentRecoveryKit(db, secret);
  if (!kit) throw new HttpError(404, 'not-found');
  const used = await db
    .deleteFrom('recovery_challenges')
    .where('answer_hash', '=', secret.keyedHash('recovery-challenge', answer))
    .where('kit_id', '=', kit.id)
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
  if (Number(used.numDeletedRows) !== 1) throw new HttpError(403, 'recovery-refused');
  return kit;
}

/** Inside the transaction that acts on the answer: the kit is still the current one (a new kit made meanwhile retires it). */
export async function stillCurrent(trx: Db, secret: ServerSecret, kit: RecoveryKit): Promise<void> {
  if ((await currentRecoveryKit(trx, secret))?.id !== kit.id) throw new HttpError(403, 'recovery-refused');
}
