// What every feature needs, built once at start and shared through app.vigil.
import type { Config } from './config.ts';
import type { Storage } from './storage/open.ts';
import type { ServerSecret } from './secret.ts';
import type { GuideKind } from '../core/guides/structure.ts';
import { readOrganization, type OrganizationView } from './settings/organization-view.ts';
import { readIntakeKey, type IntakeKey } from './keys/intake-key.ts';
import { readGuidesWritten } from './guides/written.ts';
import { keptCopies } from './context/kept-copies.ts';
import type { BackupScheduler } from './backup/schedule.ts';
import type { ChangeFeed } from './cluster/changes.ts';
import type { Membership } from './cluster/join.ts';

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

export function createContext(config: Config, storage: Storage, secret: ServerSecret, cluster: Pick<Membership, 'changes' | 'instanceId'>): VigilContext {
  const { db } = storage;
  const { changes } = cluster;
  const copies = keptCopies(changes);
  return {
    config,
    storage,
    secret,
    changes,
    instanceId: cluster.instanceId,
    backupSchedule: null,
    // "Not set up" and "no key" are not kept: another server on the same PostgreSQL may set it up.
    organization: copies.kept(() => readOrganization(db, config.exitUrl), (org) => org !== null),
    intakeKey: copies.kept(() => readIntakeKey(db, secret), (key) => key !== null),
    guidesWritten: copies.kept(() => readGuidesWritten(db)),
    async forget() {
      copies.forgetHere();
      // The change has committed: a failed announcement must not answer it as failed. The others
      // then see it when their copies reach KEEP_AT_MOST_MS.
      await changes.publish('caches').catch(() => undefined);
    },
  };
}
