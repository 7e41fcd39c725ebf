// Everything one signed-in member holds in memory: their keys, and whatever was decrypted with
// them. Locking (button, idle, page hidden, session ended) calls forget(): key bytes are zeroed
// and every decrypted thing is dropped, so nothing survives a lock but the login screen.
import type { Language } from '../../../core/i18n/languages.ts';
import type { LoginResponse } from '../../../core/api/auth.ts';
import type { OrgKeyView } from '../../../core/api/keys.ts';
import type { Role } from '../../../core/team/roles.ts';
import { addGrants, type Keyring } from '../../../core/keyring.ts';
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { api } from './api.ts';
import type { Session } from './session.ts';

/** GET /api/me */
export interface Me {
  id: string;
  email: string;
  role: Role;
  status: 'active' | 'invited' | 'removed';
  idleMinutes: number;
  /** Null until the member's first login sets it from the browser. */
  language: Language | null;
  /** The organization's time zone (IANA), for every time shown. */
  timeZone: string;
}

/**
 * The organization's key list (GET /api/keys), which names each key's purpose for the keyring's
 * labels; empty where it cannot be read (a member who must first enrol a second factor).
 */
export const keyList = (): Promise<OrgKeyView[]> => api<{ keys: OrgKeyView[] }>('/api/keys').then(({ keys }) => keys, () => []);

export interface Forgettable {
  forget(): void;
}

export class Vault {
  /** Replaced after a passphrase change (it carries the re-wrapped private key). */
  login: LoginResponse;
  readonly keyring: Keyring;
  private readonly memberKey: Uint8Array;
  readonly me: Me;
  private readonly held = new Map<string, Forgettable>();
  private forgotten = false;

  constructor(session: Session, me: Me) {
    this.login = session.login;
    this.keyring = session.keyring;
    this.memberKey = session.memberKey;
    this.me = me;
  }

  get isAdmin(): boolean {
    return this.me.role === 'admin';
  }

  /** Coordinators and administrators: they speak for the organization (channels, bundles, alerts). */
  get isCoordinator(): boolean {
    return this.me.role === 'coordinator' || this.me.role === 'admin';
  }

  get canTriage(): boolean {
    return this.me.role !== 'viewer';
  }

  get isOpen(): boolean {
    return !this.forgotten;
  }

  /** Something that holds decrypted data for this session: made once, forgotten on lock. */
  hold<T extends Forgettable>(name: string, make: () => T): T {
    if (this.forgotten) throw new Error('locked');
    let thing = this.held.get(name) as T | undefined;
    if (!thing) {
      thing = make();
      this.held.set(name, thing);
    }
    return thing;
  }

  /** Drops a held thing so the next hold() makes it afresh (e.g. after the intake key changed). */
  release(name: string): void {
    this.held.get(name)?.forget();
    this.held.delete(name);
  }

  /**
   * Opens keys granted since login (another administrator rotated the intake key) and restarts
   * whatever holds key copies. Returns how many keys were added.
   */
  async refreshKeys(): Promise<number> {
    if (this.forgotten) return 0;
    const [{ grants }, keys] = await Promise.all([api<{ grants: LoginResponse['grants'] }>('/api/me/grants'), keyList()]);
    const publicKey = fromBase64Url(this.login.keys.publicKey)!;
    const added = await addGrants(this.keyring, grants, { privateKey: this.memberKey, publicKey });
    this.keyring.label(keys);
    if (added > 0) this.keysChanged();
    return added;
  }

  /** The organization's keys changed (a rotation, a first key): whatever caches one starts afresh. */
  keysChanged(): void {
    for (const name of ['decrypt-pool', 'intake-key', 'records-key']) this.release(name);
  }

  forget(): void {
    this.forgotten = true;
    for (const thing of this.held.values()) thing.forget();
    this.held.clear();
    this.keyring.forget();
    this.memberKey.fill(0);
  }
}
