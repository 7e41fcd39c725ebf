// What every feature needs, built once at start and shared through app.vigil.
import type { Config } from './config.ts';
import type { Storage } from './storage/open.ts';
import type { ServerSecret } from './secret.ts';
import type { Language } from '../core/i18n/languages.ts';
import { LANGUAGES } from '../core/i18n/languages.ts';
import { intakeKeyIsIntact } from './keys/integrity.ts';
import { GUIDE_KINDS, type GuideKind } from '../core/guides/structure.ts';
import type { BackupScheduler } from './backup/schedule.ts';
import type { ChangeFeed } from './cluster/changes.ts';
import type { Membership } from './cluster/join.ts';

export interface OrganizationView {
  name: string;
  publicTitle: string;
  languages: Language[];
  requireSecondFactor: boolean;
  /** IANA zone for every time shown (migration 024). */
  timeZone: string;
  /** Where "quick exit" goes: the organization's setting, else VIGIL_EXIT_URL. */
  exitUrl: string;
  settingsVersion: number;
}

export interface IntakeKey {
  keyId: string;
  publicKey: Uint8Array;
}

export interface VigilContext {
  config: Config;
  storage: Storage;
  secret: ServerSecret;
  /** Cached: read on every public page; forgotten on every server when settings or keys change. */
  organization(): Promise<OrganizationView | null>;
  intakeKey(): Promise<IntakeKey | null>;
  /** Cached: which guide pages have words (linked from every public page); forgotten when one is saved. */
  guidesWritten(): Promise<GuideKind[]>;
  /** After a change to what is cached commits: every server (this one at once) forgets its copies. */
  forget(): Promise<void>;
  /** How the servers on one database tell each other of changes (cluster/changes.ts). */
  changes: ChangeFeed;
  /** This running server's id among the servers on the database (cluster/instance.ts). */
  instanceId: string;
  /** The running server's backup schedule (set once it starts; null without VIGIL_BACKUP_DIR): a lockdown aborts its run. */
  backupSchedule: BackupScheduler | null;
}

export const NEUTRAL_TITLE = 'Community notes';

/** The longest a server serves its copy of the organization, intake key or guides without reading again. */
export const KEEP_AT_MOST_MS = 10_000;

export function createContext(config: Config, storage: Storage, secret: ServerSecret, cluster: Pick<Membership, 'changes' | 'instanceId'>): VigilContext {
  let org: Promise<OrganizationView | null> | undefined;
  let key: Promise<IntakeKey | null> | undefined;
  let guides: Promise<GuideKind[]> | undefined;
  const { db } = storage;
  const { changes } = cluster;
  let keptSince = Date.now();
  const forgetHere = () => {
    org = undefined;
    key = undefined;
    guides = undefined;
    keptSince = Date.now();
  };
  changes.subscribe((change) => change !== 'lockdown' && forgetHere());
  /**
   * A kept copy, unless changes elsewhere may go unheard (the listening connection is down: read
   * through) or it is older than KEEP_AT_MOST_MS — the backstop for a notification lost between a
   * commit and its pg_notify.
   */
  const cached = <T>(kept: Promise<T> | undefined): Promise<T> | undefined => {
    if (!changes.listening || Date.now() - keptSince > KEEP_AT_MOST_MS) {
      forgetHere();
      return undefined;
    }
    return kept;
  };
  return {
    config,
    storage,
    secret,
    changes,
    instanceId: cluster.instanceId,
    backupSchedule: null,
    organization() {
      org = cached(org) ?? db
        .selectFrom('organization')
        .select(['name', 'public_title', 'languages', 'require_second_factor', 'time_zone', 'exit_url', 'settings_version'])
        .executeTakeFirst()
        .then((row) =>
          row
            ? {
                name: row.name,
                publicTitle: row.public_title,
                languages: (JSON.parse(row.languages) as string[]).filter((l): l is Language =>
                  (LANGUAGES as readonly string[]).includes(l),
                ),
                requireSecondFactor: !!row.require_second_factor,
                timeZone: row.time_zone,
                exitUrl: row.exit_url ?? config.exitUrl,
                settingsVersion: Number(row.settings_version),
              }
            : null,
        );
      // "Not set up" is not cached: another server on the same PostgreSQL may set it up.
      void org.then((v) => v ?? (org = undefined), () => (org = undefined));
      return org;
    },
    intakeKey() {
      key = cached(key) ?? db
        .selectFrom('intake_keys')
        .select(['id', 'public_key', 'purpose', 'mac'])
        .where('retired_at', 'is', null)
        .where('purpose', '=', 'intake')
        .orderBy('created_at', 'desc')
        .execute()
        .then((rows) => {
          // Only a key this server recorded (valid MAC) is ever given to reporters to seal to.
          const row = rows.find((r) => intakeKeyIsIntact(secret, r));
          return row ? { keyId: row.id, publicKey: new Uint8Array(row.public_key) } : null;
        });
      void key.then((v) => v ?? (key = undefined), () => (key = undefined));
      return key;
    },
    guidesWritten() {
      guides = cached(guides) ?? db
        .selectFrom('guides')
        .select(['kind', 'sections'])
        .execute()
        .then((rows) =>
          GUIDE_KINDS.filter((kind) => {
            const row = rows.find((r) => r.kind === kind);
            return !!row && (JSON.parse(row.sections) as { body: Record<string, string> }[]).some((s) => Object.values(s.body).some((b) => b.trim() !== ''));
          }),
        );
      void guides.catch(() => (guides = undefined));
      return guides;
    },
    async forget() {
      forgetHere();
      // The change has committed: a failed announcement must not answer it as failed. The others
      // then see it when their copies reach KEEP_AT_MOST_MS.
      await changes.publish('caches').catch(() => undefined);
    },
  };
}
