// Before each trustees' action, a fresh one-time challenge from the server, opened here with the
// kit's key: nothing the page sends can be used again.
import { api } from '../session/api.ts';
import type { RecoveryChallenge } from '../../../core/api/recovery.ts';
import { answerChallenge } from '../../../core/recovery/challenge.ts';

/** The kit's key as the trustees' shares made it whole in this browser; zeroed when they are done. */
export interface KitKey {
  id: string;
  privateKey: Uint8Array;
}

export async function freshAnswer(kit: KitKey): Promise<string> {
  const { challenge } = await api<RecoveryChallenge>('/api/recovery/challenge', {});
  return answerChallenge(challenge, kit);
}
