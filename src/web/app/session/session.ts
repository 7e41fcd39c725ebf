// What a login opens: the member's answer from the server and the keys it unlocked in this tab.
import type { Keyring } from '../../../core/keyring.ts';
import type { LoginResponse } from '../../../core/api/auth.ts';

export interface Session {
  login: LoginResponse;
  keyring: Keyring;
  /** The member's own private key: opens grants made after login (key rotation). */
  memberKey: Uint8Array;
}
